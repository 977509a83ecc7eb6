import { useApi } from "../../api/use-api.js";
import { useReport } from "../../api/use-report.js";
import { type Column, DataTable } from "../../components/data-table.js";
import { KpiGrid } from "../../components/kpi-grid.js";
import { MetricChart } from "../../components/metric-chart.js";
import { SegmentBars } from "../../components/segment-bars.js";
import { Async } from "../../components/states.js";
import { columnLabel } from "../../i18n/column-labels.js";
import { useI18n } from "../../i18n/i18n.js";
import { useMetricInfo } from "../../state/app-context.js";

const METRICS = ["cac", "cac_payback_months", "ltv_to_cac", "clv", "email_list_growth_rate"];

interface CampaignRow {
  readonly campaignId: string;
  readonly name: string | null;
  readonly channel: string | null;
  readonly period: string;
  readonly figures: Readonly<Record<string, number | null>>;
}

function Campaigns() {
  const i18n = useI18n();
  const info = useMetricInfo();
  // Figures are the campaign_* metrics without their prefix (`cost_per_lead`).
  const figureName = (f: string) => {
    const name = i18n.metric(`campaign_${f}`);
    return name === `campaign_${f}` ? i18n.metric(f) : name;
  };
  const list = useApi<{ rows: CampaignRow[] }>("/lists/campaigns", {});
  return (
    <Async state={list} empty={(l) => l.rows.length === 0}>
      {(l) => {
        const figures = Object.keys(l.rows[0]?.figures ?? {});
        const columns: Column<CampaignRow>[] = [
          { key: "campaignId", label: columnLabel(i18n, "campaignId"), value: (r) => r.campaignId },
          { key: "name", label: columnLabel(i18n, "name"), value: (r) => r.name },
          { key: "channel", label: columnLabel(i18n, "channel"), value: (r) => r.channel },
          ...figures.map((f) => ({
            key: f,
            label: figureName(f),
            value: (r: CampaignRow) => r.figures[f] ?? null,
            numeric: true,
            render: (r: CampaignRow) => i18n.value(r.figures[f] ?? null, info(`campaign_${f}`)?.unit),
          })),
        ];
        return (
          <DataTable
            caption={i18n.t("web.marketing.campaigns")}
            columns={columns}
            rows={l.rows}
            fileName="campaigns"
          />
        );
      }}
    </Async>
  );
}

export function MarketingView() {
  const i18n = useI18n();
  const report = useReport(METRICS);
  const byChannel = useReport(["cac"], { by: ["acquisition_channel"] });
  return (
    <section data-testid="view-marketing" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.marketing")}</h2>
      <Async state={report} empty={(r) => r.periods.length === 0}>
        {(r) => (
          <>
            <KpiGrid metrics={METRICS} report={r} />
            <div class="charts">
              <MetricChart report={r} metrics={["cac"]} bySegment />
              <MetricChart report={r} metrics={["ltv_to_cac"]} />
              <MetricChart report={r} metrics={["cac_payback_months"]} kind="bar" />
              <MetricChart report={r} metrics={["email_list_growth_rate"]} bySegment />
            </div>
          </>
        )}
      </Async>
      <Async state={byChannel}>
        {(r) => (
          <SegmentBars
            report={r}
            metrics={["cac"]}
            keys={["acquisition_channel"]}
            title={i18n.t("web.marketing.cacByChannel")}
          />
        )}
      </Async>
      <Campaigns />
    </section>
  );
}
