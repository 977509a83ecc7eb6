import type { MetricContext } from "../context/metric-context.js";
import type { Grouping, MetricDefinition } from "../definition/metric-definition.js";
import {
  durationMeanTerms,
  groupSelect,
  MS_PER_HOUR,
  percentileSiblings,
  rowMetric,
} from "../fragments/row-metric.js";
import { openEnd, periodJoin } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §5, tickets. Ticket breakdowns use the assignee and the channel
 * written on the ticket row; customer dimensions go through the ticket's customer.
 */

const TICKET_GROUPS = { assignee_id: "t.assignee_id", channel: "t.channel" };
// Issue 3 asks for mean, median and p90 per assignee and per channel (METRICS.md
// lists only the means per segment; the issue is newer and wins).
const TICKET_BREAKDOWNS = [
  { keys: ["assignee_id"], statistics: true },
  { keys: ["channel"], statistics: true },
];
const text = (expr: string) => `CAST(${expr} AS VARCHAR)`;

/** Tickets whose `at` column falls in P, with x = hours from created_at to it. */
function ticketHours(at: string) {
  return (ctx: MetricContext, grouping: Grouping): string => {
    const g = groupSelect(ctx, grouping, "t.customer_id", TICKET_GROUPS);
    return `SELECT p.idx AS period_idx${g.columns}, t.ticket_id AS record_id,
        (${ctx.dialect.secondsBetween("t.created_at", `t.${at}`)} / 3600.0) AS x,
        ${ctx.dialect.millisecondsBetween("t.created_at", `t.${at}`)} AS x_ms,
        CONCAT(${ctx.bind("created ")}, ${text("t.created_at")}, ${ctx.bind(`, ${at.replace("_at", "")} `)}, ${text(`t.${at}`)}) AS detail
      FROM tickets t JOIN ${ctx.rel("periods")} p ON ${periodJoin(ctx, `t.${at}`)} ${g.join}`;
  };
}

export const serviceMetrics: readonly MetricDefinition[] = [
  rowMetric({
    id: "avg_resolution_hours",
    family: "service",
    kind: "mean",
    unit: "hours",
    direction: "down",
    requires: ["tickets"],
    customerDimensions: "all",
    formula: "tickets resolved in P: mean hours from created_at to resolved_at",
    entity: "tickets",
    rows: ticketHours("resolved_at"),
    terms: durationMeanTerms(MS_PER_HOUR),
    statistics: percentileSiblings("avg_resolution_hours"),
    builtInBreakdowns: TICKET_BREAKDOWNS,
    plainRows: true,
  }),
  rowMetric({
    id: "first_response_hours",
    family: "service",
    kind: "mean",
    unit: "hours",
    direction: "down",
    requires: ["tickets"],
    customerDimensions: "all",
    formula: "tickets first answered in P: mean hours from created_at to first_response_at",
    entity: "tickets",
    rows: ticketHours("first_response_at"),
    terms: durationMeanTerms(MS_PER_HOUR),
    statistics: percentileSiblings("first_response_hours"),
    builtInBreakdowns: TICKET_BREAKDOWNS,
    plainRows: true,
  }),
  rowMetric({
    id: "open_tickets",
    family: "service",
    kind: "count",
    unit: "count",
    direction: "down",
    requires: ["tickets"],
    customerDimensions: "all",
    formula: "tickets created before end and not resolved by then",
    entity: "tickets",
    rows(ctx, grouping) {
      const g = groupSelect(ctx, grouping, "t.customer_id", TICKET_GROUPS);
      return `SELECT p.idx AS period_idx${g.columns}, t.ticket_id AS record_id,
          CONCAT(${ctx.bind("created ")}, ${text("t.created_at")}, ${ctx.bind(", resolved ")}, COALESCE(${text("t.resolved_at")}, ${ctx.bind("-")})) AS detail
        FROM tickets t JOIN ${ctx.rel("periods")} p
          ON t.created_at < p.end_at AND ${openEnd(ctx, "t.resolved_at")} >= p.end_at ${g.join}`;
    },
    terms: [{ part: "value" }],
  }),
];
