import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AlertState, judgeGoal, judgeMetric, nextState, type Verdict } from "./alert-state.js";

const threshold = (op: "above" | "below", value: number) =>
  ({ kind: "threshold", metric: "nps", op, value, grain: "month", segment: null }) as const;
const change = (direction: "up" | "down", amount: number, relative = false) =>
  ({ kind: "change", metric: "nps", direction, amount, relative, grain: "month", segment: null }) as const;

describe("the alert state machine", () => {
  it("sends on each change of state and only then", () => {
    expect(nextState("ok", "firing")).toEqual({ state: "firing", event: "fired" });
    expect(nextState("firing", "firing")).toEqual({ state: "firing", event: null });
    expect(nextState("firing", "ok")).toEqual({ state: "ok", event: "resolved" });
    expect(nextState("ok", "ok")).toEqual({ state: "ok", event: null });
    expect(nextState("firing", "unknown")).toEqual({ state: "firing", event: null });
    expect(nextState("ok", "unknown")).toEqual({ state: "ok", event: null });
  });

  it("over any sequence of verdicts, notices alternate fired, resolved, … and match the changes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Verdict>("ok", "firing", "unknown"), { maxLength: 40 }),
        (verdicts) => {
          let state: AlertState = "ok";
          const events: string[] = [];
          let changes = 0;
          for (const verdict of verdicts) {
            const next = nextState(state, verdict);
            if (next.state !== state) changes++;
            if (next.event) events.push(next.event);
            state = next.state;
          }
          expect(events.length).toBe(changes);
          expect(events).toEqual(events.map((_, i) => (i % 2 === 0 ? "fired" : "resolved")));
        },
      ),
    );
  });

  it("compares thresholds strictly and changes against the period before", () => {
    expect(judgeMetric(threshold("above", 0.03), { value: 0.031, previous: null })).toBe("firing");
    expect(judgeMetric(threshold("above", 0.03), { value: 0.03, previous: null })).toBe("ok");
    expect(judgeMetric(threshold("below", 10), { value: 9, previous: null })).toBe("firing");
    expect(judgeMetric(threshold("below", 10), { value: null, previous: 3 })).toBe("unknown");
    // NPS down 10 points: 40 → 30 fires, 40 → 31 does not.
    expect(judgeMetric(change("down", 10), { value: 30, previous: 40 })).toBe("firing");
    expect(judgeMetric(change("down", 10), { value: 31, previous: 40 })).toBe("ok");
    expect(judgeMetric(change("down", 10), { value: 60, previous: 40 })).toBe("ok");
    expect(judgeMetric(change("up", 10), { value: 60, previous: 40 })).toBe("firing");
    expect(judgeMetric(change("up", 10), { value: 60, previous: null })).toBe("unknown");
    // Relative: a fall of 20 % of the previous value; from 0 it cannot be said.
    expect(judgeMetric(change("down", 0.2, true), { value: 80, previous: 100 })).toBe("firing");
    expect(judgeMetric(change("down", 0.2, true), { value: 81, previous: 100 })).toBe("ok");
    expect(judgeMetric(change("down", 0.2, true), { value: -5, previous: 0 })).toBe("unknown");
  });

  it("a goal needs attention when at risk, off track or missed", () => {
    expect(judgeGoal("at_risk")).toBe("firing");
    expect(judgeGoal("off_track")).toBe("firing");
    expect(judgeGoal("missed")).toBe("firing");
    expect(judgeGoal("on_track")).toBe("ok");
    expect(judgeGoal("achieved")).toBe("ok");
    expect(judgeGoal(null)).toBe("unknown");
  });
});
