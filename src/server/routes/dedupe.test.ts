import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCustomerIdentities } from "../../quality/customer-identities.js";
import { findDuplicateClusters } from "../../quality/find-duplicates.js";
import { listMerges } from "../../quality/merge-customers.js";
import { openTestApp, type TestApp } from "../test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t.db.close();
});

const customerCount = () =>
  t.db.read(async (e) =>
    Number((await e.query({ sql: "SELECT count(*) AS n FROM customers", params: [] }))[0]?.n),
  );

describe("/api/v1/dedupe", () => {
  it("lists the duplicate clusters with their records side by side", async () => {
    const { body } = await t.get("/api/v1/dedupe/candidates");
    const clusters = await t.db.read(async (e) => findDuplicateClusters(await loadCustomerIdentities(e)));
    expect(clusters.length).toBeGreaterThan(0);
    expect(body.clusters.map((c: { cluster_id: string }) => c.cluster_id)).toEqual(
      clusters.map((c) => c.cluster_id),
    );
    const first = body.clusters[0];
    expect(first.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual(first.customer_ids);
  });

  it("merges a cluster and undoes it exactly", async () => {
    const before = await customerCount();
    const { body: candidates } = await t.get("/api/v1/dedupe/candidates");
    const cluster = candidates.clusters[0];
    const merged = await t.send("POST", "/api/v1/dedupe/merge", { clusters: [cluster.cluster_id] });
    expect(merged.status).toBe(200);
    expect(merged.body.merges).toHaveLength(1);
    expect(await customerCount()).toBe(before - cluster.customer_ids.length + 1);
    expect((await t.get("/api/v1/dedupe/merges")).body.merges).toEqual(await t.db.read(listMerges));
    const undone = await t.send("POST", "/api/v1/dedupe/undo", { merges: [merged.body.merges[0].merge_id] });
    expect(undone.body.undone).toEqual([merged.body.merges[0].merge_id]);
    expect(await customerCount()).toBe(before);
  });

  it("refuses an unknown cluster in the request's language and changes nothing", async () => {
    const before = await customerCount();
    const { status, body } = await t.send("POST", "/api/v1/dedupe/merge?lang=fa", { clusters: ["nope"] });
    expect(status).toBe(400);
    expect(body.error.code).toBe("bad_argument");
    expect(body.error.message).toContain("nope");
    expect(body.error.message).toMatch(/[\u0600-\u06FF]/);
    expect(await customerCount()).toBe(before);
  });
});
