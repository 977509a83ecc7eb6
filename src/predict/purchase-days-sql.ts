import { MetricContext } from "../core/metrics/context/metric-context.js";
import type { DatasetSettings } from "../core/model/settings.js";
import type { CompiledQuery } from "../core/sql/compiled-query.js";
import type { SqlDialect } from "../core/sql/dialect.js";

/**
 * Purchase days (Fader–Hardie): a customer's orders on one local day of the
 * dataset's time zone count once, their amounts summed, in the base
 * (reporting) currency the importer converted them to (`amount_base`, as
 * the money metrics read it). Refunds are not purchases: they make no
 * purchase day and, with nothing tying them to an order, are not netted
 * against one. Columns: customer_id, day (DATE), value.
 */
function purchaseDays(ctx: MetricContext, settings: DatasetSettings): string {
  const zone = ctx.bind(settings.timezone);
  return `SELECT x.customer_id, x.day, SUM(x.value) AS value
    FROM (SELECT o.customer_id, ${ctx.dialect.localDate("o.ordered_at", zone)} AS day, o.amount_base AS value
          FROM orders o WHERE o.type IS NULL OR o.type <> ${ctx.bind("refund")}) x
    GROUP BY x.customer_id, x.day`;
}

/** The last purchase day, as days since 1970-01-01 (NULL without purchases). */
export function lastPurchaseDaySql(dialect: SqlDialect, settings: DatasetSettings): CompiledQuery {
  const ctx = new MetricContext(dialect, settings, {});
  const epoch = `CAST(${ctx.bind("1970-01-01")} AS DATE)`;
  const sql = `SELECT ${dialect.daysBetween(epoch, "MAX(d.day)")} AS last_day FROM (${purchaseDays(ctx, settings)}) d`;
  return { sql, params: ctx.params.values };
}

/**
 * Per customer whose first purchase day is on or before `calibrationEnd`
 * (an ISO date, inclusive): frequency (repeat purchase days in
 * calibration), recency_days and age_days from the first purchase day,
 * repeat_value (the value of those repeat days) and holdout_purchases
 * (purchase days after the calibration end). Unordered: the caller sorts,
 * so the order does not depend on an engine's collation.
 */
export function customerPurchaseDaysSql(
  dialect: SqlDialect,
  settings: DatasetSettings,
  calibrationEnd: string,
): CompiledQuery {
  const ctx = new MetricContext(dialect, settings, {});
  const end = `CAST(${ctx.bind(calibrationEnd)} AS DATE)`;
  const inCalibration = `d.day > f.first_day AND d.day <= ${end}`;
  const sql = `WITH d AS (${purchaseDays(ctx, settings)}),
    f AS (SELECT customer_id, MIN(day) AS first_day FROM d GROUP BY customer_id)
    SELECT d.customer_id,
           MAX(${dialect.daysBetween("f.first_day", end)}) AS age_days,
           SUM(CASE WHEN ${inCalibration} THEN 1 ELSE 0 END) AS frequency,
           MAX(CASE WHEN d.day <= ${end} THEN ${dialect.daysBetween("f.first_day", "d.day")} END) AS recency_days,
           COALESCE(SUM(CASE WHEN ${inCalibration} THEN d.value END), 0) AS repeat_value,
           SUM(CASE WHEN d.day > ${end} THEN 1 ELSE 0 END) AS holdout_purchases
    FROM d JOIN f ON f.customer_id = d.customer_id
    WHERE f.first_day <= ${end}
    GROUP BY d.customer_id`;
  return { sql, params: ctx.params.values };
}
