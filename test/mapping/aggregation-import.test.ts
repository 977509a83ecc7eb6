import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/import-dataset.js";

/**
 * An Olist-shaped export (an order paid in instalments, a customer id per
 * order with the person's id in another file, reviews of orders, repeated
 * reviews) imported through aggregation, chained joins and dedupe rules into
 * a real in-memory DuckDB; the summary counts every dropped row.
 */

let dir: string;
let engine: Engine | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-aggregation-"));
});
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  await rm(dir, { recursive: true, force: true });
});

const files: Record<string, string> = {
  "customers.csv": [
    "customer_id,customer_unique_id,city",
    "c1,U1,Recife",
    "c2,U1,Olinda",
    "c3,U2,Natal",
  ].join("\n"),
  "orders.csv": [
    "order_id,customer_id,status,purchased_at",
    "O1,c1,delivered,2024-01-05",
    "O2,c2,delivered,2024-02-10",
    "O3,c3,canceled,2024-01-20",
    "O4,c3,delivered,2024-03-01",
  ].join("\n"),
  // O1 paid in three instalments; P-X pays an order the export does not have.
  "payments.csv": [
    "order_id,payment_sequential,payment_value",
    "O1,1,10.10",
    "O1,2,20.20",
    "O2,1,99.99",
    "O1,3,0.70",
    "O3,1,15.00",
    "OX,1,5.00",
    "O4,1,40.00",
  ].join("\n"),
  // R1 repeated with a later answer; R9 reviews an unknown order.
  "reviews.csv": [
    "review_id,order_id,review_score,review_answer_timestamp",
    "R1,O1,3,2024-01-10 10:00:00",
    "R2,O2,5,2024-02-12 09:00:00",
    "R1,O1,4,2024-01-11 08:00:00",
    "R9,OZ,1,2024-03-03 12:00:00",
  ].join("\n"),
};

const mapping = `
entities:
  customers:
    from: orders.csv
    join: { from: customers.csv, key: customer_id, as: c }
    group_by: [c.customer_unique_id]
    columns:
      customer_id: c.customer_unique_id
      created_at: { column: purchased_at, aggregate: min }
      city: { column: c.city, aggregate: last, order_by: purchased_at }
  orders:
    from: payments.csv
    join: { from: orders.csv, key: order_id, as: o, required: true }
    where: "o.status != 'canceled'"
    group_by: [order_id]
    columns:
      order_id: order_id
      amount: { column: payment_value, aggregate: sum }
      ordered_at: o.purchased_at
      customer_id: { column: o.customer_id, map: { c1: U1, c2: U1, c3: U2 } }
  survey_responses:
    from: reviews.csv
    join:
      - { from: orders.csv, key: order_id, as: o }
      - { from: customers.csv, key: customer_id, on: o.customer_id, as: c }
    dedupe: { key: [response_id], keep: latest, by: responded_at }
    columns:
      response_id: review_id
      survey: { const: csat }
      customer_id: c.customer_unique_id
      score: review_score
      scale_min: { const: 1 }
      scale_max: { const: 5 }
      responded_at: review_answer_timestamp
`;

async function put(): Promise<string> {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  const mappingFile = path.join(dir, "mapping.yaml");
  await writeFile(mappingFile, mapping);
  return mappingFile;
}

describe("a mapped import with aggregation, chained joins and dedupe rules", () => {
  it("stores one row per group with exact sums and accounts for every dropped row", async () => {
    const mappingFile = await put();
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, dir, { mappingFile });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity).toMatchObject({ customers: 2, orders: 3, survey_responses: 3 });

    const customers = await engine.query({
      sql: "SELECT customer_id, city, strftime(created_at, '%Y-%m-%d') AS created FROM customers ORDER BY customer_id",
      params: [],
    });
    expect(customers).toEqual([
      { customer_id: "U1", city: "Olinda", created: "2024-01-05" },
      { customer_id: "U2", city: "Natal", created: "2024-01-20" },
    ]);
    const orders = await engine.query({
      sql: "SELECT order_id, customer_id, amount::VARCHAR AS amount FROM orders ORDER BY order_id",
      params: [],
    });
    expect(orders).toEqual([
      { order_id: "O1", customer_id: "U1", amount: expect.stringMatching(/^31\.00*$/) },
      { order_id: "O2", customer_id: "U1", amount: expect.stringMatching(/^99\.990*$/) },
      { order_id: "O4", customer_id: "U2", amount: expect.stringMatching(/^40(\.0+)?$/) },
    ]);
    const responses = await engine.query({
      sql: "SELECT response_id, customer_id, score::VARCHAR AS score FROM survey_responses ORDER BY response_id",
      params: [],
    });
    expect(responses).toEqual([
      { response_id: "R1", customer_id: "U1", score: expect.stringMatching(/^4(\.0+)?$/) },
      { response_id: "R2", customer_id: "U1", score: expect.stringMatching(/^5(\.0+)?$/) },
      { response_id: "R9", customer_id: null, score: expect.stringMatching(/^1(\.0+)?$/) },
    ]);

    const byEntity = Object.fromEntries((result.mappingAccounting ?? []).map((a) => [a.entity, a]));
    expect(byEntity.customers).toMatchObject({ rowsRead: 4, recordsYielded: 2 });
    expect(byEntity.customers?.counts).toEqual([
      { rule: "group_by", path: "entities.customers.group_by", rows: 2 },
    ]);
    expect(byEntity.orders).toMatchObject({ file: "payments.csv", rowsRead: 7, recordsYielded: 3 });
    expect(byEntity.orders?.counts).toEqual([
      { rule: "join_required", path: "entities.orders.join.0", rows: 1 },
      { rule: "where", path: "entities.orders.where", rows: 1 },
      { rule: "group_by", path: "entities.orders.group_by", rows: 2 },
    ]);
    expect(byEntity.survey_responses?.counts).toEqual([
      { rule: "join_unmatched", path: "entities.survey_responses.join.0", rows: 1 },
      { rule: "join_unmatched", path: "entities.survey_responses.join.1", rows: 1 },
      { rule: "dedupe", path: "entities.survey_responses.dedupe", rows: 1 },
    ]);
  });

  it("prints the accounting in the import summary, in the user's language", async () => {
    const mappingFile = await put();
    const db = path.join(dir, "crm.duckdb");
    const io = captureIo({ CRM_KPI_DB: db });
    expect(await runCli(["import", dir, "--mapping", mappingFile], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("Mapping rules:\n");
    expect(out).toContain("  orders (payments.csv, entities.orders): 7 rows read, 3 records\n");
    expect(out).toContain("    1 dropped: no match in the required join (entities.orders.join.0)\n");
    expect(out).toContain("    1 dropped by where (entities.orders.where)\n");
    expect(out).toContain("    2 merged into their group (entities.orders.group_by)\n");
    expect(out).toContain("    1 dropped by dedupe (entities.survey_responses.dedupe)\n");

    const fa = captureIo({ CRM_KPI_DB: path.join(dir, "fa.duckdb") });
    expect(await runCli(["--lang", "fa", "import", dir, "--mapping", mappingFile], fa)).toBe(0);
    expect(fa.out()).toContain("قاعده‌های نگاشت:");
    expect(fa.out()).not.toContain("Mapping rules:");
  });
});
