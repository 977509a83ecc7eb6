import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("/api/v1/settings", () => {
  it("changes one setting, keeps the others, and bumps the version", async () => {
    const before = await t.get("/api/v1/settings");
    const version = t.db.version;
    const { status, body } = await t.send("PUT", "/api/v1/settings", { calendar: "persian" });
    expect(status).toBe(200);
    expect(body).toEqual({ ...before.body, calendar: "persian" });
    expect(await t.db.read(loadDatasetSettings)).toEqual(body);
    expect(t.db.version).toBe(version + 1);
    // Reports follow the new calendar at once: the cache is keyed by version.
    const report = await t.get("/api/v1/report?metrics=revenue");
    expect(report.body.periods[0].label).toMatch(/^14\d\d-\d\d$/);
  });

  it("refuses an invalid setting value and an unknown key", async () => {
    const zone = await t.send("PUT", "/api/v1/settings?lang=fa", { timezone: "Mars/Olympus" });
    expect(zone.status).toBe(400);
    expect(zone.body.error.code).toBe("settings_invalid");
    const key = await t.send("PUT", "/api/v1/settings", { time_zone: "UTC" });
    expect(key.status).toBe(400);
    expect(key.body.error.code).toBe("bad_request");
  });
});
