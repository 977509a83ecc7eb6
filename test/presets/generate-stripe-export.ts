import path from "node:path";
import { instant, mailName, money, personName, seededRandom, sqlTime, writeCsv } from "./export-writer.js";

/**
 * Stripe Dashboard exports: Customers (`unified_customers.csv`, which the
 * preset does not read), Billing > Subscriptions (`subscriptions.csv`) and
 * Payments (`unified_payments.csv`),
 * amounts in major units, timestamps `2024-01-05 10:22:00` in columns named
 * `(UTC)`. The payments file was opened and re-saved by a spreadsheet in a
 * `;`-list-separator locale: semicolons, CRLF, `TRUE`/`FALSE`, with the
 * header of the real payments sample in ../shared. Seeded.
 */

export interface StripeExpected {
  /** Customers who made a payment (every one of them here). */
  readonly customers: number;
  /** Each customer's first payment (`2024-01-05 10:22:00`, UTC): their created_at. */
  readonly firstPaymentAt: Readonly<Record<string, string>>;
  readonly subscriptions: number;
  /** Subscriptions that never started (incomplete_expired): left out. */
  readonly neverStarted: number;
  readonly canceled: number;
  /** Paid, captured payments with a customer. */
  readonly orders: number;
  /** Their settlement (converted) amounts, in cents. */
  readonly orderCents: number;
  /** Monthly amount of the subscriptions running just before `mrrAt`, in cents (yearly / 12). */
  readonly mrrCents: number;
  readonly mrrAt: string;
  readonly sampleOrder: { readonly customerId: string; readonly createdAt: string; readonly amount: string };
}

const PLANS = [
  { amount: 2900, interval: "month" },
  { amount: 9900, interval: "month" },
  { amount: 29000, interval: "year" },
  { amount: 99000, interval: "year" },
] as const;

export async function generateStripeExport(dir: string, seed = 31): Promise<StripeExpected> {
  const r = seededRandom(seed);
  const customerIds: string[] = [];
  const customerRows: string[][] = [];
  const customerCount = 300;
  const createdOf = new Map<string, number>();
  for (let i = 0; i < customerCount; i++) {
    const id = `cus_${(1_000_000 + i * 7919).toString(36).padStart(14, "Q")}`;
    customerIds.push(id);
    const { first, last } = personName(r);
    const day = r.int(0, 200) + r.next();
    createdOf.set(id, day);
    customerRows.push([
      id,
      r.chance(0.2) ? "Imported from the old billing" : "",
      `${mailName(first, last, i)}@example.com`,
      `${first} ${last}`,
      sqlTime(instant(day)),
      r.pick(["usd", ""]),
      r.chance(0.05) ? "true" : "false",
    ]);
  }
  await writeCsv(
    path.join(dir, "unified_customers.csv"),
    ["id", "Description", "Email", "Name", "Created (UTC)", "Currency", "Delinquent"],
    customerRows,
  );

  // 2023-11-01 00:00 UTC: the end of October, where the mrr metric reads (end − ε).
  const mrrAtDay = 303;
  const subRows: string[][] = [];
  let neverStarted = 0;
  let canceled = 0;
  let mrrCents = 0;
  const subCount = 360;
  for (let i = 0; i < subCount; i++) {
    const customer = customerIds[i % customerCount] as string;
    const plan = r.pick(PLANS);
    const start = (createdOf.get(customer) as number) + r.int(0, 30) + r.next();
    const status = r.pick([
      "active",
      "active",
      "active",
      "canceled",
      "past_due",
      "trialing",
      "incomplete_expired",
    ]);
    const endDay = status === "canceled" ? start + r.int(20, 200) : undefined;
    if (status === "incomplete_expired") neverStarted++;
    else {
      if (status === "canceled") canceled++;
      const at = instant(mrrAtDay).getTime();
      const running =
        instant(start).getTime() < at && (endDay === undefined || instant(endDay).getTime() >= at);
      if (running) mrrCents += plan.interval === "year" ? plan.amount / 12 : plan.amount;
    }
    const startAt = sqlTime(instant(start));
    const ended = endDay === undefined ? "" : sqlTime(instant(endDay));
    subRows.push([
      `sub_${(5_000_000 + i * 104729).toString(36)}`,
      customer,
      "",
      "",
      status,
      money(plan.amount),
      plan.interval,
      status === "canceled" ? r.pick(["cancellation_requested", "payment_failed"]) : "",
      startAt,
      startAt,
      startAt,
      startAt,
      sqlTime(instant(start + 30)),
      "",
      "",
      ended,
      ended,
    ]);
  }
  await writeCsv(
    path.join(dir, "subscriptions.csv"),
    [
      "id",
      "Customer ID",
      "Customer Name",
      "Customer Email",
      "Status",
      "Amount",
      "Interval",
      "Cancellation Reason",
      "Created (UTC)",
      "Start (UTC)",
      "Start Date (UTC)",
      "Current Period Start (UTC)",
      "Current Period End (UTC)",
      "Trial Start (UTC)",
      "Trial End (UTC)",
      "Canceled At (UTC)",
      "Ended At (UTC)",
    ],
    subRows,
  );

  const payRows: string[][] = [];
  let orders = 0;
  let orderCents = 0;
  let sampleOrder: StripeExpected["sampleOrder"] | undefined;
  const seen = new Set<string>();
  const firstPayment = new Map<string, string>();
  for (let i = 0; i < 1500; i++) {
    // the first payments go round every customer: each one has paid at least once
    const guest = i >= customerCount && r.chance(0.03);
    const customer = guest
      ? ""
      : i < customerCount
        ? (customerIds[i] as string)
        : (r.pick(customerIds) as string);
    const failed = r.chance(0.06);
    // one payment per customer and second: the preset's order id is the pair
    let at = instant(r.int(0, 330) + r.next());
    while (seen.has(`${customer}|${sqlTime(at)}`)) at = new Date(at.getTime() + 60_000);
    seen.add(`${customer}|${sqlTime(at)}`);
    if (customer !== "" && (firstPayment.get(customer) ?? "9") > sqlTime(at))
      firstPayment.set(customer, sqlTime(at));
    const currency = r.pick(["usd", "eur", "mxn"]);
    const cents = r.pick([900, 1500, 2900, 9900]);
    const converted = Math.round(cents * (currency === "usd" ? 1 : currency === "eur" ? 1.08 : 0.058));
    if (!guest && !failed) {
      orders++;
      orderCents += converted;
      if (!sampleOrder && currency === "eur") {
        sampleOrder = { customerId: customer, createdAt: sqlTime(at), amount: money(converted) };
      }
    }
    payRows.push([
      sqlTime(at),
      money(cents),
      currency,
      failed ? "FALSE" : "TRUE",
      money(converted),
      "usd",
      money(Math.round(converted * 0.029) + 30),
      "card",
      failed ? "Failed" : "Paid",
      "0.00",
      r.pick(["US", "ES", "MX", "DE"]),
      r.pick(["credit", "debit"]),
      r.pick(["US", "ES", "MX", "DE"]),
      customer,
      customer === "" ? "" : `BC4E5A99-${String(i).padStart(4, "0")}`,
    ]);
  }
  await writeCsv(
    path.join(dir, "unified_payments.csv"),
    [
      "Created date (UTC)",
      "Amount",
      "Currency",
      "Captured",
      "Converted Amount",
      "Converted Currency",
      "Fee",
      "Payment Source Type",
      "Status",
      "Taxes On Fee",
      "Card Address Country",
      "Card Funding",
      "Card Issue Country",
      "Customer ID",
      "Invoice Number",
    ],
    payRows,
    { delimiter: ";", eol: "\r\n" },
  );
  if (!sampleOrder) throw new Error("no sample order");
  return {
    customers: firstPayment.size,
    firstPaymentAt: Object.fromEntries(firstPayment),
    subscriptions: subCount - neverStarted,
    neverStarted,
    canceled,
    orders,
    orderCents,
    mrrCents,
    mrrAt: sqlTime(instant(mrrAtDay)),
    sampleOrder,
  };
}
