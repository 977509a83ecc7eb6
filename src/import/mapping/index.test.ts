import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RawRecord, RawSource } from "../raw-record.js";
import { mappedSources } from "./index.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-mapping-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setup(files: Record<string, string>, mapping: string) {
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  await writeFile(path.join(dir, "mapping.yaml"), mapping);
  return mappedSources(path.join(dir, "mapping.yaml"), dir);
}

async function collect(source: RawSource): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of source.records()) out.push(record);
  return out;
}

async function recordsOf(sources: RawSource[], entity: string): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for (const s of sources.filter((x) => x.entity === entity)) out.push(...(await collect(s)));
  return out;
}

const pipeline = [
  "id,agent,account,stage,engaged,closed,value",
  'D1,Ann,Acme Corp,Won,15/01/2024,20/02/2024,"1,200.50"',
  "D2,Bob,Acme Corp,Lost,16/01/2024,21/02/2024,0",
  "D3,Ann,,Prospecting,,,",
  "D4,Bob,Beta LLC,Engaging,17/01/2024,,",
].join("\r\n");

describe("mappedSources", () => {
  it("renames columns, maps values, reads formats, and points at the user's file and line", async () => {
    const { sources } = await setup(
      { "pipeline.csv": pipeline },
      `
entities:
  deals:
    from: pipeline.csv
    columns:
      deal_id: id
      owner_id: agent
      customer_id: { template: "{account|slug}" }
      status: { column: stage, map: { Won: won, Lost: lost }, else: open }
      stage: { column: stage, transform: lower }
      amount: { column: value, number: { thousands: "," }, when: "stage = 'Won'" }
      currency: { const: EUR }
      created_at: { column: engaged, format: dd/MM/yyyy, default: "2024-01-01" }
      closed_at: { column: closed, format: dd/MM/yyyy }
`,
    );
    expect(sources).toHaveLength(1);
    const [deals] = sources as [RawSource];
    expect(deals.entity).toBe("deals");
    expect(deals.file).toBe("pipeline.csv");
    expect(await deals.columns()).toEqual([
      "deal_id",
      "customer_id",
      "owner_id",
      "amount",
      "currency",
      "created_at",
      "closed_at",
      "status",
      "stage",
    ]);
    const records = await collect(deals);
    expect(records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(records[0]?.values).toEqual({
      deal_id: "D1",
      owner_id: "Ann",
      customer_id: "acme-corp",
      status: "won",
      stage: "won",
      amount: "1200.50",
      currency: "EUR",
      created_at: "2024-01-15",
      closed_at: "2024-02-20",
    });
    expect(records.map((r) => r.values.status)).toEqual(["won", "lost", "open", "open"]);
    expect(records[1]?.values.amount).toBe("");
    expect(records[2]?.values.customer_id).toBe("");
    expect(records[2]?.values.created_at).toBe("2024-01-01");
  });

  it("feeds two entities from one file, filters rows and dedupes derived records", async () => {
    const { sources } = await setup(
      { "pipeline.csv": pipeline },
      `
entities:
  customers:
    from: pipeline.csv
    where: "account != ''"
    dedupe: true
    columns:
      customer_id: account
      created_at: { column: engaged, format: dd/MM/yyyy }
  deals:
    from: pipeline.csv
    where: "stage in ('Won', 'Lost')"
    columns:
      deal_id: id
      customer_id: account
      status: { column: stage, transform: lower }
      created_at: { column: engaged, format: dd/MM/yyyy }
`,
    );
    expect(sources.map((s) => s.entity)).toEqual(["customers", "deals"]);
    const customers = await recordsOf(sources, "customers");
    // First occurrence wins: Acme's record comes from line 2, not line 3.
    expect(customers.map((r) => [r.values.customer_id, r.line, r.values.created_at])).toEqual([
      ["Acme Corp", 2, "2024-01-15"],
      ["Beta LLC", 5, "2024-01-17"],
    ]);
    const deals = await recordsOf(sources, "deals");
    expect(deals.map((r) => r.values.deal_id)).toEqual(["D1", "D2"]);
  });

  it("splits one row into several records, conditionally", async () => {
    const { sources } = await setup(
      { "pipeline.csv": pipeline },
      `
entities:
  deal_stages:
    from: pipeline.csv
    columns:
      deal_id: id
    split:
      - where: "not empty(engaged)"
        columns: { stage: { const: engaging }, entered_at: { column: engaged, format: dd/MM/yyyy } }
      - where: "not empty(closed)"
        columns: { stage: { column: stage, transform: lower }, entered_at: { column: closed, format: dd/MM/yyyy } }
`,
    );
    const stages = await recordsOf(sources, "deal_stages");
    expect(
      stages.map((r) => `${r.line}:${r.values.deal_id}:${r.values.stage}:${r.values.entered_at}`),
    ).toEqual([
      "2:D1:engaging:2024-01-15",
      "2:D1:won:2024-02-20",
      "3:D2:engaging:2024-01-16",
      "3:D2:lost:2024-02-21",
      "5:D4:engaging:2024-01-17",
    ]);
  });

  it("unpivots wide columns into one record per non-empty cell", async () => {
    const { sources } = await setup(
      { "spend.csv": "channel,2024-01,2024-02,2024-03\nads,100,,300\nemail,5,6,\n" },
      `
entities:
  spend:
    from: spend.csv
    unpivot: { columns: ["2024-01", "2024-02", "2024-03"], name: month, value: cost }
    columns:
      channel: channel
      category: { const: marketing }
      period_start: { template: "{month}-01" }
      amount: cost
`,
    );
    const spend = await recordsOf(sources, "spend");
    expect(spend.map((r) => [r.line, r.values.channel, r.values.period_start, r.values.amount])).toEqual([
      [2, "ads", "2024-01-01", "100"],
      [2, "ads", "2024-03-01", "300"],
      [3, "email", "2024-01-01", "5"],
      [3, "email", "2024-02-01", "6"],
    ]);
  });

  it("derives dates with arithmetic on variables and returns the settings block", async () => {
    const { sources, settings } = await setup(
      { "churn.csv": 'customerID,tenure,Churn,MonthlyCharges\nA-1,2,Yes,"1.234,5"\nB-2,0,No,"9,9"\n' },
      `
vars: { snapshot: "2024-01-31" }
settings: { base_currency: EUR, timezone: Asia/Tehran }
entities:
  subscriptions:
    from: churn.csv
    columns:
      term_id: { template: "{customerID}-1" }
      subscription_id: customerID
      customer_id: customerID
      amount: { column: MonthlyCharges, number: { decimal: ",", thousands: "." } }
      interval: { const: month }
      start_at: { expr: "$snapshot - months(tenure)" }
      end_at: { expr: "$snapshot", when: "Churn = 'Yes'" }
`,
    );
    expect(settings).toEqual({ base_currency: "EUR", timezone: "Asia/Tehran" });
    const subs = await recordsOf(sources, "subscriptions");
    expect(subs.map((r) => [r.values.term_id, r.values.amount, r.values.start_at, r.values.end_at])).toEqual([
      ["A-1-1", "1234.5", "2023-11-30", "2024-01-31"],
      ["B-2-1", "9.9", "2024-01-31", ""],
    ]);
  });

  it("reads Jalali dates and Persian digits", async () => {
    const { sources } = await setup(
      { "c.csv": "کد,تاریخ\nc1,۱۴۰۳/۰۱/۱۵ ۰۸:۳۰\nc2,1402/12/29 23:59\n" },
      `
entities:
  customers:
    from: c.csv
    columns:
      customer_id: کد
      created_at: { column: تاریخ, format: { pattern: "yyyy/MM/dd HH:mm", calendar: persian } }
`,
    );
    const customers = await recordsOf(sources, "customers");
    expect(customers.map((r) => r.values.created_at)).toEqual(["2024-04-03T08:30:00", "2024-03-19T23:59:00"]);
  });

  it("keeps a value the format cannot read, so the importer reports it at its line", async () => {
    const { sources } = await setup(
      { "c.csv": "id,created\nc1,2024/13/45\n" },
      `
entities:
  customers:
    from: c.csv
    columns: { customer_id: id, created_at: { column: created, format: yyyy/MM/dd } }
`,
    );
    const [record] = await recordsOf(sources, "customers");
    expect(record?.values.created_at).toBe("2024/13/45");
    expect(record?.line).toBe(2);
  });

  it("reads ndjson and json sources with their line numbers", async () => {
    const { sources } = await setup(
      {
        "c.ndjson":
          '{"id":"c1","at":"2024-01-01","n":3}\n\n{"id":"c2","at":"2024-01-02","n":null}\nnot json\n',
        "r.json": '[\n  {"id": "r1", "name": "Ann"},\n\n  {\n    "id": "r2",\n    "name": "Bob"\n  }\n]\n',
      },
      `
entities:
  customers: { from: c.ndjson, columns: { customer_id: id, created_at: at, birth_year: n } }
  reps: { from: r.json, columns: { rep_id: id, name: name } }
`,
    );
    const customers = await recordsOf(sources, "customers");
    expect(customers.map((r) => [r.line, r.values.customer_id ?? null, r.values.birth_year ?? null])).toEqual(
      [
        [1, "c1", "3"],
        [3, "c2", ""],
        [4, null, null],
      ],
    );
    expect(customers[2]?.defect?.code).toBe("bad_json");
    const reps = await recordsOf(sources, "reps");
    expect(reps.map((r) => [r.line, r.values.rep_id])).toEqual([
      [2, "r1"],
      [4, "r2"],
    ]);
  });

  it("marks CSV rows with the wrong number of cells as defects, keeping line numbers across quoted newlines", async () => {
    const { sources } = await setup(
      { "r.csv": 'id,name\nr1,"Ann\nMarie"\nr2,Bob,extra\n\nr3,Cy\n' },
      "entities:\n  reps: { from: r.csv, columns: { rep_id: id, name: name } }\n",
    );
    const reps = await recordsOf(sources, "reps");
    expect(reps.map((r) => [r.line, r.values.rep_id ?? null, r.defect?.code ?? null])).toEqual([
      [2, "r1", null],
      [4, null, "wrong_cell_count"],
      [6, "r3", null],
    ]);
    expect(reps[0]?.values.name).toBe("Ann\nMarie");
  });

  it("looks up columns of another file by key (a left join)", async () => {
    const { sources } = await setup(
      {
        "pipeline.csv": pipeline,
        "accounts.csv": "name,sector\nAcme Corp,retail\nAcme Corp,duplicate\n",
      },
      `
entities:
  deals:
    from: pipeline.csv
    join: { from: accounts.csv, key: name, on: account, as: acct }
    columns:
      deal_id: id
      status: { expr: "if(acct.sector = 'retail', 'won', 'open')" }
      stage: acct.sector
      created_at: { const: "2024-01-01" }
`,
    );
    const deals = await recordsOf(sources, "deals");
    expect(deals.map((r) => [r.values.deal_id, r.values.stage, r.values.status])).toEqual([
      ["D1", "retail", "won"],
      ["D2", "retail", "won"],
      ["D3", "", "open"],
      ["D4", "", "open"],
    ]);
  });

  it("reads the file again on every call of records()", async () => {
    const { sources } = await setup(
      { "pipeline.csv": pipeline },
      "entities:\n  customers: { from: pipeline.csv, dedupe: true, where: \"account != ''\", columns: { customer_id: account, created_at: { const: '2024-01-01' } } }\n",
    );
    const [customers] = sources as [RawSource];
    expect((await collect(customers)).length).toBe(2);
    expect((await collect(customers)).length).toBe(2);
  });

  it("stops at a row whose value an expression cannot use, naming file, line and column", async () => {
    const { sources } = await setup(
      { "c.csv": "id,tenure\nc1,3\nc2,three\n" },
      `
vars: { snapshot: "2024-01-31" }
entities:
  customers: { from: c.csv, columns: { customer_id: id, created_at: { expr: "$snapshot - months(tenure)" } } }
`,
    );
    await expect(recordsOf(sources, "customers")).rejects.toMatchObject({
      code: "import_bad_row",
      place: { file: "c.csv", line: 3, column: "created_at" },
    });
  });
});
