import type { Grain } from "../calendar/period-types.js";
import type { Engine } from "../core/engine.js";
import { getGoal } from "../goals/goal-store.js";
import type { Alert } from "./alert.js";
import { type AlertState, nextState } from "./alert-state.js";
import {
  appendHistory,
  type DeliveryOutcome,
  getAlert,
  listAlerts,
  recordDelivery,
  updateAlertState,
} from "./alert-store.js";
import { type DeliveryConfig, deliverNotice } from "./delivery/deliver-notice.js";
import { type AlertNotice, buildNotice, type NoticeEvent } from "./digest/alert-notice.js";
import { digestKpis } from "./digest/digest-kpis.js";
import { type AlertReading, readAlert } from "./read-alert.js";

/** A notice an evaluation decided to send, with its line in the history. */
export interface PendingNotice {
  readonly alert: Alert;
  readonly event: NoticeEvent;
  readonly state: AlertState;
  readonly reading: AlertReading;
  readonly notice: AlertNotice;
  readonly seq: number;
}

export interface EvaluationSummary {
  readonly checked: number;
  readonly notices: readonly PendingNotice[];
}

export interface SentNotice extends PendingNotice {
  readonly delivery: readonly DeliveryOutcome[];
}

/**
 * Evaluates every alert (or `ids`) at `asOfMs` and moves each through its
 * state machine (alert-state.ts): a change of state appends a line to the
 * history and gives a notice to send; no change sends nothing. State and
 * history are written here; delivery is `deliverPending`, so a server can
 * send outside its write lock.
 *
 * @example const { notices } = await evaluateAlerts(engine, Date.now())
 */
export async function evaluateAlerts(
  engine: Engine,
  asOfMs: number,
  ids?: readonly string[],
): Promise<EvaluationSummary> {
  const alerts = (await listAlerts(engine)).filter((a) => ids === undefined || ids.includes(a.id));
  const notices: PendingNotice[] = [];
  for (const alert of alerts) {
    const reading = await readAlert(engine, alert, asOfMs);
    const { state, event } = nextState(alert.state, reading.verdict);
    const notice = event ? await noticeOf(engine, alert, event, reading, state) : undefined;
    const seq = await engine.transaction(async () => {
      await updateAlertState(engine, alert.id, state, event !== null, asOfMs);
      return notice ? appendHistory(engine, historyLine(event ?? "fired", reading), alert.id, asOfMs) : 0;
    });
    if (notice && event) notices.push({ alert, event, state, reading, notice, seq });
  }
  return { checked: alerts.length, notices };
}

/**
 * Checks one alert now without changing its state and writes a test notice
 * (recorded in the history as `test`).
 */
export async function testAlert(engine: Engine, id: string, asOfMs: number): Promise<PendingNotice> {
  const alert = await getAlert(engine, id);
  const reading = await readAlert(engine, alert, asOfMs);
  const state = reading.verdict === "unknown" ? alert.state : reading.verdict === "firing" ? "firing" : "ok";
  const notice = await noticeOf(engine, alert, "test", reading, state);
  const seq = await appendHistory(engine, historyLine("test", reading), alert.id, asOfMs);
  return { alert, event: "test", state, reading, notice, seq };
}

/** Sends the notices; a failed channel is reported, never thrown. */
export async function deliverPending(
  notices: readonly PendingNotice[],
  config: DeliveryConfig,
): Promise<SentNotice[]> {
  const sent: SentNotice[] = [];
  for (const pending of notices) {
    sent.push({ ...pending, delivery: await deliverNotice(pending.notice, pending.alert, config) });
  }
  return sent;
}

/** Stores how each notice's delivery went in its history line. */
export async function recordDeliveries(engine: Engine, sent: readonly SentNotice[]): Promise<void> {
  for (const s of sent) await recordDelivery(engine, s.alert.id, s.seq, s.delivery);
}

/**
 * Evaluate, deliver and record in one go on one engine: `crm-kpi alerts run`
 * and the import command.
 */
export async function runAlerts(
  engine: Engine,
  config: DeliveryConfig,
  asOfMs: number,
): Promise<{ checked: number; sent: SentNotice[] }> {
  const { checked, notices } = await evaluateAlerts(engine, asOfMs);
  const sent = await deliverPending(notices, config);
  await recordDeliveries(engine, sent);
  return { checked, sent };
}

function historyLine(event: NoticeEvent, reading: AlertReading) {
  return {
    event,
    period: reading.period,
    value: reading.value,
    detail: {
      verdict: reading.verdict,
      metric: reading.metric,
      previous: reading.previous,
      change: reading.change,
      ...(reading.goalStatus ? { goalStatus: reading.goalStatus } : {}),
    },
    delivery: [],
  };
}

async function noticeOf(
  engine: Engine,
  alert: Alert,
  event: NoticeEvent,
  reading: AlertReading,
  state: AlertState,
): Promise<AlertNotice> {
  const kpis =
    reading.metric === ""
      ? []
      : await digestKpis(engine, reading.metric, await grainOf(engine, alert), alert.calendar);
  return buildNotice(alert, event, reading, kpis, state);
}

async function grainOf(engine: Engine, alert: Alert): Promise<Grain> {
  if (alert.condition.kind !== "goal_at_risk") return alert.condition.grain;
  return (await getGoal(engine, alert.condition.goal).catch(() => null))?.grain ?? "month";
}
