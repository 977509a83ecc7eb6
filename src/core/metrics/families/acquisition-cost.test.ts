import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { CalendarId } from "../../model/settings.js";

type Engine = Awaited<ReturnType<typeof tinyDataset>>;

async function cacReport(
  engine: Engine,
  options: { from: string; to: string; calendar?: CalendarId; by?: string[] },
) {
  const result = await runReport(engine, {
    metrics: ["cac"],
    grain: "month",
    calendar: options.calendar ?? "gregorian",
    from: options.from,
    to: options.to,
    by: options.by ?? [],
  });
  const get = (period: string, segment: Record<string, string | null> | null = null) =>
    result.values.find((v) => v.period === period && JSON.stringify(v.segment) === JSON.stringify(segment));
  return { get, values: result.values };
}

function customer(id: string, acquiredAt: string, channel: string | null = null): TinyRow {
  return { customer_id: id, created_at: acquiredAt, acquired_at: acquiredAt, acquisition_channel: channel };
}

/** A spend row over local days [start, end), or on one day when `end` is null. */
function spend(
  category: "sales" | "marketing",
  amount: string,
  start: string,
  end: string | null,
  channel?: string,
) {
  return end === null
    ? { date: start, category, amount, channel: channel ?? null }
    : { period_start: start, period_end: end, category, amount, channel: channel ?? null };
}

describe("§3 cac", () => {
  it("seed 002: sales 10,000,000 + marketing 5,000,000, 1,000 new customers → 15,000", async () => {
    const engine = await tinyDataset({
      customers: Array.from({ length: 1000 }, (_, i) =>
        customer(`c${i}`, `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`),
      ),
      spend: [
        spend("sales", "10000000", "2024-03-01", "2024-04-01"),
        spend("marketing", "5000000", "2024-03-10", null),
      ],
    });
    const { get } = await cacReport(engine, { from: "2024-03", to: "2024-03" });
    expect(get("2024-03")).toMatchObject({ numerator: 15_000_000, denominator: 1000, value: 15_000 });
  });

  it("spreads a spend period evenly per local day and uses the base-currency amount", async () => {
    const engine = await tinyDataset({
      customers: [customer("a", "2024-02-20"), customer("b", "2024-03-20"), customer("c", "2024-03-21")],
      spend: [
        // 29 days: 15 in February (a leap year), 14 in March; 100 units of foreign money = 2,900 base
        { ...spend("marketing", "100", "2024-02-15", "2024-03-15"), currency: "EUR", amount_base: "2900" },
        spend("sales", "50", "2024-03-31", null),
      ],
    });
    const { get } = await cacReport(engine, { from: "2024-01", to: "2024-04" });
    expect(get("2024-02")).toMatchObject({ numerator: 1500, denominator: 1, value: 1500 });
    expect(get("2024-03")).toMatchObject({ numerator: 1450, denominator: 2, value: 725 });
    expect(get("2024-01")).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(get("2024-04")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it("cuts a Gregorian monthly bill by Jalali months (1403-01 starts on 20 March 2024)", async () => {
    const engine = await tinyDataset({
      customers: [customer("a", "2024-03-25")],
      spend: [spend("marketing", "3100", "2024-03-01", "2024-04-01")],
    });
    const { get } = await cacReport(engine, { from: "1402-12", to: "1403-01", calendar: "persian" });
    expect(get("1403-01")).toMatchObject({ numerator: 1200, denominator: 1, value: 1200 });
    expect(get("1402-12")).toMatchObject({ numerator: 1900, denominator: 0, value: null });
  });

  it("per channel: channels of spend and customers, no null bucket; spend without new customers → null, customers without spend → 0", async () => {
    const engine = await tinyDataset({
      customers: [
        customer("a", "2024-03-02", "ads"),
        customer("b", "2024-03-03", "ads"),
        customer("r", "2024-03-04", "referral"),
        customer("x", "2024-03-05", null),
      ],
      spend: [
        spend("marketing", "300", "2024-03-01", null, "ads"),
        spend("marketing", "6000", "2024-03-12", null, "events"),
        spend("sales", "1000", "2024-03-01", "2024-04-01"),
      ],
    });
    const { get, values } = await cacReport(engine, {
      from: "2024-03",
      to: "2024-03",
      by: ["acquisition_channel"],
    });
    expect(get("2024-03")).toMatchObject({ numerator: 7300, denominator: 4, value: 1825 });
    expect(get("2024-03", { acquisition_channel: "ads" })).toMatchObject({
      numerator: 300,
      denominator: 2,
      value: 150,
    });
    expect(get("2024-03", { acquisition_channel: "events" })).toMatchObject({
      numerator: 6000,
      denominator: 0,
      value: null,
    });
    expect(get("2024-03", { acquisition_channel: "referral" })).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
    });
    const segments = values.filter((v) => v.segment !== null).map((v) => v.segment?.acquisition_channel);
    expect(segments.sort()).toEqual(["ads", "events", "referral"]);
  });

  it("drills into the spend shares and the new customers", async () => {
    const engine = await tinyDataset({
      customers: [customer("a", "2024-03-02", "ads"), customer("b", "2024-02-03", "ads")],
      spend: [
        spend("marketing", "620", "2024-02-15", "2024-03-17", "ads"),
        spend("sales", "40", "2024-03-01", null),
      ],
    });
    const explained = await explainMetric(engine, {
      metric: "cac",
      period: "2024-03",
      segment: { acquisition_channel: "ads" },
    });
    expect(explained.value).toMatchObject({ numerator: 320, denominator: 1, value: 320 });
    const numerator = explained.rows.filter((r) => r.part === "numerator");
    expect(numerator).toHaveLength(1);
    expect(numerator[0]).toMatchObject({ entity: "spend", amount: 320 });
    expect(numerator[0]?.recordId).toMatch(/^spend\.test:\d+$/);
    expect(explained.rows.filter((r) => r.part === "denominator").map((r) => r.recordId)).toEqual(["a"]);

    const total = await explainMetric(engine, { metric: "cac", period: "2024-03" });
    expect(total.rows.filter((r) => r.part === "numerator").reduce((s, r) => s + (r.amount ?? 0), 0)).toBe(
      360,
    );
  });
});
