import { useReport } from "../../api/use-report.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { Async } from "../../components/states.js";
import { useI18n } from "../../i18n/i18n.js";

/** The headline metric of every family. */
export const OVERVIEW_METRICS = [
  "customer_churn_rate",
  "customer_retention_rate",
  "new_customers",
  "mrr",
  "net_new_revenue",
  "net_revenue_retention",
  "clv",
  "cac",
  "ltv_to_cac",
  "close_rate",
  "win_rate",
  "sales_cycle_days",
  "pipeline_value",
  "avg_resolution_hours",
  "open_tickets",
  "nps",
  "csat",
  "email_list_growth_rate",
] as const;

export function OverviewView() {
  const { t } = useI18n();
  const report = useReport(OVERVIEW_METRICS, { noBy: true });
  return (
    <section data-testid="view-overview" aria-labelledby="view-title">
      <h2 id="view-title">{t("web.view.overview")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={OVERVIEW_METRICS} report={r} />
            <div class="charts">
              <MetricChart report={r} metrics={["mrr"]} />
              <MetricChart report={r} metrics={["customer_churn_rate"]} />
            </div>
          </>
        )}
      </Async>
    </section>
  );
}
