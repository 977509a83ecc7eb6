import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFindings } from "../../quality/stored-findings.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("/api/v1/quality", () => {
  it("has no findings before a run, then the stored ones with the health score", async () => {
    const before = await t.get("/api/v1/quality");
    expect(before.body).toEqual({ findings: [], score: null, components: null, computedAt: null });
    const run = await t.send("POST", "/api/v1/quality/run", {});
    expect(run.status).toBe(200);
    const stored = await t.db.read(loadFindings);
    expect(run.body.findings).toEqual(JSON.parse(JSON.stringify(stored.findings)));
    expect(run.body.score).toBeGreaterThan(0);
    const after = await t.get("/api/v1/quality");
    expect(after.body).toEqual(run.body);
  });
});
