import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";

let seq = 0;
function deal(fields: TinyRow): TinyRow {
  seq += 1;
  return { deal_id: `d${seq}`, status: "open", created_at: "2024-03-02 10:00:00", amount: "100", ...fields };
}
const won = (closed: string, fields: TinyRow = {}) => deal({ status: "won", closed_at: closed, ...fields });
const lost = (closed: string, fields: TinyRow = {}) => deal({ status: "lost", closed_at: closed, ...fields });

/** Deals of two owners (and one without), two pipelines, some of unknown customers. */
const DEALS: TinyRow[] = [
  won("2024-03-10", { owner_id: "u1", pipeline: "default", customer_id: "c1", amount: "300" }),
  won("2024-03-12", { owner_id: "u1", pipeline: "enterprise", customer_id: "nobody", amount: "700" }),
  lost("2024-03-14", { owner_id: "u1", pipeline: "default", customer_id: "c2" }),
  won("2024-03-20", { owner_id: "u2", pipeline: "default", customer_id: "c2", amount: "50" }),
  lost("2024-03-21", { owner_id: "u2", pipeline: "enterprise" }),
  lost("2024-03-22", { pipeline: "default" }),
  deal({ owner_id: "u2", pipeline: "enterprise", amount: "400" }),
  deal({ owner_id: "u1", pipeline: "default", amount: "250" }),
  // Only in April: u3 gets rows in March too (empty), like customer dimensions.
  won("2024-04-03", { owner_id: "u3", pipeline: "default", created_at: "2024-04-01" }),
];
const CUSTOMERS: TinyRow[] = [
  { customer_id: "c1", created_at: "2024-01-01", owner_id: "acct1", region: "North" },
  { customer_id: "c2", created_at: "2024-01-01", owner_id: "acct2", region: "South" },
];
const METRICS = ["close_rate", "win_rate", "sales_cycle_days", "pipeline_value"];

async function reportBy(by: string[]) {
  const engine = await tinyDataset({ deals: DEALS, customers: CUSTOMERS });
  return runReport(engine, { metrics: METRICS, grain: "month", from: "2024-03", to: "2024-04", by });
}

describe("deal breakdowns", () => {
  it.each([["deal_owner"], ["pipeline"]])(
    "--by %s: numerators and denominators add up to the total in every period",
    async (dim) => {
      const result = await reportBy([dim]);
      expect(result.notBrokenDown).toEqual([]);
      for (const metric of METRICS) {
        for (const period of ["2024-03", "2024-04"]) {
          const rows = result.values.filter((v) => v.metric === metric && v.period === period);
          const total = rows.find((v) => v.segment === null);
          const parts = rows.filter((v) => v.segment !== null);
          expect(parts.every((v) => Object.keys(v.segment ?? {}).join() === dim)).toBe(true);
          const sum = (pick: (v: (typeof rows)[number]) => number | null) =>
            parts.reduce((s, v) => s + (pick(v) ?? 0), 0);
          if (metric === "pipeline_value") expect(sum((v) => v.value)).toBeCloseTo(Number(total?.value), 9);
          else {
            expect(sum((v) => v.numerator)).toBeCloseTo(Number(total?.numerator ?? 0), 9);
            expect(sum((v) => v.denominator)).toBeCloseTo(Number(total?.denominator ?? 0), 9);
          }
        }
      }
    },
  );

  it("groups by the deal's owner, not the customer's, with a null bucket and every owner in every period", async () => {
    const result = await reportBy(["deal_owner"]);
    const winRate = (owner: string | null) =>
      result.values.find(
        (v) => v.metric === "win_rate" && v.period === "2024-03" && v.segment?.deal_owner === owner,
      );
    expect(winRate("u1")).toMatchObject({ numerator: 2, denominator: 3 });
    expect(winRate("u2")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(winRate(null)).toMatchObject({ numerator: 0, denominator: 1 });
    // u3 only closes in April; March still has its row, with nothing to divide.
    expect(winRate("u3")).toBeDefined();
    expect(winRate("u3")?.value).toBeNull();
    const open = result.values.find(
      (v) => v.metric === "pipeline_value" && v.period === "2024-03" && v.segment?.deal_owner === "u2",
    );
    expect(open?.value).toBe(400);
    expect(result.values.some((v) => v.segment?.owner_id !== undefined)).toBe(false);
  });

  it("combines with customer dimensions (a deal without a known customer in the null bucket)", async () => {
    const result = await reportBy(["region", "pipeline"]);
    const row = (region: string, pipeline: string) =>
      result.values.find(
        (v) =>
          v.metric === "win_rate" &&
          v.period === "2024-03" &&
          v.segment?.region === region &&
          v.segment?.pipeline === pipeline,
      );
    expect(row("North", "default")).toMatchObject({ numerator: 1, denominator: 1 });
    expect(row("South", "default")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(row("North", "enterprise")).toBeDefined();
    // d6 (no customer) and d2 (customer "nobody", not in customers) keep their place.
    const none = (pipeline: string) =>
      result.values.find(
        (v) =>
          v.metric === "win_rate" &&
          v.period === "2024-03" &&
          v.segment?.region === null &&
          v.segment?.pipeline === pipeline,
      );
    expect(none("default")).toMatchObject({ numerator: 0, denominator: 1 });
    expect(none("enterprise")).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it("reports metrics that have no deal dimensions as totals only, and explains a deal_owner group", async () => {
    const engine = await tinyDataset({ deals: DEALS, customers: CUSTOMERS });
    const result = await runReport(engine, {
      metrics: ["close_rate", "new_customers"],
      from: "2024-03",
      to: "2024-03",
      by: ["deal_owner"],
    });
    expect(result.notBrokenDown).toEqual(["new_customers"]);
    const explained = await explainMetric(engine, {
      metric: "win_rate",
      period: "2024-03",
      segment: { deal_owner: "u2" },
    });
    expect(explained.value.numerator).toBe(1);
    expect(
      explained.rows
        .filter((r) => r.part === "denominator")
        .map((r) => r.recordId)
        .sort(),
    ).toEqual(["d4", "d5"]);
  });

  it("rejects an unknown dimension", async () => {
    await expect(reportBy(["deal_colour"])).rejects.toThrow(/deal_colour/);
  });
});

describe("quota_attainment per team", () => {
  it("takes the quota's team, else the rep's, and adds up to the total", async () => {
    const engine = await tinyDataset({
      reps: [
        { rep_id: "u1", team: "SMB" },
        { rep_id: "u2", team: "Enterprise" },
      ],
      quotas: [
        { rep_id: "u1", period_start: "2024-03-01", period_end: "2024-04-01", amount: "1000" },
        { rep_id: "u2", period_start: "2024-03-01", period_end: "2024-04-01", amount: "500" },
        // The quota row's own team wins over the rep's.
        { rep_id: "u3", team: "SMB", period_start: "2024-03-01", period_end: "2024-04-01", amount: "250" },
      ],
      deals: [
        won("2024-03-10", { owner_id: "u1", amount: "300" }),
        won("2024-03-11", { owner_id: "u2", amount: "200" }),
        won("2024-03-12", { owner_id: "u3", amount: "50" }),
      ],
    });
    const result = await runReport(engine, { metrics: ["quota_attainment"], from: "2024-03", to: "2024-03" });
    const get = (segment: Record<string, string> | null) =>
      result.values.find((v) => JSON.stringify(v.segment) === JSON.stringify(segment));
    expect(get({ team: "SMB" })).toMatchObject({ numerator: 350, denominator: 1250 });
    expect(get({ team: "Enterprise" })).toMatchObject({ numerator: 200, denominator: 500, value: 0.4 });
    expect(get(null)).toMatchObject({ numerator: 550, denominator: 1750 });
  });
});
