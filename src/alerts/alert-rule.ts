import { z } from "zod";
import { GRAINS, type Grain } from "../calendar/period-types.js";
import { CrmKpiError } from "../core/errors.js";
import { findMetric } from "../core/metrics/registry.js";

/**
 * What an alert watches, as data (docs/alerts.md):
 * - `threshold`: the metric's value in the last complete period is above or below `value`;
 * - `change`: it moved up or down by at least `amount` against the period before
 *   (in the metric's units, or as a share of the previous value when `relative`);
 * - `goal_at_risk`: a stored goal is at risk, off track or missed.
 */
const MetricId = z.string().regex(/^[a-z][a-z0-9_]*$/);
const Segment = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().min(1).max(200)).nullable();

export const ThresholdCondition = z.object({
  kind: z.literal("threshold"),
  metric: MetricId,
  op: z.enum(["above", "below"]),
  value: z.number().finite(),
  grain: z.enum(GRAINS),
  segment: Segment,
});

export const ChangeCondition = z.object({
  kind: z.literal("change"),
  metric: MetricId,
  direction: z.enum(["up", "down"]),
  amount: z.number().finite().positive(),
  relative: z.boolean(),
  grain: z.enum(GRAINS),
  segment: Segment,
});

export const GoalCondition = z.object({
  kind: z.literal("goal_at_risk"),
  goal: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const AlertCondition = z.discriminatedUnion("kind", [
  ThresholdCondition,
  ChangeCondition,
  GoalCondition,
]);
export type AlertCondition = z.infer<typeof AlertCondition>;
export type MetricCondition = Exclude<AlertCondition, { kind: "goal_at_risk" }>;

/** Persian and Arabic-Indic digits and separators read as Latin ones (`۳٫۵٪` is `3.5%`). */
function latinNumberText(text: string): string {
  return text
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u066B]/g, ".")
    .replace(/[\u066A\uFF05]/g, "%");
}

/** `3%` → 0.03, `10` → 10, `-2.5` → −2.5; undefined when it is not a number. */
export function parseAmount(text: string): number | undefined {
  const latin = latinNumberText(text.trim());
  const match = /^([+-]?(?:\d+(?:\.\d+)?|\.\d+))\s*(%?)$/.exec(latin);
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === "%" ? value / 100 : value;
}

function ruleError(text: string, reason: string): CrmKpiError {
  return new CrmKpiError(
    "alert_invalid",
    `The rule "${text}" cannot be read: ${reason}`,
    { value: text, messageKey: "alerts.error.rule" },
    { value: text },
  );
}

/**
 * Reads the text of a rule:
 *
 *   <metric> above|below <value> [per <grain>] [where <dim>=<value>[,<dim>=<value>]]
 *   <metric> up|down <amount> [relative] [per <grain>] [where …]
 *   goal <id> at risk
 *
 * `%` makes a share (`3%` = 0.03). Unknown metrics and grains are refused here.
 *
 * @example parseRule("customer_churn_rate above 3% per month")
 */
export function parseRule(text: string): AlertCondition {
  const words = latinNumberText(text).trim().split(/\s+/).filter(Boolean);
  const [first, second, ...rest] = words;
  if (first === undefined) throw ruleError(text, "it is empty");
  if (first === "goal") {
    const tail = rest.join(" ");
    if (second === undefined || !/^at[ -]risk$/.test(tail)) {
      throw ruleError(text, 'write it as "goal <id> at risk"');
    }
    return checked(text, { kind: "goal_at_risk", goal: second });
  }
  const metric = findMetric(first);
  if (!metric) {
    throw new CrmKpiError("unknown_metric", `unknown metric "${first}"`, { metric: first });
  }
  const [amountText, ...options] = rest;
  if (second === undefined || amountText === undefined) {
    throw ruleError(text, "say above, below, up or down and a number");
  }
  const amount = parseAmount(amountText);
  if (amount === undefined) throw ruleError(text, `"${amountText}" is not a number`);
  let grain: Grain = "month";
  let segment: Record<string, string> | null = null;
  let relative = false;
  for (let i = 0; i < options.length; i++) {
    const word = options[i];
    if (word === "relative") relative = true;
    else if (word === "per" && options[i + 1] !== undefined) {
      const value = options[++i] ?? "";
      if (!(GRAINS as readonly string[]).includes(value)) {
        throw ruleError(text, `"${value}" is not a period (${GRAINS.join(", ")})`);
      }
      grain = value as Grain;
    } else if (word === "where" && options[i + 1] !== undefined) {
      segment = parseSegment(text, options[++i] ?? "");
    } else throw ruleError(text, `"${word}" is not understood`);
  }
  // A sibling id (`nps_promoters`) is reported under its own id.
  const id = first;
  if (second === "above" || second === "below") {
    if (relative) throw ruleError(text, '"relative" goes with up or down');
    return checked(text, { kind: "threshold", metric: id, op: second, value: amount, grain, segment });
  }
  if (second === "up" || second === "down") {
    return checked(text, {
      kind: "change",
      metric: id,
      direction: second,
      amount: Math.abs(amount),
      relative,
      grain,
      segment,
    });
  }
  throw ruleError(text, `"${second}" is not above, below, up or down`);
}

function parseSegment(text: string, spec: string): Record<string, string> {
  const segment: Record<string, string> = {};
  for (const pair of spec.split(",")) {
    const [key, value] = pair.split("=");
    if (!key || !value) throw ruleError(text, `"${pair}" is not dim=value`);
    segment[key] = value;
  }
  return segment;
}

function checked(text: string, condition: unknown): AlertCondition {
  const result = AlertCondition.safeParse(condition);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw ruleError(text, `${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return result.data;
}

/**
 * The canonical text of a condition: what `alerts list` shows and what parses
 * back to the same condition.
 */
export function ruleText(condition: AlertCondition): string {
  if (condition.kind === "goal_at_risk") return `goal ${condition.goal} at risk`;
  const metric = findMetric(condition.metric);
  const fraction = (metric?.siblingDetails?.[condition.metric]?.unit ?? metric?.unit) === "fraction";
  // Shares read back as they are usually written: 0.03 of a rate is `3%`.
  const asShare = (n: number) => `${Number((n * 100).toPrecision(12))}%`;
  const amount = (n: number) => (fraction ? asShare(n) : String(n));
  const parts =
    condition.kind === "threshold"
      ? [condition.metric, condition.op, amount(condition.value)]
      : [
          condition.metric,
          condition.direction,
          condition.relative ? asShare(condition.amount) : amount(condition.amount),
          ...(condition.relative ? ["relative"] : []),
        ];
  parts.push("per", condition.grain);
  if (condition.segment) {
    parts.push(
      "where",
      Object.entries(condition.segment)
        .map(([k, v]) => `${k}=${v}`)
        .join(","),
    );
  }
  return parts.join(" ");
}
