import { describe, expect, it } from "vitest";
import { judgeAchievability } from "./achievability.js";
import { goalModeOf } from "./goal.js";
import { judgeStatus, shareOfTheWay } from "./goal-status.js";
import { projectCumulative, projectLevel } from "./projection.js";
import { blockingFailures, checkSmart, type SmartFacts } from "./smart-check.js";

const DAY = 86_400_000;

describe("judgeAchievability", () => {
  const cumulative = { mode: "cumulative", direction: "at-least", baseline: 0, periods: 12 } as const;
  const history = [1, 2, 3, 4, 10]; // median 3, best 10

  it("classes a cumulative goal by the per-period value it needs, with the numbers", () => {
    expect(judgeAchievability({ ...cumulative, target: 36, history })).toEqual({
      class: "realistic",
      neededPerPeriod: 3,
      typicalChange: 3,
      bestChange: 10,
      historyPeriods: 5,
    });
    expect(judgeAchievability({ ...cumulative, target: 60, history }).class).toBe("ambitious");
    expect(judgeAchievability({ ...cumulative, target: 132, history })).toMatchObject({
      class: "unrealistic",
      neededPerPeriod: 11,
    });
  });

  it("compares a level goal's needed change with the changes between periods, in the goal's direction", () => {
    // Churn falling 0.01, 0.00, 0.03 a month; a fall of 0.01 a month is typical, 0.03 the best.
    const level = {
      mode: "level",
      direction: "at-most",
      periods: 4,
      history: [0.1, 0.09, 0.09, 0.06],
    } as const;
    const realistic = judgeAchievability({ ...level, baseline: 0.06, target: 0.02 });
    expect(realistic.class).toBe("realistic");
    expect(realistic.neededPerPeriod).toBeCloseTo(-0.01, 12);
    expect(realistic.typicalChange).toBeCloseTo(-0.01, 12);
    expect(realistic.bestChange).toBeCloseTo(-0.03, 12);
    expect(judgeAchievability({ ...level, baseline: 0.06, target: 0.0 }).class).toBe("ambitious");
    expect(judgeAchievability({ ...level, baseline: 0.2, target: 0.0 }).class).toBe("unrealistic");
    // Already below the target: no change needed.
    expect(judgeAchievability({ ...level, baseline: 0.01, target: 0.02 }).class).toBe("realistic");
  });

  it("is unknown without history or without a baseline", () => {
    expect(judgeAchievability({ ...cumulative, target: 12, history: [] }).class).toBe("unknown");
    expect(
      judgeAchievability({
        mode: "level",
        direction: "at-least",
        target: 50,
        baseline: null,
        periods: 3,
        history: [1, 2],
      }).class,
    ).toBe("unknown");
  });
});

describe("projections", () => {
  it("continues a cumulative pace linearly to the deadline", () => {
    const p = projectCumulative({
      current: 6,
      elapsedMs: 100 * DAY,
      remainingMs: 50 * DAY,
      periodMs: 30 * DAY,
      history: [],
    });
    expect(p).toEqual({ value: 9, method: "linear_pace", basis: 100 });
  });

  it("uses the history's mean before one period has passed, and nothing without history", () => {
    const young = { current: 1, elapsedMs: 3 * DAY, remainingMs: 60 * DAY, periodMs: 30 * DAY };
    expect(projectCumulative({ ...young, history: [2, 4] })).toEqual({
      value: 7,
      method: "history_mean",
      basis: 2,
    });
    expect(projectCumulative({ ...young, history: [] })).toEqual({ value: null, method: "none", basis: 0 });
  });

  it("fits a least-squares line to a level metric and clamps it", () => {
    const p = projectLevel(
      [
        [0, 10],
        [1, 20],
        [2, 30],
        [3, null],
      ],
      5,
    );
    expect(p.method).toBe("least_squares");
    expect(p.basis).toBe(3);
    expect(p.value).toBeCloseTo(60, 9);
    expect(
      projectLevel(
        [
          [0, 0.3],
          [1, 0.2],
        ],
        9,
        { min: 0 },
      ).value,
    ).toBe(0);
    expect(projectLevel([[0, 5]], 3)).toEqual({ value: null, method: "none", basis: 1 });
  });
});

describe("judgeStatus", () => {
  const base = { mode: "level", direction: "at-least", target: 50, baseline: 20 } as const;

  it("settles a goal after its deadline: achieved or missed", () => {
    expect(judgeStatus({ ...base, current: 55, projection: null, deadlinePassed: true }).status).toBe(
      "achieved",
    );
    expect(judgeStatus({ ...base, current: 45, projection: 80, deadlinePassed: true })).toEqual({
      status: "missed",
      reason: "deadline_passed",
    });
  });

  it("calls a count goal achieved once its total reaches the target, but never a level goal before its deadline", () => {
    const count = { mode: "cumulative", direction: "at-least", target: 12, baseline: 0 } as const;
    expect(judgeStatus({ ...count, current: 12, projection: 20, deadlinePassed: false })).toEqual({
      status: "achieved",
      reason: "target_met",
    });
    // A rate meeting the target today can still drift: the projection decides.
    expect(judgeStatus({ ...base, current: 50, projection: 10, deadlinePassed: false })).toEqual({
      status: "off_track",
      reason: "projection_short",
    });
    expect(judgeStatus({ ...base, current: 50, projection: 60, deadlinePassed: false })).toEqual({
      status: "on_track",
      reason: "projection_meets",
    });
    expect(judgeStatus({ ...base, current: 50, projection: null, deadlinePassed: false })).toEqual({
      status: "on_track",
      reason: "target_met",
    });
  });

  it("follows the projection otherwise, and is at risk without one", () => {
    const judge = (projection: number | null) =>
      judgeStatus({ ...base, current: 30, projection, deadlinePassed: false }).status;
    expect(judge(51)).toBe("on_track");
    expect(judge(48)).toBe("at_risk"); // 2 short of a 30-point way: within 10 %
    expect(judge(40)).toBe("off_track");
    expect(judgeStatus({ ...base, current: 30, projection: null, deadlinePassed: false })).toEqual({
      status: "at_risk",
      reason: "no_projection",
    });
  });

  it("does not call a cumulative at-most budget achieved early, and flags one already spent", () => {
    const budget = { mode: "cumulative", direction: "at-most", target: 100, baseline: 0 } as const;
    expect(judgeStatus({ ...budget, current: 10, projection: 60, deadlinePassed: false }).status).toBe(
      "on_track",
    );
    expect(judgeStatus({ ...budget, current: 120, projection: 200, deadlinePassed: false }).reason).toBe(
      "over_budget",
    );
  });

  it("measures the share of the way from the baseline", () => {
    expect(shareOfTheWay("cumulative", 0, 6, 12)).toBe(0.5);
    expect(shareOfTheWay("level", 0.05, 0.04, 0.03)).toBeCloseTo(0.5, 12);
    expect(shareOfTheWay("level", null, 0.04, 0.03)).toBeNull();
  });
});

describe("checkSmart", () => {
  const ambitious = {
    class: "ambitious",
    neededPerPeriod: 2,
    typicalChange: 1,
    bestChange: 3,
    historyPeriods: 12,
  } as const;
  const facts: SmartFacts = {
    metric: "new_customers",
    metricKnown: true,
    missingInputs: [],
    segmentProblem: null,
    achievability: {
      class: "ambitious",
      neededPerPeriod: 2,
      typicalChange: 1,
      bestChange: 3,
      historyPeriods: 12,
    },
    why: "grow the base",
    start: "2024-01-01",
    deadline: "2024-12-31",
  };

  it("passes a SMART goal letter by letter", () => {
    const entries = checkSmart(facts);
    expect(entries.map((e) => e.letter)).toEqual(["S", "M", "A", "R", "T"]);
    expect(entries.every((e) => e.ok)).toBe(true);
    expect(entries[2]).toMatchObject({
      code: "ambitious",
      params: { needed: 2, typical: 1, best: 3, periods: 12 },
    });
  });

  it("explains each failing letter", () => {
    const codes = (f: Partial<SmartFacts>) =>
      checkSmart({ ...facts, ...f })
        .filter((e) => !e.ok)
        .map((e) => `${e.letter}:${e.code}`);
    expect(
      codes({ segmentProblem: { code: "unknown_segment_value", dimension: "region", value: "Mars" } }),
    ).toEqual(["S:unknown_segment_value"]);
    expect(codes({ metricKnown: false })).toEqual(["M:unknown_metric"]);
    expect(codes({ missingInputs: ["orders"] })).toEqual(["M:inputs_missing"]);
    expect(codes({ segmentProblem: { code: "not_breakable", dimension: "region", value: "x" } })).toEqual([
      "M:not_breakable",
    ]);
    expect(codes({ achievability: { ...ambitious, class: "unrealistic" } })).toEqual(["A:unrealistic"]);
    expect(codes({ achievability: null })).toEqual(["A:no_history"]);
    expect(codes({ why: " " })).toEqual(["R:no_why"]);
    expect(codes({ deadline: null })).toEqual(["T:no_deadline"]);
    expect(codes({ deadline: "2023-12-31" })).toEqual(["T:deadline_before_start"]);
  });

  it("blocks on S, M and T only", () => {
    const entries = checkSmart({ ...facts, why: null, achievability: null, deadline: null });
    expect(blockingFailures(entries).map((e) => e.letter)).toEqual(["T"]);
  });
});

describe("goalModeOf", () => {
  it("accumulates flows and compares stocks at the period end (arr, paying customers)", () => {
    expect(goalModeOf("new_customers")).toBe("cumulative");
    expect(goalModeOf("mrr_new")).toBe("cumulative");
    for (const stock of ["mrr", "arr", "paying_customers", "open_tickets"])
      expect(goalModeOf(stock)).toBe("level");
    expect(goalModeOf("arpa")).toBe("level");
  });
});
