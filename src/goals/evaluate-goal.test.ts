import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../test/support/tiny-dataset.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { DEFAULT_SETTINGS } from "../core/model/settings.js";
import { runReport } from "../report/run-report.js";
import { addGoal, GoalRejectedError } from "./add-goal.js";
import { defineGoal, type GoalInput } from "./define-goal.js";
import { evaluateGoal, evaluateGoals } from "./evaluate-goal.js";
import type { Goal } from "./goal.js";
import { calendarDateText } from "./goal-dates.js";
import { listGoals } from "./goal-store.js";
import { loadGoalsFile } from "./load-goals-file.js";

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** One customer acquired on the 10th of each month from `from` (YYYY-MM) for `months` months. */
function monthlyCustomers(from: string, months: number, region = "North"): TinyRow[] {
  const [y, m] = from.split("-").map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 10)).toISOString().slice(0, 10);
    return {
      customer_id: `${region}-${d}`,
      created_at: `${d} 09:00:00`,
      acquired_at: `${d} 09:00:00`,
      region,
    };
  });
}

let seq = 0;
function nps(month: string, scores: number[]): TinyRow[] {
  return scores.map((score) => {
    seq += 1;
    return {
      response_id: `r${seq}`,
      survey: "nps",
      customer_id: "North-2023-01-10",
      channel: "email",
      sent_at: `${month}-05 10:00:00`,
      responded_at: `${month}-06 10:00:00`,
      score,
    };
  });
}

async function evaluate(engine: Awaited<ReturnType<typeof tinyDataset>>, input: GoalInput, asOf: string) {
  const goal = defineGoal(input, { id: "g1", settings: DEFAULT_SETTINGS, asOfMs: utc(asOf) });
  return evaluateGoal(engine, goal, utc(asOf));
}

describe("cumulative goals: sign 12 new customers by the end of the year", () => {
  // 2023: one customer a month (the history); 2024: one a month in January–June.
  const tables = { customers: [...monthlyCustomers("2023-01", 12), ...monthlyCustomers("2024-01", 6)] };
  const goal = {
    metric: "new_customers",
    target: 12,
    start: "2024-01-01",
    deadline: "2024-12-31",
    why: "seed 000",
  };

  it("counts from the start, projects the pace and judges it against history", async () => {
    const engine = await tinyDataset(tables);
    const e = await evaluate(engine, goal, "2024-07-01");
    expect(e.mode).toBe("cumulative");
    expect(e.baseline).toBe(0);
    expect(e.current).toBe(6);
    expect(e.progress).toBe(0.5);
    // 6 in 182 days, continued over the 366 days of 2024.
    expect(e.projection.method).toBe("linear_pace");
    expect(e.projection.value).toBeCloseTo((6 / 182) * 366, 9);
    expect(e.status).toBe("on_track");
    expect(e.achievability).toEqual({
      class: "realistic",
      neededPerPeriod: 1,
      typicalChange: 1,
      bestChange: 1,
      historyPeriods: 12,
    });
    expect(e.smart.every((s) => s.ok)).toBe(true);
    // Twice the pace of any month in history.
    expect((await evaluate(engine, { ...goal, target: 30 }, "2024-07-01")).achievability.class).toBe(
      "unrealistic",
    );
  });

  it("is achieved as soon as the target is met, before the deadline", async () => {
    const engine = await tinyDataset(tables);
    const e = await evaluate(engine, { ...goal, target: 5 }, "2024-07-01");
    expect(e.status).toBe("achieved");
    expect(e.reason).toBe("target_met");
  });

  it("is settled after the deadline: achieved or missed, the projection being the final value", async () => {
    const engine = await tinyDataset(tables);
    const missed = await evaluate(engine, goal, "2025-02-01");
    expect(missed).toMatchObject({ status: "missed", current: 6, projection: { value: 6, method: "final" } });
    const achieved = await evaluate(engine, { ...goal, target: 6 }, "2025-02-01");
    expect(achieved.status).toBe("achieved");
  });

  it("counts only the segment's customers", async () => {
    const engine = await tinyDataset({
      customers: [...tables.customers, ...monthlyCustomers("2024-01", 3, "South")],
    });
    const e = await evaluate(engine, { ...goal, segment: { region: "South" } }, "2024-07-01");
    expect(e.current).toBe(3);
    const unknown = await evaluate(engine, { ...goal, segment: { region: "Mars" } }, "2024-07-01");
    expect(unknown.smart.find((s) => s.letter === "S")).toMatchObject({
      ok: false,
      code: "unknown_segment_value",
    });
  });
});

describe("rate goals: NPS ≥ 50", () => {
  // NPS 0 in January, 20 in February, 40 in March.
  const responses = [
    ...nps("2024-01", [10, 0]),
    ...nps("2024-02", [10, 10, 0, 8, 8]),
    ...nps("2024-03", [10, 10, 10, 0, 8]),
  ];
  const tables = { customers: monthlyCustomers("2024-01", 1), survey_responses: responses };
  const goal = { metric: "nps", target: 50, start: "2024-04-01", deadline: "2024-06-30", why: "loyalty" };

  it("takes the baseline before the start and projects a least-squares trend", async () => {
    const engine = await tinyDataset(tables);
    const e = await evaluate(engine, goal, "2024-04-01");
    expect(e.mode).toBe("level");
    expect(e.baseline).toBeCloseTo(40, 9);
    expect(e.current).toBeCloseTo(40, 9);
    expect(e.currentPeriod).toBe("2024-03");
    // +20 a month from 0 in January: 100 by June (the NPS ceiling).
    expect(e.projection).toMatchObject({ method: "least_squares", basis: 3 });
    expect(e.projection.value).toBeCloseTo(100, 9);
    expect(e.status).toBe("on_track");
    expect(e.achievability.class).toBe("realistic");
    expect(e.achievability.neededPerPeriod).toBeCloseTo(10 / 3, 9);
    expect(e.achievability.typicalChange).toBeCloseTo(20, 9);
  });

  it("has no projection without history, and says why", async () => {
    const engine = await tinyDataset({
      customers: monthlyCustomers("2024-03", 1),
      survey_responses: nps("2024-03", [10]),
    });
    const e = await evaluate(engine, { ...goal, start: "2024-03-01", deadline: "2024-12-31" }, "2024-03-20");
    expect(e.projection).toEqual({ value: null, method: "none", basis: 0 });
    expect(e.current).toBeNull();
    expect(e.status).toBe("at_risk");
    expect(e.reason).toBe("no_projection");
    expect(e.smart.find((s) => s.letter === "A")).toMatchObject({ ok: false, code: "no_history" });
  });

  it("reads churn at most 3 % a month with the percent written as such", () => {
    const goalDef = defineGoal(
      { metric: "customer_churn_rate", target: "3%", deadline: "2024-06-30" },
      // An instant inside April 1 (a midnight would be the end of March 31, as --as-of gives it).
      { id: "g9", settings: DEFAULT_SETTINGS, asOfMs: utc("2024-04-01") + 12 * 3_600_000 },
    );
    expect(goalDef).toMatchObject({
      target: 0.03,
      direction: "at-most",
      start: "2024-04-01",
      grain: "month",
    });
  });
});

describe("quota goals per rep", () => {
  const quota = (month: string) => ({
    rep_id: "u1",
    period_start: `${month}-01`,
    period_end: "",
    amount: "1000",
  });
  const quotas = [
    { ...quota("2024-01"), period_end: "2024-02-01" },
    { ...quota("2024-02"), period_end: "2024-03-01" },
    { ...quota("2024-03"), period_end: "2024-04-01" },
    { rep_id: "u2", period_start: "2024-03-01", period_end: "2024-04-01", amount: "1000" },
  ];
  const won = (id: string, closed: string, amount: string, owner = "u1") => ({
    deal_id: id,
    status: "won",
    created_at: "2024-01-01 10:00:00",
    closed_at: closed,
    amount,
    owner_id: owner,
  });
  const deals = [
    won("d1", "2024-01-20 10:00:00", "500"),
    won("d2", "2024-02-20 10:00:00", "800"),
    won("d3", "2024-03-20 10:00:00", "1100"),
    won("d4", "2024-03-20 10:00:00", "100", "u2"),
  ];

  it("measures quota_attainment of one rep (segment rep_id)", async () => {
    const engine = await tinyDataset({ customers: monthlyCustomers("2024-01", 1), quotas, deals });
    const input = {
      metric: "quota_attainment",
      target: 1,
      segment: { rep_id: "u1" },
      owner: "u1",
      start: "2024-03-01",
      deadline: "2024-03-31",
      why: "quota",
    };
    const e = await evaluate(engine, input, "2024-04-01");
    expect(e.baseline).toBeCloseTo(0.8, 9);
    expect(e.current).toBeCloseTo(1.1, 9);
    expect(e.status).toBe("achieved");
    const other = await evaluate(engine, { ...input, segment: { rep_id: "u2" } }, "2024-04-01");
    expect(other.current).toBeCloseTo(0.1, 9);
    expect(other.status).toBe("missed");
  });
});

/** `engine` with a count of the statements sent through it. */
function countingStatements(engine: Engine): { engine: Engine; statements: () => number } {
  let n = 0;
  const counted = new Proxy(engine, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      if (prop !== "query" && prop !== "execute") return value.bind(target);
      return (...args: unknown[]) => {
        n++;
        return value.apply(target, args);
      };
    },
  });
  return { engine: counted, statements: () => n };
}

describe("evaluateGoals: the goals of one request shape read one report", () => {
  it("gives what evaluateGoal gives goal by goal, with fewer statements", async () => {
    const tables = {
      customers: [...monthlyCustomers("2023-01", 24), ...monthlyCustomers("2023-06", 12, "South")],
      survey_responses: [...nps("2023-11", [10, 9, 3]), ...nps("2023-12", [10, 10, 8, 2])],
    };
    const asOf = "2024-07-01";
    const inputs: GoalInput[] = [
      { metric: "new_customers", target: 12, start: "2024-01-01", deadline: "2024-12-31", why: "pace" },
      {
        metric: "new_customers",
        target: 8,
        segment: { region: "North" },
        start: "2024-01-01",
        deadline: "2024-12-31",
        why: "north",
      },
      { metric: "nps", target: 50, start: "2024-01-01", deadline: "2024-12-31", why: "promoters" },
      {
        metric: "customer_churn_rate",
        target: 0.03,
        start: "2024-01-01",
        deadline: "2024-12-31",
        why: "keep",
      },
      // No subscriptions: not measurable, and no report for it.
      { metric: "mrr", target: 1000, start: "2024-01-01", deadline: "2024-12-31", why: "recurring" },
    ];
    const goals = inputs.map((input, i) =>
      defineGoal(input, { id: `g${i + 1}`, settings: DEFAULT_SETTINGS, asOfMs: utc(asOf) }),
    );
    const one = countingStatements(await tinyDataset(tables));
    const separately = [];
    for (const goal of goals) separately.push(await evaluateGoal(one.engine, goal, utc(asOf)));
    const all = countingStatements(await tinyDataset(tables));
    const together = await evaluateGoals(all.engine, goals, utc(asOf));
    expect(together).toEqual(separately);
    // 2024 to June: six in the North and five in the South (theirs end in May).
    expect(together.map((e) => e.current)).toEqual([11, 6, expect.any(Number), expect.any(Number), null]);
    expect(all.statements()).toBeLessThan(one.statements());
  });
});

describe("goals shown under a report read that report", () => {
  type Tables = Parameters<typeof tinyDataset>[0];
  type Shown = { request: Parameters<typeof runReport>[1]; result: Awaited<ReturnType<typeof runReport>> };

  /** Evaluates `goals` on a fresh copy of `tables`, under `shown` or alone; with the statements it sent. */
  async function evaluatedOn(tables: Tables, goals: Goal[], asOfMs: number, shown?: Shown) {
    const counted = countingStatements(await tinyDataset(tables));
    const evaluations = await evaluateGoals(counted.engine, goals, asOfMs, shown);
    return { evaluations, statements: counted.statements() };
  }

  /** The report `request` on `tables`, and `inputs` as goals judged as of its end. */
  async function shownWithGoals(tables: Tables, request: Shown["request"], inputs: GoalInput[]) {
    const result = await runReport(await tinyDataset(tables), request);
    const asOfMs = result.asOfMs as number;
    const goals = inputs.map((input, i) =>
      defineGoal(input, { id: `g${i + 1}`, settings: DEFAULT_SETTINGS, asOfMs }),
    );
    return { shown: { request, result }, goals, asOfMs };
  }

  const npsGoal = {
    metric: "nps",
    target: 50,
    start: "2024-01-01",
    deadline: "2025-06-30",
    why: "promoters",
  };
  const surveys = [...nps("2023-11", [10, 9, 3]), ...nps("2024-02", [10, 10, 8, 2])];

  it("gives what they give alone, without running the report's shape again", async () => {
    const tables = { customers: monthlyCustomers("2023-01", 24), survey_responses: surveys };
    const { shown, goals, asOfMs } = await shownWithGoals(
      tables,
      { metrics: ["nps", "new_customers"], grain: "month" },
      [
        npsGoal,
        { metric: "new_customers", target: 12, start: "2024-01-01", deadline: "2024-12-31", why: "pace" },
      ],
    );
    const alone = await evaluatedOn(tables, goals, asOfMs);
    const under = await evaluatedOn(tables, goals, asOfMs, shown);
    expect(under.evaluations).toEqual(alone.evaluations);
    // The report ends with November 2024, its last complete month: eleven customers since January.
    expect(under.evaluations.map((e) => e.current)).toEqual([expect.any(Number), 11]);
    // What is left: the cumulative goal's daily report and the dataset facts.
    expect(under.statements).toBeLessThan(alone.statements);
    const nothingLeft = await evaluatedOn(tables, goals.slice(0, 1), asOfMs, shown);
    const ownReport = await evaluatedOn(tables, goals.slice(0, 1), asOfMs);
    expect(nothingLeft.statements).toBeLessThan(ownReport.statements / 2);
  });

  it("reads the totals of a report by region for goals on the total", async () => {
    const tables = {
      customers: [...monthlyCustomers("2023-01", 24), ...monthlyCustomers("2023-06", 12, "South")],
      survey_responses: surveys,
    };
    const request = { metrics: ["nps", "new_customers"], grain: "month", by: ["region"] } as const;
    const { shown, goals, asOfMs } = await shownWithGoals(tables, request, [
      npsGoal,
      {
        metric: "new_customers",
        target: 12,
        segment: { region: "South" },
        start: "2024-01-01",
        why: "south",
      },
    ]);
    const alone = await evaluatedOn(tables, goals, asOfMs);
    const under = await evaluatedOn(tables, goals, asOfMs, shown);
    expect(under.evaluations).toEqual(alone.evaluations);
    // South's customers run to May 2024: five since January.
    expect(under.evaluations.map((e) => e.current)).toEqual([expect.any(Number), 5]);
    // The goal on the total alone: it reads the report's totals instead of a report of its own.
    const totalUnder = await evaluatedOn(tables, goals.slice(0, 1), asOfMs, shown);
    const totalAlone = await evaluatedOn(tables, goals.slice(0, 1), asOfMs);
    expect(totalUnder.statements).toBeLessThan(totalAlone.statements / 2);
  });
});

describe("adding goals", () => {
  it("refuses a goal whose metric's inputs are missing, and stores nothing", async () => {
    const engine = await tinyDataset({ customers: monthlyCustomers("2024-01", 3) });
    const add = addGoal(
      engine,
      { metric: "nps", target: 50, deadline: "2024-12-31", why: "x" },
      utc("2024-04-01"),
    );
    await expect(add).rejects.toBeInstanceOf(GoalRejectedError);
    const error = (await add.catch((e: unknown) => e)) as GoalRejectedError;
    expect(error.entries.find((e) => e.letter === "M")).toMatchObject({
      ok: false,
      code: "inputs_missing",
      params: { missing: "survey_responses" },
    });
    expect(await listGoals(engine)).toEqual([]);
  });

  it("stores a SMART goal with the next id, warning about A and R without refusing", async () => {
    const engine = await tinyDataset({ customers: monthlyCustomers("2024-01", 3) });
    const e = await addGoal(
      engine,
      { metric: "new_customers", target: 12, deadline: "2024-12-31" },
      utc("2024-04-01"),
    );
    expect(e.goal.id).toBe("g1");
    expect(e.smart.find((s) => s.letter === "R")).toMatchObject({ ok: false, code: "no_why" });
    const stored = await listGoals(engine);
    expect(stored).toEqual([e.goal]);
  });

  it("accepts a Jalali deadline in the dataset's zone", async () => {
    const settings = { ...DEFAULT_SETTINGS, timezone: "Asia/Tehran", calendar: "persian" as const };
    const goal = defineGoal(
      { metric: "new_customers", target: 12, start: "1404-01-01", deadline: "1404-12-29" },
      { id: "g1", settings, asOfMs: Date.now() },
    );
    expect(goal).toMatchObject({ start: "2025-03-21", deadline: "2026-03-20", calendar: "persian" });
    expect(calendarDateText(goal.deadline ?? "", "persian", "Asia/Tehran")).toBe("1404-12-29");
    expect(() =>
      defineGoal(
        { metric: "new_customers", target: 12, deadline: "1404-13-01" },
        { id: "g1", settings, asOfMs: 0 },
      ),
    ).toThrow(CrmKpiError);
  });

  it("defaults the direction to the metric's, and rejects a target that is no number", () => {
    const context = { id: "g1", settings: DEFAULT_SETTINGS, asOfMs: utc("2024-01-01") };
    expect(defineGoal({ metric: "churned_customers", target: 3 }, context).direction).toBe("at-most");
    expect(() => defineGoal({ metric: "revenue", target: "lots" }, context)).toThrow(/not a number/);
    expect(defineGoal({ metric: "revenue", target: "۱۲۰۰" }, context).target).toBe(1200);
  });
});

describe("loadGoalsFile", () => {
  async function file(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-goals-"));
    const p = path.join(dir, name);
    await writeFile(p, text);
    return p;
  }
  const customers = monthlyCustomers("2023-06", 12);

  it("loads goals from YAML and JSON, replacing by id", async () => {
    const engine = await tinyDataset({ customers });
    const yaml = await file(
      "goals.yaml",
      `goals:\n  - id: new-2024\n    metric: new_customers\n    target: 12\n    start: 2024-01-01\n    deadline: 2024-12-31\n    why: seed 000\n  - id: north\n    metric: new_customers\n    target: 6\n    segment: { region: North }\n    start: 2024-01-01\n    deadline: 2024-06-30\n    why: regional push\n`,
    );
    const loaded = await loadGoalsFile(engine, yaml, utc("2024-03-01"));
    expect(loaded.map((e) => e.goal.id)).toEqual(["new-2024", "north"]);
    const json = await file(
      "goals.json",
      JSON.stringify([
        {
          id: "north",
          metric: "new_customers",
          target: 9,
          start: "2024-01-01",
          deadline: "2024-06-30",
          why: "more",
        },
      ]),
    );
    await loadGoalsFile(engine, json, utc("2024-03-01"));
    const stored = await listGoals(engine);
    expect(stored.map((g) => [g.id, g.target])).toEqual([
      ["new-2024", 12],
      ["north", 9],
    ]);
  });

  it("names the file and the key of an error, and stores none of the file's goals", async () => {
    const engine = await tinyDataset({ customers });
    const badDate = await file(
      "goals.yaml",
      "goals:\n  - id: a\n    metric: new_customers\n    target: 1\n    deadline: 2024-02-30\n",
    );
    await expect(loadGoalsFile(engine, badDate, utc("2024-01-01"))).rejects.toThrow(
      /goals\.yaml: goals\[0\]\.deadline/,
    );
    const noMetric = await file("goals.yaml", "goals:\n  - id: a\n    target: 1\n");
    const error = (await loadGoalsFile(engine, noMetric, 0).catch((e: unknown) => e)) as CrmKpiError;
    expect(error).toBeInstanceOf(CrmKpiError);
    expect(error.code).toBe("goal_invalid");
    expect(error.place).toMatchObject({ file: noMetric, column: "goals[0].metric" });
    const unknownKey = await file(
      "goals.yaml",
      "goals:\n  - id: a\n    metric: revenue\n    target: 1\n    dedline: 2024-12-31\n",
    );
    await expect(loadGoalsFile(engine, unknownKey, 0)).rejects.toThrow(/goals\[0\]/);
    const notSmart = await file(
      "goals.yaml",
      "goals:\n  - id: ok\n    metric: new_customers\n    target: 1\n    deadline: 2024-12-31\n  - id: bad\n    metric: nps\n    target: 50\n    deadline: 2024-12-31\n",
    );
    await expect(loadGoalsFile(engine, notSmart, utc("2024-01-01"))).rejects.toBeInstanceOf(
      GoalRejectedError,
    );
    expect(await listGoals(engine)).toEqual([]);
  });
});
