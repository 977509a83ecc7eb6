import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";

function ev(list: string, email: string, event: string, at: string): TinyRow {
  return { list_id: list, email, event, at };
}

/**
 * List `news` at the start of March 2024: a and b are members (b signed up as
 * B@x.org; the pair is case-blind), c bounced in February, d left and came back.
 * `quiet` has one member and no March event; `fresh` gets its first member in March.
 */
const EVENTS: readonly TinyRow[] = [
  ev("news", "a@x.org", "subscribed", "2024-01-05 10:00:00"),
  ev("news", "B@x.org", "subscribed", "2024-01-06 10:00:00"),
  ev("news", "c@x.org", "subscribed", "2024-02-01 10:00:00"),
  ev("news", "c@x.org", "bounced", "2024-02-02 10:00:00"),
  ev("news", "d@x.org", "subscribed", "2024-01-01 10:00:00"),
  ev("news", "d@x.org", "unsubscribed", "2024-01-10 10:00:00"),
  ev("news", "d@x.org", "subscribed", "2024-02-10 10:00:00"),
  // March: +e, +f (at the first instant of March), −b, −a (complaint), +c back.
  ev("news", "e@x.org", "subscribed", "2024-03-03 10:00:00"),
  ev("news", "f@x.org", "subscribed", "2024-03-01 00:00:00"),
  ev("news", "b@x.org", "unsubscribed", "2024-03-04 10:00:00"),
  ev("news", "a@x.org", "complained", "2024-03-05 10:00:00"),
  ev("news", "c@x.org", "subscribed", "2024-03-06 10:00:00"),
  ev("news", "g@x.org", "subscribed", "2024-04-01 00:00:00"), // April
  ev("quiet", "a@x.org", "subscribed", "2023-12-01 10:00:00"),
  ev("fresh", "z@x.org", "subscribed", "2024-03-15 10:00:00"),
];

async function march() {
  const engine = await tinyDataset({ email_events: EVENTS });
  const result = await runReport(engine, {
    metrics: ["email_list_growth_rate"],
    from: "2024-03",
    to: "2024-03",
    grain: "month",
  });
  const get = (segment: Record<string, string> | null) =>
    result.values.find((v) => JSON.stringify(v.segment) === JSON.stringify(segment));
  return { engine, result, get };
}

describe("§6 email list growth", () => {
  it("counts March events ±1 over members at start, per (list, lower-cased email)", async () => {
    const { get } = await march();
    // news: start = {a, b, d}; moves = +e +f −b −a +c = +1.
    expect(get({ list_id: "news" })).toMatchObject({ numerator: 1, denominator: 3 });
    expect(get({ list_id: "news" })?.value).toBeCloseTo(1 / 3, 12);
    expect(get({ list_id: "quiet" })).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    // No member at start: the rate is undefined, not infinite.
    expect(get({ list_id: "fresh" })).toMatchObject({ value: null, numerator: 1, denominator: 0 });
    expect(get(null)).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it("reports exactly the total and one row per list", async () => {
    const { result } = await march();
    const segments = result.values.map((v) => JSON.stringify(v.segment)).sort();
    expect(segments).toEqual(
      [null, { list_id: "fresh" }, { list_id: "news" }, { list_id: "quiet" }]
        .map((s) => JSON.stringify(s))
        .sort(),
    );
  });

  it("explain lists the events behind the numerator and the members behind the denominator", async () => {
    const { engine } = await march();
    const result = await explainMetric(engine, {
      metric: "email_list_growth_rate",
      period: "2024-03",
      segment: { list_id: "news" },
    });
    const numerator = result.rows.filter((r) => r.part === "numerator");
    expect(numerator).toHaveLength(5);
    expect(numerator.reduce((sum, r) => sum + (r.amount ?? 0), 0)).toBe(result.value.numerator);
    const members = result.rows
      .filter((r) => r.part === "denominator")
      .map((r) => r.recordId)
      .sort();
    expect(members).toEqual(["a@x.org", "b@x.org", "d@x.org"]);
  });
});
