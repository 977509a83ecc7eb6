import { useMemo } from "preact/hooks";
import { periodLabels, seriesOf } from "../../api/report-data.js";
import type { ReportResponse } from "../../api/types.js";
import { useReport } from "../../api/use-report.js";
import { Chart } from "../../charts/chart.js";
import { cartesianOption } from "../../charts/chart-options.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { Async } from "../../components/states.js";
import { useI18n } from "../../i18n/i18n.js";
import { navigate } from "../../state/url-state.js";

const MOVEMENTS = ["mrr_new", "mrr_expansion", "mrr_reactivation", "mrr_contraction", "mrr_churned"] as const;
/** Movements that lower MRR are drawn below zero. */
const NEGATIVE: ReadonlySet<string> = new Set(["mrr_contraction", "mrr_churned"]);
const METRICS = [
  "mrr",
  "arr",
  "arpa",
  "quick_ratio",
  ...MOVEMENTS,
  "net_revenue_retention",
  "gross_revenue_retention",
  "net_new_revenue",
  "expansion_revenue",
  "revenue",
  "revenue_concentration_top20",
];

function MovementsChart({ report }: { readonly report: ReportResponse }) {
  const i18n = useI18n();
  const title = i18n.t("web.revenue.movements");
  const option = useMemo(
    () =>
      cartesianOption({
        categories: periodLabels(report),
        series: [
          ...MOVEMENTS.map((m) => ({
            name: i18n.metric(m),
            kind: "bar" as const,
            stack: "movements",
            data: seriesOf(report, m).map((v) => (v === null ? null : NEGATIVE.has(m) ? -Math.abs(v) : v)),
          })),
          { name: i18n.metric("mrr"), kind: "line" as const, data: seriesOf(report, "mrr") },
        ],
        rtl: i18n.rtl,
        format: (v) => i18n.value(v, "money"),
      }),
    [report, i18n],
  );
  // A click on a movement lists the customers behind it (explain of that movement).
  const onClick = ({ dataIndex, seriesIndex }: { dataIndex: number; seriesIndex: number }) => {
    const metric = [...MOVEMENTS, "mrr"][seriesIndex];
    const period = report.periods[dataIndex];
    if (metric && period) navigate({ drill: { metric, period: period.label, segment: [] } });
  };
  return (
    <section class="panel">
      <h3>{title}</h3>
      <p class="muted">{i18n.t("web.revenue.clickHint")}</p>
      <Chart option={option} label={title} height={340} onClick={onClick} />
    </section>
  );
}

export function RevenueView() {
  const { t } = useI18n();
  const report = useReport(METRICS);
  return (
    <section data-testid="view-revenue" aria-labelledby="view-title">
      <h2 id="view-title">{t("web.view.revenue")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={METRICS.filter((m) => !MOVEMENTS.includes(m as never))} report={r} />
            <MovementsChart report={r} />
            <div class="charts">
              <MetricChart report={r} metrics={["net_revenue_retention", "gross_revenue_retention"]} />
              <MetricChart report={r} metrics={["net_new_revenue", "expansion_revenue"]} kind="bar" />
              <MetricChart report={r} metrics={["revenue"]} bySegment />
              <MetricChart report={r} metrics={["revenue_concentration_top20"]} />
            </div>
          </>
        )}
      </Async>
    </section>
  );
}
