import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRows, type TinyTables } from "../../test/support/tiny-dataset.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { stripDirectionMarks } from "./bidi-visual.js";
import { EXIT } from "./exit-codes.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

const DATA: TinyTables = {
  campaigns: [
    // A comma and quotes in a name: the CSV must quote it.
    { campaign_id: "A", name: 'Spring, "big" sale', channel: "ads" },
    { campaign_id: "B", name: "کمپین بهار", channel: "social" },
  ],
  spend: [{ date: "2024-03-10", category: "marketing", campaign_id: "A", amount: "1200" }],
  leads: [
    {
      lead_id: "l1",
      created_at: "2024-03-02 09:00:00",
      campaign_id: "A",
      status: "converted",
      customer_id: "c1",
    },
    { lead_id: "l2", created_at: "2024-03-03 09:00:00", campaign_id: "A", status: "open" },
    { lead_id: "l3", created_at: "2024-03-04 09:00:00", campaign_id: "B", status: "open" },
  ],
  customers: [{ customer_id: "c1", created_at: "2024-03-05", acquired_at: "2024-03-05 00:00:00" }],
  orders: [{ order_id: "o1", customer_id: "c1", ordered_at: "2024-03-06 00:00:00", amount: "3000" }],
  pipeline_stages: [{ pipeline: "default", stage: "new", position: "1" }],
  deals: [
    { deal_id: "h1", status: "lost", created_at: "2024-02-01", closed_at: "2024-02-03 00:00:00" },
    { deal_id: "d,1", status: "open", created_at: "2024-03-01", owner_id: "r1", customer_id: "c1" },
  ],
  deal_stages: [
    { deal_id: "h1", stage: "new", entered_at: "2024-02-01 00:00:00" },
    { deal_id: "d,1", stage: "new", entered_at: "2024-03-01 00:00:00" },
  ],
};

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-lists-"));
const db = path.join(tmp, "lists.duckdb");

beforeAll(async () => {
  const engine = await openDuckDB(db);
  await insertRows(engine, DATA);
  await engine.close();
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(args: readonly string[]) {
  const io = captureIo();
  const code = await runCli([...args, "--db", db], io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi campaigns", () => {
  it("exports csv with a header and quoted fields", async () => {
    const { code, out } = await run(["campaigns", "--format", "csv"]);
    expect(code).toBe(EXIT.ok);
    const records = parse(out, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0] ?? {})).toEqual([
      "campaign_id",
      "name",
      "channel",
      "period",
      "spend",
      "leads",
      "converted_leads",
      "conversion_rate",
      "customers",
      "cost_per_lead",
      "cac",
      "revenue",
      "roi",
    ]);
    expect(records.map((r) => r.campaign_id)).toEqual(["A", "B"]);
    expect(records[0]).toMatchObject({
      name: 'Spring, "big" sale',
      period: "2024-03",
      spend: "1200",
      leads: "2",
      customers: "1",
      cac: "1200",
      roi: "1.5",
    });
    // No spend: unknown cost, an empty cell rather than 0.
    expect(records[1]).toMatchObject({ spend: "0", cac: "", roi: "", cost_per_lead: "" });
  });

  it("prints one object per row with --format ndjson", async () => {
    const { out } = await run(["campaigns", "--format", "ndjson", "--from", "2024-03", "--to", "2024-03"]);
    const rows = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ campaign_id: "A", period: "2024-03", cac: 1200, roi: 1.5 });
    expect(rows[1]).toMatchObject({ campaign_id: "B", cac: null });
  });

  it("prints a localized right-to-left table in Persian", async () => {
    const { code, out } = await run(["campaigns", "--lang", "fa"]);
    expect(code).toBe(EXIT.ok);
    const lines = out.split("\n");
    expect(lines[0]).toContain("کمپین‌ها");
    expect(out).toContain("۱٬۲۰۰٫۰۰");
    expect(out).toContain("۱۵۰٫۰٪");
    expect(out).not.toMatch(/1,200/);
    // RTL in logical order: the first column (campaign id) comes first; a bidi terminal shows it rightmost.
    const row = lines.find((l) => l.includes("ads")) ?? "";
    expect(stripDirectionMarks(row).startsWith("A")).toBe(true);
  });

  it("splits by period and prints a Markdown table", async () => {
    const { out } = await run(["campaigns", "--period", "month", "--format", "md"]);
    expect(out).toContain("| Period | Campaign |");
    expect(out).toContain("| March 2024 | A |");
  });
});

describe("crm-kpi stuck-deals", () => {
  it("exports csv naming the threshold", async () => {
    const { code, out } = await run(["stuck-deals", "--as-of", "2024-03-31", "--format", "csv"]);
    expect(code).toBe(EXIT.ok);
    const records = parse(out, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      deal_id: "d,1",
      customer_id: "c1",
      owner_id: "r1",
      pipeline: "default",
      stage: "new",
      entered_at: "2024-03-01T00:00:00.000Z",
      days_in_stage: "31",
      threshold_days: "2",
      threshold: "p90",
      as_of: "2024-04-01T00:00:00.000Z",
    });
    expect(out.split("\n")[1]).toMatch(/^"d,1",/);
  });

  it("prints a table with the --days threshold", async () => {
    const { out } = await run(["stuck-deals", "--as-of", "2024-03-31", "--days", "40"]);
    expect(out).toContain("Stuck deals as of the end of 2024-03-31: 0");
    expect(out).toContain("Threshold: 40 days");
    const { out: table } = await run(["stuck-deals", "--as-of", "2024-03-31", "--days", "30"]);
    expect(table).toContain("Days in stage");
    expect(table).toMatch(/d,1\s+c1\s+r1\s+default\s+new\s+2024-03-01\s+31\s+30/);
  });

  it("rejects a bad --days with one sentence and a usage exit code", async () => {
    const { code, err } = await run(["stuck-deals", "--days", "soon"]);
    expect(code).not.toBe(EXIT.ok);
    expect(err).toContain('"soon"');
  });
});
