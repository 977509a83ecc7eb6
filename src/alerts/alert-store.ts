import type { Engine, ResultRow } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import type { CalendarId } from "../core/model/settings.js";
import { timestampText } from "../core/sql/timestamp-text.js";
import type { Lang } from "../messages/index.js";
import type { Alert } from "./alert.js";
import { AlertCondition } from "./alert-rule.js";
import type { AlertState } from "./alert-state.js";

/** One line of an alert's history: a notice that went out (or was meant to). */
export interface AlertHistoryEntry {
  readonly alertId: string;
  readonly seq: number;
  /** ISO instant. */
  readonly at: string;
  readonly event: "fired" | "resolved" | "test";
  readonly period: string | null;
  readonly value: number | null;
  /** What the notice said, as data (alert-notice.ts). */
  readonly detail: Readonly<Record<string, unknown>>;
  /** One entry per channel: where it went and whether it arrived. */
  readonly delivery: readonly DeliveryOutcome[];
}

export interface DeliveryOutcome {
  readonly channel: "email" | "webhook";
  readonly target: string;
  readonly ok: boolean;
  readonly error?: string;
}

const RULE_COLUMNS = [
  "alert_id",
  "name",
  "rule",
  "condition",
  "email",
  "webhooks",
  "lang",
  "calendar",
  "state",
  "state_since",
  "checked_at",
  "created_at",
] as const;
const TIME_COLUMNS: ReadonlySet<string> = new Set(["state_since", "checked_at", "created_at", "at"]);

function placeholders(engine: Engine, columns: readonly string[]): string[] {
  // Timestamps travel as text and are cast, as every engine needs.
  return columns.map((column, i) => {
    const p = engine.dialect.placeholder(i + 1);
    return TIME_COLUMNS.has(column) ? engine.dialect.timestampParam(p) : p;
  });
}

/** Inserts or replaces an alert (same id); a replaced alert starts again from `ok`. */
export async function saveAlert(engine: Engine, alert: Alert, now = Date.now()): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  const p1 = engine.dialect.placeholder(1);
  await engine.transaction(async () => {
    await engine.execute(`DELETE FROM ${q("alert_rules")} WHERE alert_id = ${p1}`, [alert.id]);
    await engine.execute(
      `INSERT INTO ${q("alert_rules")} (${RULE_COLUMNS.map(q).join(", ")}) VALUES (${placeholders(engine, RULE_COLUMNS).join(", ")})`,
      [
        alert.id,
        alert.name,
        alert.rule,
        JSON.stringify(alert.condition),
        JSON.stringify(alert.email),
        JSON.stringify(alert.webhooks),
        alert.lang,
        alert.calendar,
        alert.state,
        instantText(alert.stateSince),
        instantText(alert.checkedAt),
        timestampText(now),
      ],
    );
  });
}

/** Every stored alert, in id order (a2 before a10). */
export async function listAlerts(engine: Engine): Promise<Alert[]> {
  const rows = await engine.query({
    sql: `SELECT * FROM ${engine.dialect.quoteIdentifier("alert_rules")}`,
    params: [],
  });
  return rows.map(toAlert).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/** The alert with this id; `unknown_alert` when there is none. */
export async function getAlert(engine: Engine, id: string): Promise<Alert> {
  const alert = (await listAlerts(engine)).find((a) => a.id === id);
  if (!alert) throw unknownAlert(id);
  return alert;
}

/** Deletes an alert and its history; `unknown_alert` when there is none. */
export async function removeAlert(engine: Engine, id: string): Promise<void> {
  await getAlert(engine, id);
  const q = engine.dialect.quoteIdentifier;
  const p1 = engine.dialect.placeholder(1);
  await engine.transaction(async () => {
    await engine.execute(`DELETE FROM ${q("alert_history")} WHERE alert_id = ${p1}`, [id]);
    await engine.execute(`DELETE FROM ${q("alert_rules")} WHERE alert_id = ${p1}`, [id]);
  });
}

/** The next free id of the form `a<n>`. */
export async function nextAlertId(engine: Engine): Promise<string> {
  const used = (await listAlerts(engine))
    .map((a) => /^a(\d+)$/.exec(a.id)?.[1])
    .filter((n) => n !== undefined);
  return `a${Math.max(0, ...used.map(Number)) + 1}`;
}

/** Records where an alert stands after an evaluation; `changed` moves `state_since` to `atMs`. */
export async function updateAlertState(
  engine: Engine,
  id: string,
  state: AlertState,
  changed: boolean,
  atMs: number,
): Promise<void> {
  const q = engine.dialect.quoteIdentifier;
  const d = engine.dialect;
  const at = timestampText(atMs);
  const since = changed ? `, ${q("state_since")} = ${d.timestampParam(d.placeholder(3))}` : "";
  await engine.execute(
    `UPDATE ${q("alert_rules")} SET ${q("state")} = ${d.placeholder(1)}, ${q("checked_at")} = ${d.timestampParam(d.placeholder(2))}${since} WHERE alert_id = ${d.placeholder(changed ? 4 : 3)}`,
    changed ? [state, at, at, id] : [state, at, id],
  );
}

/** Appends a line to an alert's history and gives its number (1, 2, … per alert). */
export async function appendHistory(
  engine: Engine,
  entry: Omit<AlertHistoryEntry, "seq" | "at" | "alertId">,
  alertId: string,
  atMs: number,
): Promise<number> {
  const q = engine.dialect.quoteIdentifier;
  const rows = await engine.query({
    sql: `SELECT COALESCE(MAX(seq), 0) AS n FROM ${q("alert_history")} WHERE alert_id = ${engine.dialect.placeholder(1)}`,
    params: [alertId],
  });
  const seq = Number(rows[0]?.n ?? 0) + 1;
  const columns = ["alert_id", "seq", "at", "event", "period", "value", "detail", "delivery"];
  await engine.execute(
    `INSERT INTO ${q("alert_history")} (${columns.map(q).join(", ")}) VALUES (${placeholders(engine, columns).join(", ")})`,
    [
      alertId,
      seq,
      timestampText(atMs),
      entry.event,
      entry.period,
      JSON.stringify(entry.value),
      JSON.stringify(entry.detail),
      JSON.stringify(entry.delivery),
    ],
  );
  return seq;
}

/** Stores how a notice's delivery went. */
export async function recordDelivery(
  engine: Engine,
  alertId: string,
  seq: number,
  delivery: readonly DeliveryOutcome[],
): Promise<void> {
  const d = engine.dialect;
  await engine.execute(
    `UPDATE ${d.quoteIdentifier("alert_history")} SET ${d.quoteIdentifier("delivery")} = ${d.placeholder(1)} WHERE alert_id = ${d.placeholder(2)} AND seq = ${d.placeholder(3)}`,
    [JSON.stringify(delivery), alertId, seq],
  );
}

/** The history of one alert (or of all), newest first. */
export async function listHistory(
  engine: Engine,
  alertId?: string,
  limit = 100,
): Promise<AlertHistoryEntry[]> {
  const q = engine.dialect.quoteIdentifier;
  const where = alertId === undefined ? "" : ` WHERE alert_id = ${engine.dialect.placeholder(1)}`;
  const rows = await engine.query({
    sql: `SELECT * FROM ${q("alert_history")}${where}`,
    params: alertId === undefined ? [] : [alertId],
  });
  return rows
    .map(toHistory)
    .sort((a, b) => b.at.localeCompare(a.at) || b.seq - a.seq || a.alertId.localeCompare(b.alertId))
    .slice(0, limit);
}

function instantText(iso: string | null): string | null {
  return iso === null ? null : timestampText(Date.parse(iso));
}

function unknownAlert(id: string): CrmKpiError {
  return new CrmKpiError("unknown_alert", `there is no alert "${id}"`, { alert: id }, { value: id });
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toAlert(row: ResultRow): Alert {
  return {
    id: String(row.alert_id),
    name: text(row.name),
    condition: AlertCondition.parse(JSON.parse(String(row.condition))),
    rule: String(row.rule),
    email: JSON.parse(String(row.email)) as string[],
    webhooks: JSON.parse(String(row.webhooks)) as string[],
    lang: String(row.lang) as Lang,
    calendar: String(row.calendar) as CalendarId,
    state: String(row.state) as AlertState,
    stateSince: isoText(row.state_since),
    checkedAt: isoText(row.checked_at),
  };
}

function toHistory(row: ResultRow): AlertHistoryEntry {
  return {
    alertId: String(row.alert_id),
    seq: Number(row.seq),
    at: isoText(row.at) ?? "",
    event: String(row.event) as AlertHistoryEntry["event"],
    period: text(row.period),
    value: row.value === null ? null : (JSON.parse(String(row.value)) as number | null),
    detail: JSON.parse(String(row.detail)) as Record<string, unknown>,
    delivery: JSON.parse(String(row.delivery)) as DeliveryOutcome[],
  };
}

/** Engines give timestamps as text in their own shape; history and state show ISO instants. */
function isoText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(" ", "T")}Z`);
  return Number.isNaN(ms) ? s : new Date(ms).toISOString();
}
