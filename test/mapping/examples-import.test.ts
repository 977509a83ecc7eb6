import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/import-dataset.js";

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const shared = (p: string) => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url));

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

async function one(sql: string): Promise<Record<string, unknown>> {
  const [row] = await (engine as Engine).query({ sql, params: [] });
  return row ?? {};
}

describe("importing the example mappings end to end", () => {
  it("imports maven-crm with zero errors and the TEST_VECTORS figures", async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, shared("maven-crm-sales-opportunities"), {
      mappingFile: repo("examples/maven-crm/mapping.yaml"),
    });
    expect(result.errors).toEqual([]);
    expect(result.rejected).toBe(0);
    expect(result.rowsByEntity).toMatchObject({ reps: 35, customers: 85, deals: 8800, deal_stages: 15011 });
    const won = await one(
      "SELECT count(*)::INTEGER AS n, sum(amount)::DOUBLE AS amount FROM deals WHERE status = 'won'",
    );
    expect(won).toEqual({ n: 4238, amount: 10_005_534 });
    const q4 = await one(
      `SELECT count(*) FILTER (WHERE status = 'won')::INTEGER AS won, count(*)::INTEGER AS closed
       FROM deals WHERE status IN ('won', 'lost') AND closed_at >= TIMESTAMPTZ '2017-10-01 00:00:00+00'`,
    );
    expect(q4).toEqual({ won: 1196, closed: 1985 });
    const median = await one(
      "SELECT median(date_diff('day', created_at, closed_at))::DOUBLE AS days FROM deals WHERE status IN ('won', 'lost')",
    );
    expect(median.days).toBe(45);
  });

  it("imports telco-churn with zero errors, one term per customer and the churned MRR", async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, shared("telco-customer-churn"), {
      mappingFile: repo("examples/telco-churn/mapping.yaml"),
    });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity).toMatchObject({ customers: 7043, subscriptions: 7043 });
    const churned = await one(
      "SELECT count(*)::INTEGER AS n, round(sum(amount), 2)::DOUBLE AS mrr FROM subscriptions WHERE end_at IS NOT NULL",
    );
    expect(churned).toEqual({ n: 1869, mrr: 139_130.85 });
    const all = await one("SELECT round(sum(amount), 2)::DOUBLE AS mrr FROM subscriptions");
    expect(all.mrr).toBe(456_116.6);
  });
});

describe("importing olist-funnel end to end", () => {
  it("imports with zero errors and the lead conversion of SOURCE.md", async () => {
    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, shared("olist-marketing-funnel"), {
      mappingFile: repo("examples/olist-funnel/mapping.yaml"),
    });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity).toMatchObject({ leads: 8000, deals: 842 });
    const conversion = await one(
      "SELECT count(*) FILTER (WHERE status = 'converted')::INTEGER AS won, count(*)::INTEGER AS mqls FROM leads",
    );
    expect(conversion).toEqual({ won: 842, mqls: 8000 });
  });
});
