import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { type ReportRequest, runReport } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import { DEFAULT_SETTINGS } from "../../model/settings.js";
import { MetricContext } from "../context/metric-context.js";
import { stuckDealsSql } from "../lists/stuck-deals.js";

const MARCH = { from: "2024-03", to: "2024-03", grain: "month" } as const;

async function report(engine: Engine, metrics: string[], extra: Partial<ReportRequest> = {}) {
  const result = await runReport(engine, { metrics, ...MARCH, ...extra });
  return (id: string, segment: Record<string, string | null> | null = null) =>
    result.values.find((v) => v.metric === id && JSON.stringify(v.segment) === JSON.stringify(segment));
}

let dealSeq = 0;
function deal(fields: TinyRow): TinyRow {
  dealSeq += 1;
  return { deal_id: `d${dealSeq}`, status: "open", created_at: "2024-03-02 10:00:00", ...fields };
}
const won = (closed: string, fields: TinyRow = {}) => deal({ status: "won", closed_at: closed, ...fields });
const repeat = (n: number, make: () => TinyRow) => Array.from({ length: n }, make);

const PIPELINE: TinyRow[] = [
  { pipeline: "default", stage: "new", position: 1, probability: 0.1 },
  { pipeline: "default", stage: "qualified", position: 2, probability: 0.2 },
  { pipeline: "default", stage: "demo", position: 3 },
  { pipeline: "default", stage: "proposal", position: 4, probability: 0.5 },
];

describe("close_rate", () => {
  it.each([
    ["seed 000", 30],
    ["seed 004", 10],
  ])("%s: 100 deals in the pipeline, %i won → won / 100", async (_, wins) => {
    const deals = [
      // 50 open at start (created in February), 50 created in March; the wins split between them.
      ...repeat(wins / 2, () => won("2024-03-20 09:00:00", { created_at: "2024-02-10 09:00:00" })),
      ...repeat(50 - wins / 2, () => deal({ created_at: "2024-02-10 09:00:00" })),
      ...repeat(wins / 2, () => won("2024-03-25 09:00:00")),
      ...repeat(50 - wins / 2, () => deal({ status: "lost", closed_at: "2024-03-28 09:00:00" })),
      // Not in the pipeline during March: closed before start, created after end.
      ...repeat(5, () => deal({ status: "lost", created_at: "2024-01-05", closed_at: "2024-02-20" })),
      ...repeat(3, () => deal({ created_at: "2024-04-02" })),
    ];
    const get = await report(await tinyDataset({ deals }), ["close_rate"]);
    expect(get("close_rate")).toMatchObject({ numerator: wins, denominator: 100, value: wins / 100 });
  });

  it("counts a deal closed exactly at start as in the pipeline, and all deal types", async () => {
    const deals = [
      deal({ status: "lost", created_at: "2024-02-01", closed_at: "2024-03-01 00:00:00" }),
      won("2024-03-05", { type: "upsell", created_at: "2024-02-20" }),
      deal({ status: "lost", created_at: "2024-02-01", closed_at: "2024-02-29 23:59:59" }),
    ];
    const get = await report(await tinyDataset({ deals }), ["close_rate"]);
    expect(get("close_rate")).toMatchObject({ numerator: 1, denominator: 2 });
  });
});

describe("win_rate", () => {
  it("is won / (won + lost) over deals closed in P, open deals aside", async () => {
    const deals = [
      won("2024-03-03"),
      won("2024-03-04"),
      won("2024-03-05"),
      deal({ status: "lost", closed_at: "2024-03-06" }),
      deal({ status: "lost", created_at: "2024-02-01", closed_at: "2024-02-06" }),
      deal({}),
    ];
    const get = await report(await tinyDataset({ deals }), ["win_rate"]);
    expect(get("win_rate")).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
  });

  it("is null when nothing closed in P", async () => {
    const get = await report(await tinyDataset({ deals: [deal({})] }), ["win_rate"]);
    expect(get("win_rate")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});

describe("lead_conversion_rate", () => {
  it("counts leads created in P by their status now", async () => {
    const lead = (id: string, created_at: string, status: string) => ({ lead_id: id, created_at, status });
    const leads = [
      lead("l1", "2024-03-01 08:00:00", "converted"),
      lead("l2", "2024-03-10", "open"),
      lead("l3", "2024-03-11", "disqualified"),
      // Converted after the period: still converted now.
      { ...lead("l4", "2024-03-30", "converted"), converted_at: "2024-04-20" },
      lead("l5", "2024-02-28", "converted"),
    ];
    const get = await report(await tinyDataset({ leads }), ["lead_conversion_rate"]);
    expect(get("lead_conversion_rate")).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });
});

describe("sales_cycle_days", () => {
  it("runs from the lead's created_at, else the deal's, to closed_at; median and p90 are continuous", async () => {
    const leads = [{ lead_id: "l1", created_at: "2024-02-20 00:00:00", status: "converted" }];
    const deals = [
      // 10, 20, 30, 40 days.
      won("2024-03-01 00:00:00", { lead_id: "l1", created_at: "2024-02-25 00:00:00" }),
      won("2024-03-21 00:00:00", { created_at: "2024-03-01 00:00:00" }),
      won("2024-03-31 00:00:00", { created_at: "2024-03-01 00:00:00" }),
      won("2024-03-31 12:00:00", { created_at: "2024-02-20 12:00:00" }),
      deal({ status: "lost", closed_at: "2024-03-30" }),
    ];
    const get = await report(await tinyDataset({ leads, deals }), ["sales_cycle_days"]);
    expect(get("sales_cycle_days")).toMatchObject({ numerator: 100, denominator: 4, value: 25 });
    expect(get("sales_cycle_days_median")?.value).toBe(25);
    expect(get("sales_cycle_days_p90")?.value).toBeCloseTo(37, 9);
  });

  it("seed 004: first talk early Dey, contract early Tir (Jalali) → about 6 months", async () => {
    // 1402-10-02 and 1403-04-02.
    const leads = [{ lead_id: "l1", created_at: "2023-12-23 09:00:00", status: "converted" }];
    const deals = [won("2024-06-22 09:00:00", { lead_id: "l1", created_at: "2024-01-15" })];
    const get = await report(await tinyDataset({ leads, deals }), ["sales_cycle_days"], {
      calendar: "persian",
      from: "1403-04",
      to: "1403-04",
    });
    const days = get("sales_cycle_days")?.value ?? 0;
    expect(days).toBe(182);
    expect(days / (365.25 / 12)).toBeCloseTo(6, 0);
  });
});

/**
 * Deal a: new → qualified → new (backwards) → qualified, won on 03-10.
 * Deal b: new in February, qualified on 03-05, still open.
 * Deal c: new and qualified at the same instant (ties: position), demo, lost 03-05.
 * Deal d: new on 03-10, lost 03-12.
 */
const HISTORY = {
  pipeline_stages: PIPELINE,
  deals: [
    { deal_id: "a", status: "won", created_at: "2024-03-01", closed_at: "2024-03-10 00:00:00" },
    { deal_id: "b", status: "open", created_at: "2024-02-20", stage: "qualified" },
    { deal_id: "c", status: "lost", created_at: "2024-03-02", closed_at: "2024-03-05 00:00:00" },
    { deal_id: "d", status: "lost", created_at: "2024-03-10", closed_at: "2024-03-12 00:00:00" },
  ],
  deal_stages: [
    { deal_id: "a", stage: "new", entered_at: "2024-03-01 00:00:00" },
    { deal_id: "a", stage: "qualified", entered_at: "2024-03-03 00:00:00" },
    { deal_id: "a", stage: "new", entered_at: "2024-03-04 00:00:00" },
    { deal_id: "a", stage: "qualified", entered_at: "2024-03-06 00:00:00" },
    { deal_id: "b", stage: "new", entered_at: "2024-02-20 00:00:00" },
    { deal_id: "b", stage: "qualified", entered_at: "2024-03-05 00:00:00" },
    { deal_id: "c", stage: "qualified", entered_at: "2024-03-02 00:00:00" },
    { deal_id: "c", stage: "new", entered_at: "2024-03-02 00:00:00" },
    { deal_id: "c", stage: "demo", entered_at: "2024-03-03 00:00:00" },
    { deal_id: "d", stage: "new", entered_at: "2024-03-10 00:00:00" },
  ],
};
const stage = (name: string) => ({ pipeline: "default", stage: name });

describe("stage_duration_days", () => {
  it("exits are the next entry (backwards too, ties by position) or closed_at; every stage gets a row", async () => {
    const get = await report(await tinyDataset(HISTORY), ["stage_duration_days"]);
    // new: a 2 + 2, b 14 (Feb 20 → Mar 5), c 0, d 2; qualified: a 1 + 4, c 1; demo: c 2.
    expect(get("stage_duration_days", stage("new"))).toMatchObject({
      numerator: 20,
      denominator: 5,
      value: 4,
    });
    expect(get("stage_duration_days_median", stage("new"))?.value).toBe(2);
    expect(get("stage_duration_days_p90", stage("new"))?.value).toBeCloseTo(2 + 0.6 * 12, 9);
    expect(get("stage_duration_days", stage("qualified"))).toMatchObject({ numerator: 6, denominator: 3 });
    expect(get("stage_duration_days", stage("demo"))).toMatchObject({ numerator: 2, denominator: 1 });
    expect(get("stage_duration_days", stage("proposal"))).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    expect(get("stage_duration_days_median", stage("proposal"))?.value).toBeNull();
    expect(get("stage_duration_days")).toBeUndefined();
  });
});

describe("stage_conversion", () => {
  it("is the share of deals entering a stage in P that later reached a later stage or won", async () => {
    const get = await report(await tinyDataset(HISTORY), ["stage_conversion"]);
    // new in March: a (advanced), c (tie: qualified comes after new), d (lost) → 2/3; b entered in February.
    expect(get("stage_conversion", stage("new"))).toMatchObject({ numerator: 2, denominator: 3 });
    // qualified in March: a twice (won, counted once), b (still there), c (then demo) → 2/3.
    expect(get("stage_conversion", stage("qualified"))).toMatchObject({ numerator: 2, denominator: 3 });
    expect(get("stage_conversion", stage("demo"))).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });
});

describe("quota_attainment", () => {
  it("prorates quotas by local days, counts won deals once per overlapping quota row, and sums the team", async () => {
    const quotas = [
      { rep_id: "u1", period_start: "2024-03-01", period_end: "2024-04-01", amount: "3100" },
      { rep_id: "u1", period_start: "2024-03-16", period_end: "2024-04-01", amount: "1600" },
      // A quarter: 31 of 91 days fall in March.
      { rep_id: "u2", period_start: "2024-01-01", period_end: "2024-04-01", amount: "9100" },
    ];
    const deals = [
      won("2024-03-05 10:00:00", { owner_id: "u1", amount: "1000" }),
      // 2024-03-16 00:30 in Tehran: inside both of u1's quota rows.
      won("2024-03-15 21:00:00", { owner_id: "u1", amount: "550" }),
      won("2024-03-10 10:00:00", { owner_id: "u2", amount: "620" }),
      won("2024-02-10 10:00:00", { owner_id: "u2", amount: "5000", created_at: "2024-02-01" }),
      deal({ owner_id: "u1", amount: "999", status: "lost", closed_at: "2024-03-10" }),
      won("2024-03-10 10:00:00", { owner_id: "u3", amount: "777" }),
    ];
    const engine = await tinyDataset({ quotas, deals }, { timezone: "Asia/Tehran" });
    const get = await report(engine, ["quota_attainment"]);
    expect(get("quota_attainment", { rep_id: "u1" })).toMatchObject({ numerator: 2100, denominator: 4700 });
    expect(get("quota_attainment", { rep_id: "u2" })?.numerator).toBe(620);
    expect(get("quota_attainment", { rep_id: "u2" })?.denominator).toBeCloseTo(3100, 6);
    expect(get("quota_attainment", { rep_id: "u3" })).toBeUndefined();
    const team = get("quota_attainment");
    expect(team?.numerator).toBe(2720);
    expect(team?.value).toBeCloseTo(2720 / 7800, 9);
  });
});

describe("upsell_rate", () => {
  const subscriber = (id: string, amounts: [string, string] = ["10", "10"]) => ({
    customer: { customer_id: id, created_at: "2024-01-01" },
    terms: [
      {
        term_id: `${id}-1`,
        subscription_id: id,
        customer_id: id,
        amount: amounts[0],
        interval: "month",
        start_at: "2024-01-01",
        end_at: "2024-03-15",
      },
      {
        term_id: `${id}-2`,
        subscription_id: id,
        customer_id: id,
        amount: amounts[1],
        interval: "month",
        start_at: "2024-03-15",
        end_at: null,
      },
    ],
  });

  it("seed 004: 5 active customers, 1 upsold → 20 %", async () => {
    const people = ["c1", "c2", "c3", "c4", "c5"].map((id) => subscriber(id));
    const deals = [
      won("2024-03-10", { customer_id: "c1", type: "upsell" }),
      won("2024-03-10", { customer_id: "c2", type: "new_business" }),
      deal({ customer_id: "c3", type: "upsell", status: "lost", closed_at: "2024-03-10" }),
      won("2024-04-10", { customer_id: "c4", type: "upsell" }),
    ];
    const engine = await tinyDataset({
      customers: people.map((p) => p.customer),
      subscriptions: people.flatMap((p) => p.terms),
      deals,
    });
    const get = await report(engine, ["upsell_rate"]);
    expect(get("upsell_rate")).toMatchObject({ numerator: 1, denominator: 5, value: 0.2 });
  });

  it("counts an MRR expansion of a paying customer, not a contraction or a newcomer", async () => {
    const people = [subscriber("up", ["10", "20"]), subscriber("down", ["20", "10"])];
    const newcomer = { customer_id: "new", created_at: "2024-03-02" };
    const engine = await tinyDataset({
      customers: [...people.map((p) => p.customer), newcomer],
      subscriptions: people.flatMap((p) => p.terms),
      deals: [won("2024-03-05", { customer_id: "new", type: "upsell" })],
    });
    const get = await report(engine, ["upsell_rate"]);
    expect(get("upsell_rate")).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });
});

describe("pipeline_value", () => {
  const dataset = () =>
    tinyDataset({
      pipeline_stages: PIPELINE,
      deals: [
        deal({ deal_id: "p1", amount: "1000", created_at: "2024-03-01", stage: "proposal" }),
        deal({ deal_id: "p2", amount: "200", stage: "new" }),
        won("2024-03-20", { deal_id: "p3", amount: "5000" }),
        deal({ deal_id: "p4", amount: "7000", created_at: "2024-04-02" }),
        deal({ deal_id: "p5", amount: "100", status: "lost", closed_at: "2024-04-10", stage: "proposal" }),
      ],
      deal_stages: [
        { deal_id: "p1", stage: "qualified", entered_at: "2024-03-01 00:00:00" },
        { deal_id: "p1", stage: "proposal", entered_at: "2024-03-20 00:00:00" },
        // At the end of March p5 was in demo (no probability); proposal came later.
        { deal_id: "p5", stage: "demo", entered_at: "2024-03-10 00:00:00" },
        { deal_id: "p5", stage: "proposal", entered_at: "2024-04-05 00:00:00" },
      ],
    });

  it("weights open deals at end by the probability of their stage at end", async () => {
    const get = await report(await dataset(), ["pipeline_value"]);
    // p1 1000 × 0.5 + p2 200 × 0.1 + p5 100 × 1.
    expect(get("pipeline_value")?.value).toBeCloseTo(620, 9);
  });

  it("sums plain amounts with weighted=false and rejects other values", async () => {
    const engine = await dataset();
    const get = await report(engine, ["pipeline_value"], { params: { weighted: "false" } });
    expect(get("pipeline_value")?.value).toBe(1300);
    await expect(report(engine, ["pipeline_value"], { params: { weighted: "yes" } })).rejects.toMatchObject({
      code: "bad_argument",
    });
  });
});

describe("stuckDealsSql", () => {
  async function stuck(engine: Engine, days?: number) {
    const ctx = new MetricContext(engine.dialect, DEFAULT_SETTINGS, {});
    const at = ctx.dialect.timestampParam(ctx.bind("2024-04-01 00:00:00"));
    const sql = stuckDealsSql(ctx, at, days === undefined ? {} : { days });
    return engine.query({ sql, params: ctx.params.values });
  }

  it("lists open deals longer in their stage than its p90 (exits before the instant), or than `days`", async () => {
    // Closed deals spent 1..5 days in `new`.
    const past = [1, 2, 3, 4, 5].map((n) => ({
      deal: {
        deal_id: `h${n}`,
        status: "lost",
        created_at: "2024-02-01",
        closed_at: `2024-02-0${1 + n} 00:00:00`,
      },
      entry: { deal_id: `h${n}`, stage: "new", entered_at: "2024-02-01 00:00:00" },
    }));
    const engine = await tinyDataset({
      pipeline_stages: PIPELINE,
      deals: [
        ...past.map((p) => p.deal),
        { deal_id: "x", status: "open", created_at: "2024-03-25" },
        { deal_id: "y", status: "open", created_at: "2024-03-29" },
        { deal_id: "z", status: "won", created_at: "2024-03-01", closed_at: "2024-03-31" },
      ],
      deal_stages: [
        ...past.map((p) => p.entry),
        { deal_id: "x", stage: "new", entered_at: "2024-03-25 00:00:00" },
        { deal_id: "y", stage: "new", entered_at: "2024-03-29 00:00:00" },
        { deal_id: "z", stage: "new", entered_at: "2024-03-28 00:00:00" },
      ],
    });
    const byP90 = await stuck(engine);
    expect(byP90.map((r) => r.deal_id)).toEqual(["x"]);
    expect(Number(byP90[0]?.days_in_stage)).toBe(7);
    // z's 3 days in `new` ended on 03-31, before the instant: p90 of 1, 2, 3, 3, 4, 5.
    expect(Number(byP90[0]?.threshold_days)).toBeCloseTo(4.5, 9);
    expect((await stuck(engine, 2)).map((r) => r.deal_id)).toEqual(["x", "y"]);
  });
});

describe("drill-down", () => {
  it("lists the won deals behind close_rate's numerator and the pipeline behind its denominator", async () => {
    const deals = [
      won("2024-03-20", { deal_id: "w1" }),
      deal({ deal_id: "o1" }),
      deal({ deal_id: "l1", status: "lost", closed_at: "2024-02-20", created_at: "2024-02-01" }),
    ];
    const engine = await tinyDataset({ deals });
    const result = await explainMetric(engine, { metric: "close_rate", period: "2024-03" });
    expect(result.value).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    const ids = (part: string) => result.rows.filter((r) => r.part === part).map((r) => r.recordId);
    expect(ids("numerator")).toEqual(["w1"]);
    expect(ids("denominator").sort()).toEqual(["o1", "w1"]);
    expect(result.rows.every((r) => r.entity === "deals")).toBe(true);
  });

  it("explains one stage of stage_duration_days with each exit's days", async () => {
    const engine = await tinyDataset(HISTORY);
    const result = await explainMetric(engine, {
      metric: "stage_duration_days",
      period: "2024-03",
      segment: stage("qualified"),
    });
    expect(result.value).toMatchObject({ numerator: 6, denominator: 3, value: 2 });
    const amounts = result.rows.filter((r) => r.part === "numerator").map((r) => r.amount);
    expect(amounts.sort()).toEqual([1, 1, 4]);
  });
});
