import { useMemo } from "preact/hooks";
import type { CohortsResponse, Row } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { useReport } from "../../api/use-report.js";
import { Chart } from "../../charts/chart.js";
import { heatmapOption } from "../../charts/chart-options.js";
import { columnsOf, DataTable } from "../../components/data-table.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { Async } from "../../components/states.js";
import { useI18n } from "../../i18n/i18n.js";
import { useAppState, useCalendar } from "../../state/app-context.js";
import { navigate } from "../../state/url-state.js";
import { ClvPanel } from "./clv-panel.js";
import { PropensityList } from "./propensity-lists.js";

const METRICS = [
  "customer_churn_rate",
  "customer_retention_rate",
  "customer_base_growth_rate",
  "new_customers",
  "churned_customers",
  "net_customer_change",
];

function CohortHeatmap() {
  const i18n = useI18n();
  const state = useAppState();
  const calendar = useCalendar();
  const cohorts = useApi<CohortsResponse>("/cohorts", {
    grain: state.grain,
    calendar,
    from: state.from,
    to: state.to,
  });
  const byRevenue = state.cohort === "revenue";
  const title = i18n.t("web.customers.cohorts");
  return (
    <section class="panel">
      <h3>{title}</h3>
      <p class="muted">
        {i18n.t("web.customers.cohortAxis")} × {i18n.t("web.customers.offsetAxis")}
      </p>
      <fieldset class="segmented">
        <legend>{i18n.t("web.customers.cohortMode")}</legend>
        {(["customers", "revenue"] as const).map((mode) => (
          <label key={mode}>
            <input
              type="radio"
              name="cohort-mode"
              checked={state.cohort === mode}
              onChange={() => navigate({ cohort: mode }, { replace: true })}
            />
            {i18n.t(mode === "customers" ? "web.customers.byCustomers" : "web.customers.byRevenue")}
          </label>
        ))}
      </fieldset>
      <Async state={cohorts} empty={(c) => c.cohorts.length === 0}>
        {(data) => {
          const maxOffset = Math.max(0, ...data.cohorts.flatMap((c) => c.cells.map((cell) => cell.offset)));
          const xLabels = Array.from({ length: maxOffset + 1 }, (_, i) => i18n.value(i, "count"));
          const yLabels = data.cohorts.map((c) => c.label ?? c.cohort);
          const cells = data.cohorts.flatMap((c, y) =>
            c.cells.map(
              (cell) => [cell.offset, y, byRevenue ? cell.revenueShare : cell.customerShare] as const,
            ),
          );
          const option = heatmapOption({
            xLabels,
            yLabels,
            cells,
            rtl: i18n.rtl,
            format: (v) => i18n.value(v, "share"),
            xName: i18n.t("web.customers.offsetAxis"),
          });
          return <Chart option={option} label={title} height={Math.max(280, yLabels.length * 22 + 110)} />;
        }}
      </Async>
    </section>
  );
}

function RfmGrid() {
  const i18n = useI18n();
  const grid = useApi<{ segments: Row[]; unscored: number }>("/lists/rfm-grid", {});
  const title = i18n.t("web.customers.rfm");
  return (
    <Async state={grid} empty={(g) => g.segments.length === 0}>
      {(g) => (
        <DataTable
          caption={title}
          columns={columnsOf(g.segments, i18n)}
          rows={g.segments}
          fileName="rfm-grid"
        />
      )}
    </Async>
  );
}

function TopCustomers() {
  const i18n = useI18n();
  const top = useApi<{ customers: Row[] }>("/lists/top-customers", { limit: 20, by: "value" });
  const title = i18n.t("web.customers.top");
  return (
    <Async state={top} empty={(t) => t.customers.length === 0}>
      {(t) => (
        <DataTable
          caption={title}
          columns={columnsOf(t.customers, i18n)}
          rows={t.customers}
          fileName="top-customers"
        />
      )}
    </Async>
  );
}

export function CustomersView() {
  const { t } = useI18n();
  const report = useReport(METRICS);
  const charts = useMemo(
    () => ["customer_churn_rate", "customer_retention_rate", "customer_base_growth_rate"],
    [],
  );
  return (
    <section data-testid="view-customers" aria-labelledby="view-title">
      <h2 id="view-title">{t("web.view.customers")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={METRICS} report={r} />
            <div class="charts">
              {charts.map((m) => (
                <MetricChart key={m} report={r} metrics={[m]} bySegment />
              ))}
            </div>
          </>
        )}
      </Async>
      <CohortHeatmap />
      <RfmGrid />
      <ClvPanel />
      <TopCustomers />
      <PropensityList target="upsell" />
      <PropensityList target="churn" />
    </section>
  );
}
