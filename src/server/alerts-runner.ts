import { Cron } from "croner";
import type { DeliveryConfig } from "../alerts/delivery/deliver-notice.js";
import { deliverPending, evaluateAlerts, recordDeliveries, type SentNotice } from "../alerts/run-alerts.js";
import { CrmKpiError } from "../core/errors.js";
import type { ServerDatabase } from "./app-types.js";

/** What one check of the alerts did. */
export interface AlertsCheck {
  readonly checked: number;
  readonly sent: readonly SentNotice[];
}

const running = new WeakMap<ServerDatabase, Promise<unknown>>();

/**
 * Checks the alerts of the server's database: state and history are
 * written under the write lock, notices are sent outside it (a slow SMTP
 * server never blocks an import), then their delivery is recorded. Checks of
 * one database run one after another (an import finishing during a
 * scheduled check waits for it), so an alert never sends one change twice.
 *
 * @example await checkServerAlerts(db, { smtpUrl: "smtp://127.0.0.1:2525" })
 */
export function checkServerAlerts(
  db: ServerDatabase,
  delivery: DeliveryConfig,
  asOfMs: () => number = Date.now,
): Promise<AlertsCheck> {
  const previous = running.get(db) ?? Promise.resolve();
  const next = previous
    .catch(() => {})
    .then(async () => {
      const { checked, notices } = await db.write((engine) => evaluateAlerts(engine, asOfMs()));
      if (notices.length === 0) return { checked, sent: [] };
      const sent = await deliverPending(notices, delivery);
      await db.write((engine) => recordDeliveries(engine, sent));
      return { checked, sent };
    });
  running.set(db, next);
  return next;
}

/** Resolves when no check of `db`'s alerts is running (the server waits for it before closing). */
export async function alertsIdle(db: ServerDatabase): Promise<void> {
  await running.get(db)?.catch(() => {});
}

/** A running schedule; `stop` ends it (the server's close calls it). */
export interface AlertsSchedule {
  readonly pattern: string;
  stop(): void;
}

/** Throws `bad_argument` (with what to write) when `pattern` is not a cron pattern croner reads. */
export function assertCronPattern(pattern: string): void {
  try {
    new Cron(pattern, { paused: true }).stop();
  } catch {
    throw new CrmKpiError(
      "bad_argument",
      `"${pattern}" is not a cron pattern`,
      { value: pattern, option: "--alerts-schedule", messageKey: "alerts.error.schedule" },
      { value: pattern },
    );
  }
}

/**
 * Runs `job` on the cron `pattern` with croner, the server's own scheduler
 * (`serve --alerts-schedule`). A run still going when the next is due is
 * skipped (protect), and a failing run is logged, never fatal.
 */
export function scheduleAlerts(pattern: string, job: () => Promise<unknown>): AlertsSchedule {
  assertCronPattern(pattern);
  const cron = new Cron(pattern, { protect: true, unref: true }, async () => {
    try {
      await job();
    } catch (error) {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  });
  return { pattern, stop: () => cron.stop() };
}
