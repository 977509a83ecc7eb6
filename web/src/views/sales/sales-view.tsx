import { useMemo } from "preact/hooks";
import { segmentLabel, segmentsOf, valueAt } from "../../api/report-data.js";
import type { ReportResponse, Row } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { useReport } from "../../api/use-report.js";
import { Chart } from "../../charts/chart.js";
import { funnelOption } from "../../charts/chart-options.js";
import { type Column, columnsOf, DataTable } from "../../components/data-table.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { SegmentBars } from "../../components/segment-bars.js";
import { Async } from "../../components/states.js";
import { dimensionName } from "../../i18n/column-labels.js";
import { useI18n } from "../../i18n/i18n.js";
import { navigate, segmentPairs } from "../../state/url-state.js";

const METRICS = [
  "close_rate",
  "win_rate",
  "lead_conversion_rate",
  "sales_cycle_days",
  "sales_cycle_days_median",
  "sales_cycle_days_p90",
  "pipeline_value",
  "quota_attainment",
  "stage_conversion",
  "stage_duration_days",
];
const CARDS = METRICS.filter((m) => m !== "stage_conversion" && m !== "stage_duration_days");

interface StageRow {
  readonly segment: Readonly<Record<string, string | null>>;
  readonly name: string;
  readonly entered: number | null;
  readonly conversion: number | null;
  readonly days: number | null;
}

function stageRows(report: ReportResponse): StageRow[] {
  const period = report.periods[report.periods.length - 1]?.label ?? "";
  return segmentsOf(report, "stage_conversion").flatMap((segment) => {
    if (segment === null) return [];
    const conversion = valueAt(report, "stage_conversion", period, segment);
    return [
      {
        segment,
        name: segmentLabel(segment),
        entered: conversion?.denominator ?? null,
        conversion: conversion?.value ?? null,
        days: valueAt(report, "stage_duration_days", period, segment)?.value ?? null,
      },
    ];
  });
}

function Funnel({ report }: { readonly report: ReportResponse }) {
  const i18n = useI18n();
  const rows = useMemo(() => stageRows(report), [report]);
  const title = i18n.t("web.sales.funnel");
  const period = report.periods[report.periods.length - 1]?.label ?? "";
  // One funnel per pipeline makes sense; the chart shows the first, the table every stage.
  const pipeline = rows[0]?.segment.pipeline;
  const funnelRows = useMemo(() => rows.filter((r) => r.segment.pipeline === pipeline), [rows, pipeline]);
  const option = useMemo(
    () =>
      funnelOption({
        stages: funnelRows.map((r) => ({ name: r.name, value: r.entered })),
        rtl: i18n.rtl,
        format: (v) => i18n.value(v, "count"),
      }),
    [funnelRows, i18n],
  );
  const columns: Column<StageRow>[] = [
    { key: "stage", label: i18n.t("web.segment"), value: (r) => r.name },
    {
      key: "entered",
      label: i18n.metric("stage_conversion"),
      value: (r) => r.conversion,
      numeric: true,
      render: (r) => i18n.value(r.conversion, "fraction"),
    },
    {
      key: "drop",
      label: i18n.t("web.sales.dropOff", { share: "" }).trim(),
      value: (r) => (r.conversion === null ? null : 1 - r.conversion),
      numeric: true,
      render: (r) => i18n.value(r.conversion === null ? null : 1 - r.conversion, "fraction"),
    },
    {
      key: "days",
      label: i18n.metric("stage_duration_days"),
      value: (r) => r.days,
      numeric: true,
      render: (r) => i18n.value(r.days, "days"),
    },
  ];
  const onClick = ({ dataIndex }: { dataIndex: number }) => {
    const row = funnelRows[dataIndex];
    if (row) navigate({ drill: { metric: "stage_conversion", period, segment: segmentPairs(row.segment) } });
  };
  return (
    <section class="panel">
      <h3>{title}</h3>
      <Chart option={option} label={title} height={320} onClick={onClick} />
      <DataTable caption={title} columns={columns} rows={rows} fileName="funnel" />
    </section>
  );
}

function StuckDeals() {
  const i18n = useI18n();
  const stuck = useApi<{ rows: Row[] }>("/lists/stuck-deals", {});
  return (
    <Async state={stuck} empty={(s) => s.rows.length === 0}>
      {(s) => (
        <DataTable
          caption={i18n.t("web.sales.stuck")}
          columns={columnsOf(s.rows, i18n)}
          rows={s.rows}
          fileName="stuck-deals"
        />
      )}
    </Async>
  );
}

export function SalesView() {
  const i18n = useI18n();
  const report = useReport(METRICS);
  return (
    <section data-testid="view-sales" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.sales")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={CARDS} report={r} />
            <Funnel report={r} />
            <div class="charts">
              <MetricChart report={r} metrics={["close_rate", "win_rate", "lead_conversion_rate"]} />
              <MetricChart
                report={r}
                metrics={["sales_cycle_days", "sales_cycle_days_median", "sales_cycle_days_p90"]}
              />
              <MetricChart report={r} metrics={["pipeline_value"]} kind="bar" bySegment />
              <SegmentBars
                report={r}
                metrics={["quota_attainment"]}
                keys={["rep_id"]}
                title={`${i18n.t("web.sales.quota")} · ${dimensionName(i18n, "rep_id")}`}
              />
              <SegmentBars
                report={r}
                metrics={["quota_attainment"]}
                keys={["team"]}
                title={`${i18n.t("web.sales.quota")} · ${dimensionName(i18n, "team")}`}
              />
            </div>
          </>
        )}
      </Async>
      <StuckDeals />
    </section>
  );
}
