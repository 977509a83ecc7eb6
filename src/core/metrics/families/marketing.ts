import type { MetricContext } from "../context/metric-context.js";
import {
  type CombinedCompiler,
  compileOneRequest,
  type Grouping,
  type MetricDefinition,
} from "../definition/metric-definition.js";
import { drillColumns, NO_NUMBER, openEnd, type Part, periodJoin } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §6 `email_list_growth_rate`. Membership is per (list, lower-cased
 * email): a member at `start` is a pair whose latest event before `start` is
 * `subscribed`. Each event is turned into a span (at, next event of the pair],
 * so "latest event before t is this one" ⇔ at < t ≤ next_at (or no next).
 * Events of a pair at the same instant put `subscribed` first, so the other
 * kind is the latest one and the pair is not a member.
 */

const SUBSCRIBED = "subscribed";

function byList(grouping: Grouping): boolean {
  return grouping.source === "builtin" && grouping.keys[0] === "list_id";
}

/** Every event with the member key and the instant of the pair's next event. */
function eventsSql(ctx: MetricContext): string {
  const at = ctx.q("at");
  const member = "LOWER(e.email)";
  return `SELECT e.list_id, ${member} AS member, e.event, e.${at} AS at_,
      LEAD(e.${at}) OVER (PARTITION BY e.list_id, ${member}
        ORDER BY e.${at}, CASE WHEN e.event = ${ctx.bind(SUBSCRIBED)} THEN 0 ELSE 1 END) AS next_at
    FROM email_events e`;
}

/**
 * Signed event rows in P: +1 subscribed, −1 any other kind (unsubscribed,
 * bounced, complained); `events`: a relation holding `eventsSql`'s rows.
 */
function movesSql(ctx: MetricContext, events = `(${eventsSql(ctx)})`): string {
  return `SELECT p.idx, ev.list_id, ev.member, ev.event, ev.at_,
      CASE WHEN ev.event = ${ctx.bind(SUBSCRIBED)} THEN 1 ELSE -1 END AS delta
    FROM ${ctx.rel("periods")} p JOIN ${events} ev ON ${periodJoin(ctx, "ev.at_")}`;
}

/** Pairs subscribed at the start of P (their latest event before start is `subscribed`). */
function membersAtStartSql(ctx: MetricContext, events = `(${eventsSql(ctx)})`): string {
  return `SELECT p.idx, ev.list_id, ev.member, ev.at_
    FROM ${ctx.rel("periods")} p JOIN ${events} ev
      ON ev.event = ${ctx.bind(SUBSCRIBED)} AND ev.at_ < p.start_at AND ${openEnd(ctx, "ev.next_at")} >= p.start_at`;
}

/**
 * The total and the per-list rows from one pass over the events: moves and
 * list sizes by GROUPING SETS (set_id 1: the total, 0: per list). Per list,
 * every list × every period, so a quiet list still reports its size.
 */
const COMBINED_LISTS: CombinedCompiler = {
  compile(ctx, requests) {
    const sets = (rows: string, aggregate: string) =>
      `SELECT x.idx, x.list_id, GROUPING(x.list_id) AS set_id, ${aggregate} AS n FROM (${rows}) x
        GROUP BY GROUPING SETS ((x.idx), (x.idx, x.list_id))`;
    const width = Math.max(...requests.map((r) => r.grouping.keys.length));
    const branches = requests.map(({ metric, grouping }, req) => {
      const perList = byList(grouping);
      const lists = perList ? " CROSS JOIN (SELECT DISTINCT list_id FROM email_events) l" : "";
      const on = (alias: string) =>
        `${alias}.idx = p.idx AND ${alias}.set_id = ${perList ? "0" : "1"}${perList ? ` AND ${alias}.list_id IS NOT DISTINCT FROM l.list_id` : ""}`;
      const groups = Array.from(
        { length: width },
        (_, i) => `, ${perList && i === 0 ? "l.list_id" : "NULL"} AS g${i}`,
      );
      return `SELECT ${req} AS req, ${ctx.bind(metric.id)} AS metric, p.idx AS period_idx${groups.join("")},
          ${NO_NUMBER} AS value, COALESCE(mv.n, 0) AS numerator, COALESCE(sz.n, 0) AS denominator
        FROM ${ctx.rel("periods")} p${lists}
        LEFT JOIN moves mv ON ${on("mv")} LEFT JOIN sizes sz ON ${on("sz")}`;
    });
    return `WITH events AS MATERIALIZED (${eventsSql(ctx)}),
      moves AS MATERIALIZED (${sets(movesSql(ctx, "events"), "SUM(x.delta)")}),
      sizes AS MATERIALIZED (${sets(membersAtStartSql(ctx, "events"), "COUNT(*)")})
      ${branches.join("\nUNION ALL\n")}`;
  },
};

const emailListGrowthRate: MetricDefinition = {
  id: "email_list_growth_rate",
  family: "marketing",
  kind: "ratio",
  unit: "fraction",
  direction: "up",
  formula: "(subscribed − unsubscribed − bounced − complained in P) / list size at start",
  requires: ["email_events"],
  builtInBreakdowns: [{ keys: ["list_id"] }],
  customerDimensions: "none",
  noBreakdownReason: "metrics.breakdown.reason.emailList",
  combined: COMBINED_LISTS,
  compile(ctx, grouping) {
    return compileOneRequest(COMBINED_LISTS, ctx, { metric: this, grouping });
  },
  drill(ctx, grouping) {
    const groups = byList(grouping) ? ["x.list_id"] : [];
    const rows = (part: Part, from: string, amount: string | undefined, detail: string) =>
      `SELECT ${drillColumns(ctx, "x.idx", grouping, groups, {
        part,
        entity: "email_events",
        recordId: "x.member",
        amount,
        detail,
      })} FROM (${from}) x`;
    const where = (label: string) =>
      `COALESCE(x.list_id, '') || ' ' || ${label} || ' ' || CAST(x.at_ AS VARCHAR)`;
    return `${rows("numerator", movesSql(ctx), "x.delta", where("x.event"))}
      UNION ALL
      ${rows("denominator", membersAtStartSql(ctx), undefined, where(ctx.bind("subscribed since")))}`;
  },
};

export const marketingMetrics: readonly MetricDefinition[] = [emailListGrowthRate];
