import type { Grain } from "../../calendar/period-types.js";
import type { Engine } from "../../core/engine.js";
import { findMetric } from "../../core/metrics/registry.js";
import type { CalendarId } from "../../core/model/settings.js";
import { runReport } from "../../report/run-report.js";

/** One line of a digest's KPI table: the last complete period against the one before. */
export interface KpiRow {
  readonly metric: string;
  readonly unit: string;
  readonly value: number | null;
  readonly previous: number | null;
}

/** The headline KPIs a digest shows beside the alert's own metric, when the data has them. */
export const DIGEST_METRICS = ["revenue", "new_customers", "customer_churn_rate", "mrr", "nps"] as const;

/**
 * The digest's KPI table: the alert's metric first, then the headline KPIs
 * the data can compute, whole business, last complete period and the one before.
 */
export async function digestKpis(
  engine: Engine,
  metric: string,
  grain: Grain,
  calendar: CalendarId,
): Promise<KpiRow[]> {
  const metrics = [...new Set([metric, ...DIGEST_METRICS])].filter((id) => findMetric(id) !== undefined);
  const result = await runReport(engine, { metrics, grain, calendar });
  const complete = result.periods.filter((p) => !p.partial);
  const last = complete.at(-1)?.label;
  const before = complete.at(-2)?.label;
  const valueAt = (id: string, period: string | undefined) =>
    period === undefined
      ? null
      : (result.values.find((v) => v.metric === id && v.period === period && v.segment === null)?.value ??
        null);
  const unavailable = new Set(result.notAvailable.map((n) => n.metric));
  return metrics
    .filter((id) => id === metric || !unavailable.has(id))
    .map((id) => {
      const definition = findMetric(id);
      return {
        metric: id,
        unit: definition?.siblingDetails?.[id]?.unit ?? definition?.unit ?? "count",
        value: valueAt(id, last),
        previous: valueAt(id, before),
      };
    });
}
