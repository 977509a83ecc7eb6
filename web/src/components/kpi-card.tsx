import { changeTone, latestOf, seriesOf } from "../api/report-data.js";
import type { ReportResponse } from "../api/types.js";
import { entityName } from "../i18n/column-labels.js";
import { formatChange } from "../i18n/format.js";
import { useI18n } from "../i18n/i18n.js";
import { useMetricInfo } from "../state/app-context.js";
import { navigate } from "../state/url-state.js";
import { Sparkline } from "./sparkline.js";

/** One metric: latest value, change coloured by the metric's direction of good, sparkline, goal status. Click: drill-down. */
export function KpiCard({ metric, report }: { readonly metric: string; readonly report: ReportResponse }) {
  const i18n = useI18n();
  const info = useMetricInfo()(metric);
  const name = i18n.metric(metric);
  const missing = report.notAvailable.find((n) => n.metric === metric);
  const latest = latestOf(report, metric);
  const tone = changeTone(latest?.change ?? null, info?.direction);
  const goal = report.goals?.find((g) => g.goal.metric === metric && g.goal.segment === null);
  const open = () => {
    if (latest !== undefined) navigate({ drill: { metric, period: latest.period, segment: [] } });
  };
  return (
    <article class="kpi" aria-label={name}>
      <h3 title={info?.description ?? ""}>{name}</h3>
      {missing ? (
        <p class="muted">
          {i18n.t("web.notAvailable", {
            missing: missing.missing.map((e) => entityName(i18n, e)).join(i18n.rtl ? "، " : ", "),
          })}
        </p>
      ) : (
        <>
          <button
            type="button"
            class="kpi-value"
            onClick={open}
            data-testid={`kpi-value-${metric}`}
            data-value={latest?.value ?? ""}
            aria-label={`${name}: ${i18n.value(latest?.value, info?.unit)}`}
          >
            {i18n.value(latest?.value, info?.unit)}
          </button>
          <p class={`change ${tone}`}>
            {latest?.change === null || latest?.change === undefined
              ? i18n.t("web.noChange")
              : i18n.t("web.change", { change: formatChange(i18n.locale.intl, latest.change) })}
          </p>
          <p class="muted period">{latest?.display}</p>
          <Sparkline data={seriesOf(report, metric)} rtl={i18n.rtl} />
          {goal && (
            <p class={`goal-status ${goal.status}`}>
              {i18n.tk(`web.goal.status.${goal.status}`)} ·{" "}
              {i18n.t("web.goal.line", { target: i18n.value(goal.goal.target, info?.unit) })}
            </p>
          )}
        </>
      )}
    </article>
  );
}
