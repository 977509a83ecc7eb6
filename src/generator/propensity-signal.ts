import { DAY, formatTimestamp, HOUR } from "./clock.js";
import { FxSeries } from "./fx-series.js";
import type { Account } from "./simulate-revenue.js";
import { writeSurvey } from "./simulate-service.js";
import type { World } from "./world.js";

/**
 * The demo's learnable propensity signal (issue 12 part 2), planted only
 * when `GenerateOptions.propensitySignal` is set, so the reference and bench
 * data stay byte for byte what they were. A customer about to churn files
 * slow support tickets and answers their CSAT surveys badly in the weeks
 * before; a customer about to upgrade buys extra seats (add-on orders) and
 * answers NPS as a promoter. Draws come
 * from the signal's own random stream.
 */
export function plantPropensitySignal(
  w: World,
  customer: Account,
  acquiredAt: number,
  activeUntil: number,
): void {
  const signal = w.signal;
  if (!signal) return;
  const r = signal.random;
  if (activeUntil < w.end) {
    const tickets = 2 + Math.floor(r.next() * 3);
    for (let i = 0; i < tickets; i++) {
      const createdAt = activeUntil - r.uniform(10, 80) * DAY;
      if (createdAt <= acquiredAt) continue;
      const resolvedAt = createdAt + r.uniform(60, 240) * HOUR;
      const firstResponse = createdAt + r.uniform(4, 30) * HOUR;
      const ticketId = `K${String(++w.ids.ticket).padStart(8, "0")}`;
      w.sinks.tickets.write([
        ticketId,
        customer.id,
        "email",
        "high",
        undefined,
        formatTimestamp(createdAt),
        firstResponse < w.end ? formatTimestamp(firstResponse) : undefined,
        resolvedAt < w.end ? formatTimestamp(resolvedAt) : undefined,
        resolvedAt < w.end ? "resolved" : "open",
      ]);
      if (resolvedAt < w.end)
        writeSurvey(w, customer, ticketId, "csat", resolvedAt + HOUR, r.chance(0.6) ? 1 : 2, r);
    }
  }
  // Three surveys, since about a third of NPS surveys get an answer.
  for (const upgradeAt of signal.upgrades) {
    for (let i = 0; i < 2; i++) {
      const at = upgradeAt - r.uniform(10, 85) * DAY;
      if (at <= acquiredAt) continue;
      const amount = Math.round(FxSeries.fromUsd(r.uniform(40, 400), customer.currency) * 100) / 100;
      w.sinks.orders.write([
        `O${String(++w.ids.order).padStart(10, "0")}`,
        customer.id,
        formatTimestamp(at),
        amount.toFixed(2),
        customer.currency,
        undefined,
        "extra seats",
        "purchase",
      ]);
    }
    for (let i = 0; i < 3; i++) {
      const sentAt = upgradeAt - r.uniform(10, 85) * DAY;
      if (sentAt > acquiredAt) writeSurvey(w, customer, undefined, "nps", sentAt, r.chance(0.5) ? 10 : 9, r);
    }
  }
}
