import type { Grouping, MetricDefinition } from "../definition/metric-definition.js";
import {
  channelsSql,
  newCustomersPerPeriodSql,
  spendPerPeriodSql,
  spendRowsSql,
} from "../fragments/acquisition-spend.js";
import { drillColumns, metricColumns, periodJoin } from "../fragments/sql-helpers.js";

/** METRICS.md §3 `cac`; the spend arithmetic it shares lives in fragments/acquisition-spend.ts. */

function byChannel(grouping: Grouping): boolean {
  return grouping.source === "customer";
}

const cac: MetricDefinition = {
  id: "cac",
  family: "value",
  kind: "ratio",
  unit: "money",
  direction: "down",
  formula:
    "(sales + marketing spend in P) / N(P); per channel: spend of the channel / N with that acquisition_channel",
  requires: ["customers", "spend"],
  customerDimensions: ["acquisition_channel"],
  noBreakdownReason: "metrics.breakdown.reason.spend",
  ownsCustomerRows: true,
  compile(ctx, grouping) {
    const perChannel = byChannel(grouping);
    const options = { byChannel: perChannel };
    const channelJoin = (alias: string) => (perChannel ? ` AND ${alias}.channel = ch.channel` : "");
    return `SELECT ${metricColumns(ctx, this.id, "p.idx", grouping, perChannel ? ["ch.channel"] : [], {
      numerator: "COALESCE(sp.spend, 0)",
      denominator: "COALESCE(n.n, 0)",
    })}
      FROM ${ctx.rel("periods")} p${perChannel ? ` CROSS JOIN (${channelsSql(ctx)}) ch` : ""}
      LEFT JOIN (${spendPerPeriodSql(ctx, options)}) sp ON sp.idx = p.idx${channelJoin("sp")}
      LEFT JOIN (${newCustomersPerPeriodSql(ctx, options)}) n ON n.idx = p.idx${channelJoin("n")}`;
  },
  drill(ctx, grouping) {
    const perChannel = byChannel(grouping);
    const spend = `SELECT ${drillColumns(ctx, "sr.idx", grouping, perChannel ? ["sr.channel"] : [], {
      part: "numerator",
      entity: "spend",
      recordId: "sr.record_id",
      amount: "sr.amount",
      detail: "sr.detail",
    })} FROM (${spendRowsSql(ctx)}) sr${perChannel ? " WHERE sr.channel IS NOT NULL" : ""}`;
    const customers = `SELECT ${drillColumns(
      ctx,
      "p.idx",
      grouping,
      perChannel ? ["c.acquisition_channel"] : [],
      {
        part: "denominator",
        entity: "customers",
        recordId: "c.customer_id",
        detail: `${ctx.bind("acquired ")} || CAST(c.acquired_eff AS VARCHAR)`,
      },
    )} FROM ${ctx.rel("periods")} p JOIN ${ctx.rel("customers")} c
        ON ${periodJoin(ctx, "c.acquired_eff")}${perChannel ? " WHERE c.acquisition_channel IS NOT NULL" : ""}`;
    return `${spend}\nUNION ALL\n${customers}`;
  },
};

export const acquisitionCostMetrics: readonly MetricDefinition[] = [cac];
