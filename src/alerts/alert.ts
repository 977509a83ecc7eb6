import { z } from "zod";
import { CrmKpiError } from "../core/errors.js";
import { CALENDARS, type CalendarId, canonicalCalendar } from "../core/model/settings.js";
import { LANGS, type Lang } from "../messages/index.js";
import { type AlertCondition, parseRule, ruleText } from "./alert-rule.js";
import type { AlertState } from "./alert-state.js";

/** A stored alert: its rule, who hears about it (in which language and calendar) and where it stands. */
export interface Alert {
  readonly id: string;
  readonly name: string | null;
  readonly condition: AlertCondition;
  /** The canonical text of the condition (alert-rule.ts). */
  readonly rule: string;
  readonly email: readonly string[];
  readonly webhooks: readonly string[];
  readonly lang: Lang;
  readonly calendar: CalendarId;
  readonly state: AlertState;
  /** ISO instant of the last change of state, or null before the first. */
  readonly stateSince: string | null;
  /** ISO instant of the last evaluation, or null. */
  readonly checkedAt: string | null;
}

/** What `alerts add` and `POST /api/v1/alerts` take. */
export interface AlertInput {
  readonly id?: string;
  readonly name?: string;
  readonly rule: string;
  readonly email?: readonly string[];
  readonly webhooks?: readonly string[];
  readonly lang?: string;
  readonly calendar?: string;
}

const AlertInputSchema = z.object({
  id: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
  name: z.string().max(200).optional(),
  rule: z.string().min(1).max(500),
  email: z.array(z.email().max(254)).max(50).default([]),
  webhooks: z
    .array(z.url({ protocol: /^https?$/ }).max(2000))
    .max(20)
    .default([]),
  lang: z.enum(LANGS).default("en"),
  calendar: z.preprocess((v) => (typeof v === "string" ? canonicalCalendar(v) : v), z.enum(CALENDARS)),
});

/**
 * Checks an alert's input and reads its rule; a bad address, URL or rule is
 * an `alert_invalid` error naming the field and value.
 *
 * @example defineAlert({ rule: "nps down 10", email: ["ops@example.com"] }, "a1", "gregorian")
 */
export function defineAlert(input: AlertInput, id: string, defaultCalendar: CalendarId): Alert {
  // The rule first: its error names the metric or the word that is wrong.
  const condition = parseRule(input.rule);
  const result = AlertInputSchema.safeParse({ ...input, calendar: input.calendar ?? defaultCalendar });
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = String(issue?.path[0] ?? "rule");
    const index = issue?.path[1];
    const list = field === "email" ? input.email : field === "webhooks" ? input.webhooks : undefined;
    const raw =
      typeof index === "number" && list ? list[index] : (input as unknown as Record<string, unknown>)[field];
    const value = typeof raw === "string" ? raw : String(raw ?? "");
    throw invalidField(field, value);
  }
  const data = result.data;
  if (data.email.length === 0 && data.webhooks.length === 0) {
    throw new CrmKpiError(
      "alert_invalid",
      "The alert has no --email and no --webhook: nobody would hear of it",
      {
        messageKey: "alerts.error.noChannel",
      },
    );
  }
  return {
    id: data.id ?? id,
    name: data.name ?? null,
    condition,
    rule: ruleText(condition),
    email: [...new Set(data.email)],
    webhooks: [...new Set(data.webhooks)],
    lang: data.lang,
    calendar: data.calendar,
    state: "ok",
    stateSince: null,
    checkedAt: null,
  };
}

/** The message of each field, and the thrower's English sentence (localize-error.ts uses it for en). */
const FIELD_ERRORS: Readonly<Record<string, { key: string; text: (v: string) => string }>> = {
  email: { key: "alerts.error.email", text: (v) => `"${v}" is not an email address` },
  webhooks: { key: "alerts.error.webhook", text: (v) => `"${v}" is not an http or https URL` },
  lang: { key: "alerts.error.lang", text: (v) => `"${v}" is not a language of crm-kpi` },
  calendar: { key: "alerts.error.calendar", text: (v) => `"${v}" is not a calendar` },
};

function invalidField(field: string, value: string): CrmKpiError {
  const known = FIELD_ERRORS[field];
  return new CrmKpiError(
    "alert_invalid",
    known ? known.text(value) : `The value "${value}" of ${field} is not valid`,
    { field, value, messageKey: known?.key ?? "alerts.error.field" },
    { value, column: field },
  );
}

/** The name a notice shows: the alert's own, else its rule. */
export function alertTitle(alert: Pick<Alert, "name" | "rule">): string {
  return alert.name ?? alert.rule;
}
