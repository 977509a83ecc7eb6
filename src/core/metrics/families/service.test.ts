import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";

async function report(engine: Engine, metrics: string[], from = "2024-03", to = from) {
  const result = await runReport(engine, { metrics, from, to, grain: "month" });
  return (id: string, segment: Record<string, string | null> | null = null, period = from) =>
    result.values.find(
      (v) => v.metric === id && v.period === period && JSON.stringify(v.segment) === JSON.stringify(segment),
    );
}

const ticket = (id: string, fields: TinyRow): TinyRow => ({
  ticket_id: id,
  created_at: "2024-03-01 00:00:00",
  ...fields,
});

/** Resolved in March after 2 h, 4 h and 9 h (one created in February); one resolved in April. */
const TICKETS = [
  ticket("k1", {
    assignee_id: "a",
    channel: "email",
    first_response_at: "2024-03-01 01:00:00",
    resolved_at: "2024-03-01 02:00:00",
  }),
  ticket("k2", {
    assignee_id: "a",
    channel: "chat",
    first_response_at: "2024-03-01 00:30:00",
    resolved_at: "2024-03-01 04:00:00",
  }),
  ticket("k3", {
    assignee_id: "b",
    channel: "email",
    created_at: "2024-02-29 20:00:00",
    first_response_at: "2024-02-29 23:00:00",
    resolved_at: "2024-03-01 05:00:00",
  }),
  ticket("k4", {
    assignee_id: "c",
    channel: "phone",
    created_at: "2024-03-30 00:00:00",
    resolved_at: "2024-04-02 00:00:00",
  }),
  ticket("k5", { channel: "web", created_at: "2024-03-31 00:00:00" }),
  ticket("k6", { created_at: "2024-04-01 00:00:00" }),
];

describe("avg_resolution_hours", () => {
  it("is the mean over tickets resolved in P with continuous median and p90", async () => {
    const get = await report(await tinyDataset({ tickets: TICKETS }), ["avg_resolution_hours"]);
    expect(get("avg_resolution_hours")).toMatchObject({ numerator: 15, denominator: 3, value: 5 });
    expect(get("avg_resolution_hours_median")?.value).toBe(4);
    expect(get("avg_resolution_hours_p90")?.value).toBeCloseTo(4 + 0.8 * 5, 9);
  });

  it("breaks down by assignee and channel, only groups with resolved tickets, with median and p90", async () => {
    const get = await report(await tinyDataset({ tickets: TICKETS }), ["avg_resolution_hours"]);
    expect(get("avg_resolution_hours", { assignee_id: "a" })).toMatchObject({
      numerator: 6,
      denominator: 2,
      value: 3,
    });
    expect(get("avg_resolution_hours", { assignee_id: "b" })).toMatchObject({ value: 9 });
    expect(get("avg_resolution_hours", { assignee_id: "c" })).toBeUndefined();
    expect(get("avg_resolution_hours", { channel: "email" })).toMatchObject({
      numerator: 11,
      denominator: 2,
    });
    expect(get("avg_resolution_hours", { channel: "chat" })).toMatchObject({ value: 4 });
    // Assignee a resolved after 2 h and 4 h: median 3, p90 2 + 0.9 × 2.
    expect(get("avg_resolution_hours_median", { assignee_id: "a" })?.value).toBe(3);
    expect(get("avg_resolution_hours_p90", { assignee_id: "a" })?.value).toBeCloseTo(3.8, 9);
    expect(get("avg_resolution_hours_p90", { channel: "chat" })?.value).toBe(4);
  });

  it("is null in a period without resolutions", async () => {
    const get = await report(await tinyDataset({ tickets: TICKETS }), ["avg_resolution_hours"], "2024-02");
    expect(get("avg_resolution_hours")).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(get("avg_resolution_hours_median")?.value).toBeNull();
  });
});

describe("first_response_hours", () => {
  it("counts tickets by the period of their first response", async () => {
    const get = await report(
      await tinyDataset({ tickets: TICKETS }),
      ["first_response_hours"],
      "2024-02",
      "2024-03",
    );
    expect(get("first_response_hours", null, "2024-02")).toMatchObject({ numerator: 3, denominator: 1 });
    expect(get("first_response_hours", null, "2024-03")).toMatchObject({
      numerator: 1.5,
      denominator: 2,
      value: 0.75,
    });
    expect(get("first_response_hours_median", null, "2024-03")?.value).toBe(0.75);
    // Per assignee too: a answered after 1 h and 0.5 h in March.
    expect(get("first_response_hours", { assignee_id: "a" }, "2024-03")).toMatchObject({ value: 0.75 });
    expect(get("first_response_hours_p90", { channel: "chat" }, "2024-03")?.value).toBe(0.5);
  });
});

describe("open_tickets", () => {
  it("counts tickets created before end and not resolved by then", async () => {
    const get = await report(await tinyDataset({ tickets: TICKETS }), ["open_tickets"], "2024-02", "2024-04");
    expect(get("open_tickets", null, "2024-02")?.value).toBe(1);
    // k4 (resolved in April) and k5 (never resolved).
    expect(get("open_tickets", null, "2024-03")?.value).toBe(2);
    expect(get("open_tickets", null, "2024-04")?.value).toBe(2);
  });
});

describe("drill-down", () => {
  it("lists each resolved ticket of a channel with its hours", async () => {
    const engine = await tinyDataset({ tickets: TICKETS });
    const result = await explainMetric(engine, {
      metric: "avg_resolution_hours",
      period: "2024-03",
      segment: { channel: "email" },
    });
    expect(result.value).toMatchObject({ numerator: 11, denominator: 2 });
    const numerator = result.rows.filter((r) => r.part === "numerator");
    expect(numerator.map((r) => [r.recordId, r.amount]).sort()).toEqual([
      ["k1", 2],
      ["k3", 9],
    ]);
  });
});
