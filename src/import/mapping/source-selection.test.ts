import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrmKpiError } from "../../core/errors.js";
import type { RawRecord, RawSource } from "../raw-record.js";
import { mappedSources } from "./index.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-selection-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function setup(files: Record<string, string>, mapping: string) {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  await writeFile(path.join(dir, "mapping.yaml"), mapping);
  return mappedSources(path.join(dir, "mapping.yaml"), dir);
}

async function problemIn(files: Record<string, string>, mapping: string): Promise<CrmKpiError> {
  try {
    await setup(files, mapping);
  } catch (error) {
    if (error instanceof CrmKpiError) return error;
    throw error;
  }
  throw new Error("expected a mapping_invalid error");
}

async function collect(source: RawSource): Promise<RawRecord[]> {
  const out: RawRecord[] = [];
  for await (const record of source.records()) out.push(record);
  return out;
}

const deals = {
  "export/deals-2.csv": "Deal ID;Stage\nD3;Won\n",
  "export/deals-1.csv": "Deal ID,Stage,Extra\nD1,Won,x\n\nD2,Lost,y\n",
  "export/contacts.csv": "Contact ID,Email\nC1,a@x.org\n",
};

describe("sources by pattern", () => {
  it("reads every matching file in name order as one source, each record with its own file and line", async () => {
    const { sources, warnings } = await setup(
      deals,
      `entities:
  deals:
    from: "export/*.csv"
    delimiter: auto
    match_columns: [Deal ID]
    dedupe: true
    columns:
      deal_id: Deal ID
      status: { column: Stage, transform: lower }
      created_at: { const: "2024-01-01" }
`,
    );
    expect(warnings).toEqual([]);
    expect(sources).toHaveLength(1);
    const records = await collect(sources[0] as RawSource);
    expect(records.map((r) => [r.file, r.line, r.values.deal_id])).toEqual([
      ["export/deals-1.csv", 2, "D1"],
      ["export/deals-1.csv", 4, "D2"],
      ["export/deals-2.csv", 2, "D3"],
    ]);
    expect(sources[0]?.file).toBe("export/*.csv");
  });

  it("fails at the source's from when nothing matches, listing the folder's CSV files and the closest header", async () => {
    const error = await problemIn(
      deals,
      `entities:
  deals:
    from: "export/*.csv"
    delimiter: auto
    match_columns: [Deal ID, Amount]
    columns: { deal_id: Deal ID, status: Stage, created_at: { const: "2024-01-01" } }
`,
    );
    expect(error.code).toBe("mapping_invalid");
    expect(error.params.path).toBe("entities.deals.from");
    expect(error.message).toContain("export/contacts.csv, export/deals-1.csv, export/deals-2.csv");
    expect(error.message).toMatch(/closest, export\/deals-\d\.csv, lacks "Amount"/);
  });

  it("skips an optional source without a file and says so in a warning", async () => {
    const { sources, warnings } = await setup(
      deals,
      `entities:
  customers:
    from: "zendesk/users*.csv"
    optional: true
    columns: { customer_id: id, created_at: created }
  deals:
    from: export/deals-1.csv
    columns: { deal_id: Deal ID, status: Stage, created_at: { const: "2024-01-01" } }
`,
    );
    expect(sources.map((s) => s.entity)).toEqual(["deals"]);
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "mapping_no_file",
        file: "entities.customers.0",
        messageKey: "mapping.warning.noFile",
        params: { entity: "customers", from: "zendesk/users*.csv" },
      }),
    ]);
  });

  it("checks the columns a rule reads in every file of a glob", async () => {
    const error = await problemIn(
      deals,
      `entities:
  deals:
    from: "export/deals-*.csv"
    delimiter: auto
    columns: { deal_id: Deal ID, status: Stage, stage: Extra, created_at: { const: "2024-01-01" } }
`,
    );
    expect(error.params.path).toBe("entities.deals.columns.stage");
    expect(error.message).toMatch(/has no column "Extra"/);
  });

  it("joins files found by pattern, and reads an optional join without a file as empty", async () => {
    const { sources } = await setup(
      {
        "deals.csv": "id,acct\nD1,A1\nD2,A2\n",
        "accounts/part-1.csv": "acct_id,name\nA1,Acme\n",
        "accounts/part-2.csv": "acct_id,name\nA2,Beta\n",
      },
      `entities:
  deals:
    from: deals.csv
    join:
      - { from: "accounts/*.csv", key: acct_id, on: acct, as: a }
      - { from: "owners*.csv", key: id, on: acct, as: o, optional: true }
    columns:
      deal_id: id
      customer_id: a.name
      owner_id: { column: o.name, default: none }
      status: { const: open }
      created_at: { const: "2024-01-01" }
`,
    );
    const records = await collect(sources[0] as RawSource);
    expect(records.map((r) => [r.values.customer_id, r.values.owner_id])).toEqual([
      ["Acme", "none"],
      ["Beta", "none"],
    ]);
  });
});

describe("unpivot by pattern", () => {
  const mapping = (match: string) => `entities:
  deal_stages:
    from: deals.csv
    unpivot: { match: '${match}', name: header, value: entered }
    columns:
      deal_id: Record ID
      stage: { expr: "lower(stage)" }
      entered_at: entered
`;

  it("turns every matching header into a record, its named groups readable as columns", async () => {
    const { sources, warnings } = await setup(
      {
        "deals.csv":
          'Record ID,"Date entered ""Won (Sales)""","Date exited ""Won (Sales)""","Date entered ""Demo (Sales)"""\n7,2024-02-01,2024-02-02,2024-01-15\n8,,,2024-01-20\n',
      },
      mapping('Date entered "(?<stage>.+) \\((?<pipeline>.+)\\)"'),
    );
    expect(warnings).toEqual([]);
    const records = await collect(sources[0] as RawSource);
    expect(records.map((r) => [r.line, r.values.deal_id, r.values.stage, r.values.entered_at])).toEqual([
      [2, "7", "won", "2024-02-01"],
      [2, "7", "demo", "2024-01-15"],
      [3, "8", "demo", "2024-01-20"],
    ]);
  });

  it("warns when no header matches, and rejects an invalid pattern before any row is read", async () => {
    const { warnings } = await setup(
      { "deals.csv": "Record ID,Stage\n7,Won\n" },
      mapping('Date entered "(?<stage>.+)"'),
    );
    expect(warnings).toEqual([
      expect.objectContaining({
        code: "mapping_unpivot_no_column",
        file: "deals.csv",
        messageKey: "mapping.warning.unpivotNoColumn",
      }),
    ]);
    const error = await problemIn({ "deals.csv": "Record ID\n7\n" }, mapping("(?<stage>"));
    expect(error.params.path).toBe("entities.deal_stages.unpivot.match");
    expect(error.message).toMatch(/not a valid regular expression/);
  });
});

describe("checks before the first row", () => {
  it("reads past a header that repeats a column the mapping does not read, and refuses one it reads", async () => {
    const files = { "contacts.csv": "Record ID,Owner,Email,Owner\nK1,Ann,a@x.org,Bob\n" };
    const ok = await setup(
      files,
      "entities:\n  customers: { from: contacts.csv, columns: { customer_id: Record ID, email: Email, created_at: { const: '2024-01-01' } } }\n",
    );
    expect((await collect(ok.sources[0] as RawSource))[0]?.values.email).toBe("a@x.org");
    const error = await problemIn(
      files,
      "entities:\n  customers: { from: contacts.csv, columns: { customer_id: Record ID, name: Owner, created_at: { const: '2024-01-01' } } }\n",
    );
    expect(error.code).toBe("import_bad_file");
    expect(error.params).toMatchObject({ column: "Owner", first: 2, second: 4 });
  });

  it("rejects an invalid constant regular expression in an expression", async () => {
    const error = await problemIn(
      { "c.csv": "id,email\n1,a@b.c\n" },
      `entities:
  customers:
    from: c.csv
    where: "matches(email, '[a-z')"
    columns: { customer_id: id, created_at: { const: "2024-01-01" } }
`,
    );
    expect(error.code).toBe("mapping_invalid");
    expect(error.params.path).toBe("entities.customers.where");
    expect(error.message).toMatch(/matches\(\): not a valid regular expression/);
  });

  it("refuses an unknown encoding label at its key path", async () => {
    const error = await problemIn(
      { "c.csv": "id\n1\n" },
      "entities:\n  customers: { from: c.csv, encoding: klingon, columns: { customer_id: id, created_at: { const: '2024-01-01' } } }\n",
    );
    expect(error.code).toBe("mapping_invalid");
    expect(error.params.path).toBe("entities.customers.encoding");
    expect(error.message).toMatch(/unknown encoding "klingon"/);
  });

  it("reads a count written 2.0 into a whole-number column when the rule has number:", async () => {
    const { sources } = await setup(
      { "stages.csv": "stage,pos\nWon,2.0\nLost,3\n" },
      `entities:
  pipeline_stages:
    from: stages.csv
    columns: { stage: stage, position: { column: pos, number: {} } }
`,
    );
    const records = await collect(sources[0] as RawSource);
    expect(records.map((r) => r.values.position)).toEqual(["2", "3"]);
  });
});
