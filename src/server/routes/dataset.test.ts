import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataTimeRange, entityRowCounts } from "../../report/data-range.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

describe("GET /api/v1/dataset", () => {
  it("gives the counts, range, settings and version of the dataset", async () => {
    const { status, body } = await t.get("/api/v1/dataset");
    expect(status).toBe(200);
    expect(body.counts).toEqual(await t.db.read(entityRowCounts));
    const range = await t.db.read(dataTimeRange);
    expect(body.range.first).toBe(new Date(range?.firstMs ?? 0).toISOString());
    expect(body.settings).toEqual(await t.db.read(loadDatasetSettings));
    expect(body.version).toBe(t.db.version);
  });

  it("answers from the committed data while a write transaction is open", async () => {
    const before = (await t.get("/api/v1/dataset")).body.counts.customers as number;
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let deleted!: () => void;
    const didDelete = new Promise<void>((resolve) => {
      deleted = resolve;
    });
    const write = t.db.write((e) =>
      e.transaction(async () => {
        await e.execute(
          "DELETE FROM customers WHERE customer_id IN (SELECT customer_id FROM customers LIMIT 5)",
        );
        deleted();
        await held;
        throw new Error("roll back");
      }),
    );
    await didDelete;
    const during = await t.get("/api/v1/dataset");
    expect(during.body.counts.customers).toBe(before);
    release();
    await expect(write).rejects.toThrow("roll back");
    expect((await t.get("/api/v1/dataset")).body.counts.customers).toBe(before);
  });
});
