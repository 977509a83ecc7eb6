import { describe, expect, it } from "vitest";
import { tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { DatasetSettings } from "../../model/settings.js";

type Engine = Awaited<ReturnType<typeof tinyDataset>>;

const CUSTOMER = { customer_id: "c1", created_at: "2023-01-01" };

/**
 * `due` annual terms ending 2024-03-15, the first `renewed` of them followed by
 * a term of the same subscription; generated in SQL so a thousand rows stay fast.
 */
async function bulkRenewals(due: number, renewed: number): Promise<Engine> {
  const engine = await tinyDataset({ customers: [CUSTOMER] });
  const insert = (select: string) =>
    engine.execute(
      `INSERT INTO subscriptions (term_id, subscription_id, customer_id, amount, amount_base, interval, start_at, end_at, _file)
       ${select}`,
    );
  await insert(`SELECT 'old-' || i, 'sub-' || i, 'c1', 100, 100, 'year', TIMESTAMP '2023-03-15', TIMESTAMP '2024-03-15', 'test'
    FROM generate_series(1, ${due}) r(i)`);
  await insert(`SELECT 'new-' || i, 'sub-' || i, 'c1', 100, 100, 'year', TIMESTAMP '2024-03-15', NULL, 'test'
    FROM generate_series(1, ${renewed}) r(i)`);
  return engine;
}

async function march(engine: Engine, params: Record<string, string> = {}, from = "2024-03") {
  const result = await runReport(engine, {
    metrics: ["renewal_rate"],
    grain: "month",
    from,
    to: "2024-03",
    params,
  });
  return (period = "2024-03") =>
    result.values.find((v) => v.metric === "renewal_rate" && v.period === period);
}

const term = (
  id: string,
  sub: string,
  start: string,
  end: string | null,
  canceled: string | null = null,
) => ({
  term_id: id,
  subscription_id: sub,
  customer_id: "c1",
  amount: "10",
  interval: "month",
  start_at: start,
  end_at: end,
  canceled_at: canceled,
});

async function terms(rows: ReturnType<typeof term>[], settings: Partial<DatasetSettings> = {}) {
  return tinyDataset({ customers: [CUSTOMER], subscriptions: rows }, settings);
}

describe("§2 renewal_rate", () => {
  it.each([
    [1000, 900, 0.9],
    [1000, 600, 0.6],
    [100, 95, 0.95],
  ])("worked example: %i due, %i renewed", async (due, renewed, rate) => {
    const get = await march(await bulkRenewals(due, renewed));
    expect(get()).toMatchObject({ numerator: renewed, denominator: due });
    expect(get()?.value).toBeCloseTo(rate, 12);
  });

  it("due excludes terms canceled before end_at and open-ended terms; zero due is null", async () => {
    const get = await march(
      await terms([
        term("a", "sa", "2024-02-10", "2024-03-10"),
        term("a2", "sa", "2024-03-10", null),
        // Canceled before its end: not due, even though a term follows.
        term("b", "sb", "2024-02-10", "2024-03-10", "2024-03-01"),
        term("b2", "sb", "2024-03-10", null),
        // Canceled exactly at end_at: still due, and not renewed.
        term("c", "sc", "2024-02-10", "2024-03-10", "2024-03-10"),
        // A new term of another subscription is no renewal.
        term("d", "sd", "2024-02-10", "2024-03-20"),
        term("e2", "se", "2024-03-20", null),
      ]),
      {},
      "2024-02",
    );
    expect(get()).toMatchObject({ numerator: 1, denominator: 3 });
    expect(get("2024-02")).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it("renewed within [end_at − g, end_at + g], g = renewal_grace_days, or the grace_days parameter", async () => {
    const rows = [
      term("late", "s1", "2024-02-01", "2024-03-01"),
      term("late2", "s1", "2024-03-31", null), // +30 d: inside
      term("later", "s2", "2024-02-01", "2024-03-01"),
      term("later2", "s2", "2024-03-31 00:00:01", null), // +30 d + 1 s: outside
      term("early", "s3", "2024-02-20", "2024-03-31"),
      term("early2", "s3", "2024-03-01", null), // −30 d: inside (a plan change inside the chain)
    ];
    const get = await march(await terms(rows));
    expect(get()).toMatchObject({ numerator: 2, denominator: 3 });
    const strict = await march(await terms(rows, { renewal_grace_days: 0 }));
    expect(strict()).toMatchObject({ numerator: 0, denominator: 3 });
    const wide = await march(await terms(rows), { grace_days: "31" });
    expect(wide()).toMatchObject({ numerator: 3, denominator: 3, value: 1 });
    await expect(march(await terms(rows), { grace_days: "-1" })).rejects.toMatchObject({
      code: "bad_argument",
    });
  });

  it("explain lists the due and the renewed terms", async () => {
    const engine = await terms([
      term("a", "sa", "2024-02-10", "2024-03-10"),
      term("a2", "sa", "2024-03-12", null),
      term("b", "sb", "2024-02-10", "2024-03-20"),
    ]);
    const result = await explainMetric(engine, { metric: "renewal_rate", period: "2024-03" });
    expect(result.value).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const ids = (part: string) =>
      result.rows
        .filter((r) => r.part === part)
        .map((r) => `${r.entity}:${r.recordId}`)
        .sort();
    expect(ids("numerator")).toEqual(["subscriptions:a"]);
    expect(ids("denominator")).toEqual(["subscriptions:a", "subscriptions:b"]);
  });
});
