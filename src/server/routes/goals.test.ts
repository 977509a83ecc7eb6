import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deadlineEndMs, evaluateGoal, getGoal, listGoals } from "../../goals/index.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

const draft = {
  metric: "new_customers",
  target: 40,
  start: "2024-01-01",
  deadline: "2024-06-30",
  why: "grow the base",
  asOf: "2024-03-31",
};

describe("/api/v1/goals", () => {
  it("checks a draft without storing it", async () => {
    const { status, body } = await t.send("POST", "/api/v1/goals/check?lang=fa", draft);
    expect(status).toBe(200);
    expect(body.smart.map((e: { letter: string }) => e.letter)).toEqual(["S", "M", "A", "R", "T"]);
    expect(body.smart[0].message).toMatch(/[\u0600-\u06FF]/);
    expect(await t.db.read(listGoals)).toEqual([]);
  });

  it("adds a goal, lists it and gives the status evaluateGoal gives", async () => {
    const created = await t.send("POST", "/api/v1/goals", draft);
    expect(created.status).toBe(200);
    const id = created.body.goal.id as string;
    expect(id).toBe("g1");
    const list = await t.get("/api/v1/goals");
    expect(list.body.goals.map((g: { id: string }) => g.id)).toEqual(["g1"]);
    const status = await t.get(`/api/v1/goals/${id}/status?asOf=2024-03-31`);
    expect(status.status).toBe(200);
    const expected = await t.db.read(async (e) =>
      evaluateGoal(e, await getGoal(e, id), deadlineEndMs("2024-03-31", "UTC")),
    );
    expect(status.body.current).toBe(expected.current);
    expect(status.body.progress).toBe(expected.progress);
    expect(status.body.status).toBe(expected.status);
  });

  it("replaces and removes a goal", async () => {
    const updated = await t.send("PUT", "/api/v1/goals/g1", { ...draft, target: 50 });
    expect(updated.status).toBe(200);
    expect((await t.db.read((e) => getGoal(e, "g1"))).target).toBe(50);
    const removed = await t.send("DELETE", "/api/v1/goals/g1", {});
    expect(removed.body).toEqual({ id: "g1", removed: true });
    expect(await t.db.read(listGoals)).toEqual([]);
  });

  it("refuses a goal that is not SMART with the letters, and an unknown goal with 404", async () => {
    const { status, body } = await t.send("POST", "/api/v1/goals", { metric: "new_customers", target: 10 });
    expect(status).toBe(422);
    expect(body.error.code).toBe("goal_invalid");
    expect(body.error.details.smart.find((e: { letter: string }) => e.letter === "T").ok).toBe(false);
    const missing = await t.get("/api/v1/goals/g99/status?lang=ar");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("unknown_goal");
    for (const target of [1e308, "1e308", "9999999999999"]) {
      const huge = await t.send("POST", "/api/v1/goals", { ...draft, target });
      expect(huge.status, String(target)).toBe(400);
    }
    const bad = await t.send("POST", "/api/v1/goals", { metric: "new_customers", target: 10, extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("bad_request");
  });

  it("answers a malformed or non-JSON body with a 4xx error body, never 500", async () => {
    const malformed = await t.get("/api/v1/goals/check?lang=fa", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{bad",
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe("bad_request");
    expect(malformed.body.error.message).toMatch(/[\u0600-\u06FF]/);
    const text = await t.get("/api/v1/goals", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "x",
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("unsupported_media_type");
  });
});
