import { CrmKpiError } from "../../errors.js";
import type { MetricContext } from "../context/metric-context.js";
import type { MetricDefinition, MetricParam } from "../definition/metric-definition.js";
import { compileParts, customerJoin, drillParts, type MoneyPart } from "../fragments/money-rows.js";
import { periodJoin } from "../fragments/sql-helpers.js";

/**
 * METRICS.md §2 `renewal_rate`. Due: terms whose end_at falls in P and that
 * were not canceled before it (canceled exactly at end_at still ran its
 * course). Renewed: another term of the same subscription_id starts within
 * [end_at − g, end_at + g], g = renewal_grace_days; a plan change inside the
 * chain counts as renewed.
 */
const GRACE_PARAM = {
  name: "grace_days",
  description:
    "days around end_at in which the next term must start; default: the dataset's renewal_grace_days",
  default: "30",
  range: { kind: "number", min: 0, max: 365 },
} as const satisfies MetricParam;

function graceDays(ctx: MetricContext): number {
  const text = ctx.param(GRACE_PARAM.name, String(ctx.settings.renewal_grace_days));
  const days = Number(text);
  if (text.trim() === "" || !Number.isFinite(days) || days < 0) {
    throw new CrmKpiError("bad_argument", `grace_days "${text}" must be a number of days, 0 or more`, {
      param: GRACE_PARAM.name,
      value: text,
    });
  }
  return days;
}

function renewed(ctx: MetricContext): string {
  const days = graceDays(ctx);
  return `EXISTS (SELECT 1 FROM subscriptions n
    WHERE n.subscription_id = t.subscription_id AND n.term_id <> t.term_id
      AND n.start_at >= ${ctx.dialect.addSeconds("t.end_at", ctx.days(-days))}
      AND n.start_at <= ${ctx.dialect.addSeconds("t.end_at", ctx.days(days))})`;
}

function duePart(part: "numerator" | "denominator", label: string): MoneyPart {
  return {
    part,
    entity: "subscriptions",
    recordId: "t.term_id",
    detail: (ctx) =>
      `${ctx.bind(label)} || ': subscription ' || CAST(t.subscription_id AS VARCHAR) || ', ends ' || CAST(t.end_at AS VARCHAR)`,
    from: (ctx, grouping) =>
      `FROM ${ctx.rel("periods")} p JOIN subscriptions t ON ${periodJoin(ctx, "t.end_at")}
        ${customerJoin(ctx, grouping, "t.customer_id")}
        WHERE (t.canceled_at IS NULL OR t.canceled_at >= t.end_at)${part === "numerator" ? ` AND ${renewed(ctx)}` : ""}`,
  };
}

const PARTS = [duePart("numerator", "renewed"), duePart("denominator", "due")];

export const renewalMetrics: readonly MetricDefinition[] = [
  {
    id: "renewal_rate",
    family: "revenue",
    kind: "ratio",
    unit: "fraction",
    direction: "up",
    requires: ["subscriptions"],
    customerDimensions: "all",
    formula:
      "#due terms renewed / #due terms; due = end_at in P, not canceled before end_at; renewed = another term of the same subscription_id starts within [end_at − g, end_at + g], g = renewal_grace_days",
    params: [GRACE_PARAM],
    // The next term may start up to g days after the due term's end.
    readsLater: [
      {
        entity: "subscriptions",
        days: (params, settings) => Number(params[GRACE_PARAM.name] ?? settings.renewal_grace_days),
      },
    ],
    compile: compileParts("renewal_rate", PARTS),
    drill: drillParts(PARTS),
  },
];
