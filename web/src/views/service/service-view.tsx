import { useMemo } from "preact/hooks";
import type { ExplainResponse, ReportResponse } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { useReport } from "../../api/use-report.js";
import { Chart } from "../../charts/chart.js";
import { cartesianOption } from "../../charts/chart-options.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { SegmentBars } from "../../components/segment-bars.js";
import { Async } from "../../components/states.js";
import { dimensionName } from "../../i18n/column-labels.js";
import { useI18n } from "../../i18n/i18n.js";
import { useAppState, useCalendar } from "../../state/app-context.js";

const METRICS = [
  "avg_resolution_hours",
  "first_response_hours",
  "open_tickets",
  "nps",
  "ces",
  "ces_easy_share",
  "csat",
];

/**
 * Promoters, passives and detractors of the last period. The NPS numerator
 * rows of /explain carry +1 (promoter) or −1 (detractor); everyone else among
 * the respondents (the denominator) is a passive.
 */
function NpsBars({ report }: { readonly report: ReportResponse }) {
  const i18n = useI18n();
  const calendar = useCalendar();
  const state = useAppState();
  const period = report.periods[report.periods.length - 1];
  const explain = useApi<ExplainResponse>(period ? "/explain" : null, {
    metric: "nps",
    period: period?.label,
    grain: state.grain,
    calendar,
    side: "numerator",
    pageSize: 1000,
  });
  const title = `${i18n.t("web.service.npsBreakdown")} · ${period?.display ?? ""}`;
  const option = useMemo(() => {
    const rows = explain.data?.rows ?? [];
    const respondents = explain.data?.value.denominator ?? 0;
    const promoters = rows.filter((r) => (r.amount ?? 0) > 0).length;
    const detractors = rows.filter((r) => (r.amount ?? 0) < 0).length;
    const passives = Math.max(0, respondents - promoters - detractors);
    const share = (n: number) => (respondents > 0 ? n / respondents : null);
    return cartesianOption({
      categories: [
        i18n.t("web.service.promoters"),
        i18n.t("web.service.passives"),
        i18n.t("web.service.detractors"),
      ],
      series: [
        {
          name: i18n.metric("nps"),
          kind: "bar",
          data: [share(promoters), share(passives), share(detractors)],
        },
      ],
      rtl: i18n.rtl,
      horizontal: true,
      format: (v) => i18n.value(v, "fraction"),
    });
  }, [explain.data, i18n]);
  return (
    <section class="panel">
      <h3>{title}</h3>
      <Async state={explain}>{() => <Chart option={option} label={title} height={220} />}</Async>
    </section>
  );
}

export function ServiceView() {
  const i18n = useI18n();
  const report = useReport([...METRICS, "survey_response_rate"]);
  return (
    <section data-testid="view-service" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.service")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={METRICS} report={r} />
            <div class="charts">
              <SegmentBars
                report={r}
                metrics={["avg_resolution_hours", "first_response_hours"]}
                keys={["assignee_id"]}
                title={i18n.t("web.service.byAgent")}
              />
              <SegmentBars
                report={r}
                metrics={["avg_resolution_hours", "first_response_hours"]}
                keys={["channel"]}
                title={i18n.t("web.service.byChannel")}
              />
              <MetricChart report={r} metrics={["nps"]} />
              <NpsBars report={r} />
              <MetricChart report={r} metrics={["csat"]} bySegment />
              <SegmentBars
                report={r}
                metrics={["survey_response_rate"]}
                keys={["survey"]}
                title={`${i18n.metric("survey_response_rate")} · ${dimensionName(i18n, "survey")}`}
              />
              <SegmentBars
                report={r}
                metrics={["ces"]}
                keys={["channel"]}
                title={`${i18n.metric("ces")} · ${i18n.t("web.service.byChannel")}`}
              />
              <MetricChart report={r} metrics={["open_tickets"]} kind="bar" bySegment />
            </div>
          </>
        )}
      </Async>
    </section>
  );
}
