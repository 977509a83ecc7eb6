import type { Engine, ResultRow } from "../core/engine.js";
import type {
  CustomerHistory,
  OrderHistory,
  SurveyHistory,
  TermHistory,
  TicketHistory,
} from "../core/predict/propensity/customer-history.js";
import { timestampText } from "../core/sql/timestamp-text.js";

/**
 * Loads every customer's history as it was known just before `cutoffMs`:
 * rows dated at or after the cut-off are not read, and bounds set after it
 * (a term's end or cancellation, a ticket's resolution) read as blank. This
 * is the one place the propensity models touch the database, so the
 * backtest cannot see past its as-of date.
 */
export async function loadPropensityHistories(engine: Engine, cutoffMs: number): Promise<CustomerHistory[]> {
  const q = engine.dialect.quoteIdentifier;
  const cut = engine.dialect.timestampParam(engine.dialect.placeholder(1));
  const params = [timestampText(cutoffMs)];
  const run = (sql: string) => engine.query({ sql, params });
  const [customers, terms, orders, deals, tickets, surveys] = [
    await run(
      `SELECT customer_id, name, created_at, acquired_at, acquisition_channel, owner_id FROM ${q("customers")} WHERE created_at < ${cut} ORDER BY customer_id`,
    ),
    await run(
      `SELECT customer_id, plan, ${q("interval")} AS term_interval, amount_base, start_at, end_at, canceled_at FROM ${q("subscriptions")} WHERE start_at < ${cut} AND customer_id IS NOT NULL ORDER BY customer_id, start_at, term_id`,
    ),
    await run(
      `SELECT customer_id, ordered_at, amount_base, type FROM ${q("orders")} WHERE ordered_at < ${cut} ORDER BY customer_id, ordered_at, order_id`,
    ),
    await run(
      `SELECT customer_id, type, closed_at FROM ${q("deals")} WHERE status = 'won' AND closed_at < ${cut} AND customer_id IS NOT NULL ORDER BY customer_id, closed_at, deal_id`,
    ),
    await run(
      `SELECT customer_id, created_at, resolved_at FROM ${q("tickets")} WHERE created_at < ${cut} AND customer_id IS NOT NULL ORDER BY customer_id, created_at, ticket_id`,
    ),
    await run(
      `SELECT customer_id, survey, score, scale_min, scale_max, COALESCE(responded_at, sent_at) AS answered_at FROM ${q("survey_responses")} WHERE survey IN ('nps', 'csat') AND score IS NOT NULL AND COALESCE(responded_at, sent_at) < ${cut} AND customer_id IS NOT NULL ORDER BY customer_id, answered_at, response_id`,
    ),
  ];
  const byCustomer = <T>(rows: readonly ResultRow[], map: (r: ResultRow) => T | null): Map<string, T[]> => {
    const out = new Map<string, T[]>();
    for (const row of rows) {
      const value = map(row);
      if (value === null) continue;
      const id = String(row.customer_id);
      const list = out.get(id);
      if (list) list.push(value);
      else out.set(id, [value]);
    }
    return out;
  };
  const termsOf = byCustomer<TermHistory>(terms, (r) => {
    const ends = [ms(r.end_at), ms(r.canceled_at)].filter((v): v is number => v !== null && v < cutoffMs);
    return {
      startMs: ms(r.start_at) ?? 0,
      endMs: ends.length > 0 ? Math.min(...ends) : null,
      plan: r.plan === null ? null : String(r.plan),
      mrr:
        Number(r.amount_base ?? 0) /
        (r.term_interval === "year" ? 12 : r.term_interval === "quarter" ? 3 : 1),
    };
  });
  const ordersOf = byCustomer<OrderHistory>(orders, (r) => ({
    atMs: ms(r.ordered_at) ?? 0,
    amount: Number(r.amount_base ?? 0),
    type: r.type === "upsell" || r.type === "refund" ? r.type : "purchase",
  }));
  const wonOf = byCustomer(deals, (r) => ({ atMs: ms(r.closed_at) ?? 0, upsell: r.type === "upsell" }));
  const ticketsOf = byCustomer<TicketHistory>(tickets, (r) => {
    const resolved = ms(r.resolved_at);
    return {
      createdMs: ms(r.created_at) ?? 0,
      resolvedMs: resolved !== null && resolved < cutoffMs ? resolved : null,
    };
  });
  const surveysOf = byCustomer<SurveyHistory>(surveys, (r) => {
    const survey = r.survey === "nps" ? "nps" : "csat";
    const low = r.scale_min === null ? (survey === "nps" ? 0 : 1) : Number(r.scale_min);
    const high = r.scale_max === null ? (survey === "nps" ? 10 : 5) : Number(r.scale_max);
    if (!(high > low)) return null;
    return { survey, atMs: ms(r.answered_at) ?? 0, score: (Number(r.score) - low) / (high - low) };
  });
  // Sorted here, not by SQL: collations differ between engines, the ranking's tie-break must not.
  const sorted = [...customers].sort((a, b) => compareText(String(a.customer_id), String(b.customer_id)));
  return sorted.map((r) => {
    const id = String(r.customer_id);
    const customerTerms = termsOf.get(id) ?? [];
    const customerOrders = ordersOf.get(id) ?? [];
    const won = wonOf.get(id) ?? [];
    const given = ms(r.acquired_at);
    // METRICS.md §1: acquired_at, else the first won deal, order or term.
    const firsts = [won[0]?.atMs, customerOrders[0]?.atMs, ...customerTerms.map((t) => t.startMs)].filter(
      (v): v is number => v !== undefined,
    );
    return {
      id,
      name: r.name === null ? null : String(r.name),
      createdMs: ms(r.created_at) ?? 0,
      acquiredMs:
        given !== null ? (given < cutoffMs ? given : null) : firsts.length > 0 ? Math.min(...firsts) : null,
      channel: r.acquisition_channel === null ? null : String(r.acquisition_channel),
      owner: r.owner_id === null ? null : String(r.owner_id),
      terms: customerTerms,
      orders: customerOrders,
      upsellDealsMs: won.filter((d) => d.upsell).map((d) => d.atMs),
      tickets: ticketsOf.get(id) ?? [],
      surveys: surveysOf.get(id) ?? [],
    };
  });
}

/** Epoch ms of a TIMESTAMP as the engines return it (ISO text, UTC), or null. */
function ms(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const text = String(value).replace(" ", "T");
  return Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
