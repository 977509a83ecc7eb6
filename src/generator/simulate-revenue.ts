import type { Language } from "./catalog.js";
import {
  ADD_ONS,
  INTERVAL_DISCOUNT,
  type Interval,
  MONTHS_PER,
  PIPELINES,
  PLAN_PRICE_USD,
  type Plan,
  PRODUCTS,
  type Segment,
} from "./catalog.js";
import { addMonths, DAY, formatTimestamp, HOUR } from "./clock.js";
import { FxSeries } from "./fx-series.js";
import { currencyCell, writeDeal } from "./simulate-sales.js";
import { padId, type World } from "./world.js";

/** The paying customer as the revenue simulation sees it. */
export interface Account {
  readonly id: string;
  readonly ownerId: string;
  readonly currency: string;
  readonly segment: Segment;
  readonly language: Language;
  /** Chance per month that this customer leaves. */
  readonly monthlyChurn: number;
  /** Price multiplier: seats for large accounts, negotiated discounts. */
  readonly priceFactor: number;
}

export interface PlanChoice {
  readonly plan: Plan;
  readonly interval: Interval;
}

/** Price of one term of `choice` in the account's currency. */
export function termAmount(account: Account, choice: PlanChoice): number {
  const months = MONTHS_PER[choice.interval];
  const usd = PLAN_PRICE_USD[choice.plan] * months * INTERVAL_DISCOUNT[choice.interval] * account.priceFactor;
  return Math.round(FxSeries.fromUsd(usd, account.currency) * 100) / 100;
}

/** First-year value of a plan, what a deal for it is worth. */
export function annualValue(account: Account, choice: PlanChoice): number {
  return termAmount(account, choice) * (12 / MONTHS_PER[choice.interval]);
}

const UPGRADE: Readonly<Record<Plan, Plan>> = { basic: "pro", pro: "enterprise", enterprise: "enterprise" };
const DOWNGRADE: Readonly<Record<Plan, Plan>> = { basic: "basic", pro: "basic", enterprise: "pro" };

/**
 * Simulates a subscriber from acquisition on: term chains with renewals,
 * plan changes, cancellations and sometimes a comeback under a new
 * subscription id. Every billed period is also an order (an invoice).
 * Returns when the customer stopped being active (`end` if still active).
 */
export function simulateSubscriber(
  w: World,
  account: Account,
  acquiredAt: number,
  first: PlanChoice,
): number {
  const r = w.random;
  let choice = first;
  let chainStart = acquiredAt;
  for (let chain = 0; chain < 3; chain++) {
    const subscriptionId = padId("S", ++w.ids.subscription, 8);
    const churnedAt = simulateChain(w, account, subscriptionId, chainStart, choice);
    if (churnedAt >= w.end) return w.end;
    const comeback = churnedAt + r.uniform(45, 300) * DAY;
    if (!r.chance(0.2) || comeback >= w.end - 20 * DAY) return churnedAt;
    chainStart = comeback;
    choice = { plan: r.chance(0.7) ? choice.plan : "basic", interval: "month" };
  }
  return w.end;
}

/** One subscription id's terms; returns when it stopped (`end` when still running). */
function simulateChain(
  w: World,
  account: Account,
  subscriptionId: string,
  chainStart: number,
  initial: PlanChoice,
): number {
  const r = w.random;
  let choice = initial;
  let termStart = chainStart;
  for (;;) {
    const amount = termAmount(account, choice);
    if (choice.interval === "month") {
      // an open-ended monthly term runs until the customer cancels or changes plan
      const churnAfter = geometricMonths(r.next(), account.monthlyChurn);
      const changeAfter = geometricMonths(r.next(), 0.03);
      const months = Math.min(churnAfter, changeAfter);
      const eventAt = addMonths(termStart, months);
      if (eventAt >= w.end) {
        writeTerm(w, account, subscriptionId, choice, amount, termStart, undefined, undefined);
        writeInvoices(w, account, choice, amount, termStart, w.end);
        return w.end;
      }
      if (churnAfter <= changeAfter) {
        const canceledAt = eventAt - r.uniform(0.5, 10) * DAY;
        writeTerm(w, account, subscriptionId, choice, amount, termStart, undefined, canceledAt);
        writeInvoices(w, account, choice, amount, termStart, canceledAt);
        return canceledAt;
      }
      writeTerm(w, account, subscriptionId, choice, amount, termStart, eventAt, undefined);
      writeInvoices(w, account, choice, amount, termStart, eventAt);
      const next = changePlan(w, account, choice, eventAt, r.chance(0.75));
      choice = next;
      termStart = eventAt;
      continue;
    }

    const termEnd = addMonths(termStart, MONTHS_PER[choice.interval]);
    writeInvoices(w, account, choice, amount, termStart, termStart + HOUR);
    if (r.chance(0.03)) {
      const canceledAt = termStart + (termEnd - termStart) * r.uniform(0.2, 0.9);
      if (canceledAt < w.end) {
        writeTerm(w, account, subscriptionId, choice, amount, termStart, termEnd, canceledAt);
        return canceledAt;
      }
    }
    writeTerm(w, account, subscriptionId, choice, amount, termStart, termEnd, undefined);
    if (termEnd >= w.end) return w.end;
    const renews = r.chance((1 - account.monthlyChurn) ** MONTHS_PER[choice.interval]);
    if (choice.interval === "year") {
      // yearly contracts are renegotiated by the account owner
      writeDeal(w, {
        customerId: account.id,
        leadId: undefined,
        ownerId: account.ownerId,
        pipeline: account.segment === "enterprise" ? PIPELINES.enterprise : PIPELINES.default,
        type: "renewal",
        amount: annualValue(account, choice),
        currency: account.currency,
        createdAt: termEnd - r.uniform(30, 60) * DAY,
        outcome: renews
          ? { status: "won", closedAt: termEnd - r.uniform(0, 10) * DAY }
          : { status: "lost", closedAt: termEnd, language: account.language },
      });
    }
    if (!renews) return termEnd;
    // most renew on the day, some late but within the grace period
    const gap = r.chance(0.85) ? 0 : r.uniform(1, 20) * DAY;
    if (r.chance(0.1)) {
      if (UPGRADE[choice.plan] !== choice.plan) w.signal?.upgrades.push(termEnd + gap);
      choice = { ...choice, plan: UPGRADE[choice.plan] };
    }
    termStart = termEnd + gap;
    if (termStart >= w.end) return w.end;
  }
}

function changePlan(w: World, account: Account, from: PlanChoice, at: number, upgrade: boolean): PlanChoice {
  const to: PlanChoice = { ...from, plan: upgrade ? UPGRADE[from.plan] : DOWNGRADE[from.plan] };
  if (to.plan === from.plan) {
    // no plan above or below: the change is seats instead, priced through a new term at the same plan
    return from;
  }
  if (upgrade) {
    w.signal?.upgrades.push(at);
    writeDeal(w, {
      customerId: account.id,
      leadId: undefined,
      ownerId: account.ownerId,
      pipeline: PIPELINES.default,
      type: "upsell",
      amount: annualValue(account, to) - annualValue(account, from),
      currency: account.currency,
      createdAt: at - w.random.uniform(5, 30) * DAY,
      outcome: { status: "won", closedAt: at },
    });
  }
  return to;
}

function geometricMonths(u: number, monthlyChance: number): number {
  return 1 + Math.floor(Math.log(1 - u) / Math.log(1 - monthlyChance));
}

function writeTerm(
  w: World,
  account: Account,
  subscriptionId: string,
  choice: PlanChoice,
  amount: number,
  startAt: number,
  endAt: number | undefined,
  canceledAt: number | undefined,
): void {
  w.sinks.subscriptions.write([
    padId("T", ++w.ids.term, 9),
    subscriptionId,
    account.id,
    choice.plan,
    amount.toFixed(2),
    account.currency,
    choice.interval,
    formatTimestamp(startAt),
    endAt === undefined ? undefined : formatTimestamp(endAt),
    canceledAt === undefined ? undefined : formatTimestamp(canceledAt),
  ]);
}

/** One invoice per billing period starting in [from, until), plus the odd add-on and refund. */
function writeInvoices(
  w: World,
  account: Account,
  choice: PlanChoice,
  amount: number,
  from: number,
  until: number,
): void {
  const r = w.random;
  const months = MONTHS_PER[choice.interval];
  const limit = Math.min(until, w.end);
  for (let k = 0; ; k++) {
    const periodStart = addMonths(from, k * months);
    if (periodStart >= limit) break;
    const at = Math.min(periodStart + r.uniform(0, 3) * HOUR, w.end - 1000);
    const cost = amount * r.uniform(0.12, 0.3);
    writeOrder(w, account, at, amount, cost, choice.plan, "purchase");
    if (account.segment !== "consumer" && r.chance(0.02 * months)) {
      const [product, usd] = r.pick(ADD_ONS);
      const addOnAt = at + r.uniform(1, 20) * DAY;
      if (addOnAt < limit) {
        const price = FxSeries.fromUsd(r.logNormal(usd, 0.3), account.currency);
        writeOrder(w, account, addOnAt, price, price * r.uniform(0.3, 0.6), product, "upsell");
      }
    }
  }
}

/**
 * A customer who buys products instead of subscribing: orders arrive at the
 * customer's own pace until they drift away. Returns the first amount (what
 * the new-business deal was worth) and when they stopped being active.
 */
export function simulateBuyer(w: World, account: Account, acquiredAt: number): number {
  const r = w.random;
  const perMonth = { consumer: 0.9, smb: 1.4, "mid-market": 2, enterprise: 2.6 }[account.segment];
  const rate = perMonth * r.logNormal(1, 0.45);
  const lifetimeMonths = geometricMonths(r.next(), account.monthlyChurn * 1.5);
  const stopAt = Math.min(addMonths(acquiredAt, lifetimeMonths), w.end);
  let at = acquiredAt + r.uniform(1, 30) * 60_000;
  let first = true;
  while (at < stopAt) {
    const [product, usd] = first ? r.pick(PRODUCTS) : r.pick(r.chance(0.2) ? ADD_ONS : PRODUCTS);
    const units = product === "consulting hour" ? r.int(2, 20) : 1;
    const amount = FxSeries.fromUsd(r.logNormal(usd, 0.3) * units * account.priceFactor, account.currency);
    const type = !first && r.chance(0.15) ? "upsell" : "purchase";
    writeOrder(w, account, at, amount, amount * r.uniform(0.35, 0.7), product, type);
    first = false;
    at += r.exponential(30.4 / rate) * DAY;
  }
  return stopAt;
}

function writeOrder(
  w: World,
  account: Account,
  at: number,
  amount: number,
  cost: number,
  product: string,
  type: "purchase" | "upsell",
): void {
  const r = w.random;
  const currency = currencyCell(w, account.currency);
  w.sinks.orders.write([
    padId("O", ++w.ids.order, 10),
    account.id,
    formatTimestamp(at),
    amount.toFixed(2),
    currency,
    r.chance(0.9) ? cost.toFixed(2) : undefined,
    product,
    type === "purchase" && r.chance(0.3) ? undefined : type,
  ]);
  if (r.chance(0.012)) {
    const refundAt = at + r.uniform(1, 25) * DAY;
    if (refundAt < w.end) {
      const refunded = r.chance(0.7) ? amount : amount * 0.5;
      w.sinks.orders.write([
        padId("O", ++w.ids.order, 10),
        account.id,
        formatTimestamp(refundAt),
        (-refunded).toFixed(2),
        currency,
        undefined,
        product,
        "refund",
      ]);
    }
  }
}
