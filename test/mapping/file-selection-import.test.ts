import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/import-dataset.js";

/**
 * A vendor-shaped export folder (HubSpot deals split over two files, one
 * re-saved by a spreadsheet, a Windows-1252 accounts file, no Zendesk file)
 * imported through a mapping into a real in-memory DuckDB.
 */

let dir: string;
let engine: Engine | undefined;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-file-selection-"));
});
afterEach(async () => {
  await engine?.close();
  engine = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
  await writeFile(path.join(dir, name), content);
}

const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
const won = 'Date entered "Closed Won (Sales Pipeline)"';
const demo = 'Date entered "Demo Scheduled (Sales Pipeline)"';

const mapping = String.raw`
entities:
  customers:
    from: crm/accounts.csv
    encoding: windows-1252
    delimiter: auto
    columns:
      customer_id: Account ID
      name: Account Name
      created_at: { column: Created, format: "dd/MM/yyyy H:mm" }
  deals:
    from: "hubspot/**/*.csv"
    delimiter: auto
    match_columns: [Record ID, Deal Stage]
    columns:
      deal_id: Record ID
      customer_id: Company
      status: { column: Deal Stage, map: { Closed Won: won, Closed Lost: lost }, else: open }
      amount: { column: Amount, number: { thousands: "," } }
      created_at: { column: Create Date, format: "yyyy-MM-dd HH:mm:ss z" }
      closed_at: { column: Close Date, format: "yyyy-MM-dd HH:mm:ss z" }
  deal_stages:
    from: "hubspot/**/*.csv"
    delimiter: auto
    match_columns: [Record ID, Deal Stage]
    unpivot: { match: 'Date entered "(?<stage>.+) \((?<pipeline>[^)]+)\)"', name: header, value: entered }
    columns:
      deal_id: Record ID
      stage: { expr: "lower(replace(stage, ' ', '_'))" }
      entered_at: { column: entered, format: "yyyy-MM-dd HH:mm:ss z" }
  tickets:
    from: "zendesk/tickets*.csv"
    optional: true
    columns: { ticket_id: Id, created_at: Created }
`;

describe("a mapped import of files found by pattern and by columns", () => {
  it("reads globs, match_columns, per-source encodings and separators, unpivot by pattern, and skips an optional source", async () => {
    // Windows-1252 bytes: é is 0xE9 (not UTF-8); semicolons as a European spreadsheet saves them.
    await put(
      "crm/accounts.csv",
      Buffer.from(
        "Account ID;Account Name;Created\r\nA1;Société Générale;14/02/2025 9:05\r\nA2;Müller & Söhne;01/03/2025 17:45\r\n",
        "latin1",
      ),
    );
    const header = ["Record ID", "Deal Stage", "Amount", "Company", "Create Date", "Close Date", won, demo]
      .map(q)
      .join(",");
    // BOM + CRLF, as HubSpot writes it.
    await put(
      "hubspot/2025/deals-1.csv",
      `\uFEFF${header}\r\n101,Closed Won,"$3,000",A1,2025-02-14 15:24:31 UTC,2025-03-01 10:00:00 UTC,2025-03-01 10:00:00 UTC,2025-02-20 09:00:00 UTC\r\n`,
    );
    await put(
      "hubspot/deals-2.csv",
      `${["Record ID", "Deal Stage", "Amount", "Company", "Create Date", "Close Date", demo].map(q).join(";")}\n102;Demo Scheduled;1,250.50;A2;2025-03-02 08:00:00 UTC;;2025-03-03 12:30:00 UTC\n`,
    );
    // Matches the glob but not match_columns: ignored.
    await put("hubspot/contacts.csv", "Record ID,Email\n9,a@b.c\n");
    await put("mapping.yaml", mapping);

    engine = await openDuckDB(":memory:");
    const result = await importDataset(engine, dir, { mappingFile: path.join(dir, "mapping.yaml") });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity).toMatchObject({ customers: 2, deals: 2, deal_stages: 3, tickets: 0 });
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: "mapping_no_file", messageKey: "mapping.warning.noFile" }),
    );

    const customers = await engine.query({
      sql: "SELECT customer_id, name, strftime(created_at, '%Y-%m-%d %H:%M') AS created FROM customers ORDER BY customer_id",
      params: [],
    });
    expect(customers).toEqual([
      { customer_id: "A1", name: "Société Générale", created: "2025-02-14 09:05" },
      { customer_id: "A2", name: "Müller & Söhne", created: "2025-03-01 17:45" },
    ]);
    const deals = await engine.query({
      sql: "SELECT deal_id, status, amount::VARCHAR AS amount, customer_id FROM deals ORDER BY deal_id",
      params: [],
    });
    expect(deals).toEqual([
      { deal_id: "101", status: "won", amount: expect.stringMatching(/^3000(\.0+)?$/), customer_id: "A1" },
      { deal_id: "102", status: "open", amount: expect.stringMatching(/^1250\.50*$/), customer_id: "A2" },
    ]);
    const stages = await engine.query({
      sql: "SELECT deal_id, stage, strftime(entered_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M') AS at FROM deal_stages ORDER BY deal_id, entered_at",
      params: [],
    });
    expect(stages).toEqual([
      { deal_id: "101", stage: "demo_scheduled", at: "2025-02-20 09:00" },
      { deal_id: "101", stage: "closed_won", at: "2025-03-01 10:00" },
      { deal_id: "102", stage: "demo_scheduled", at: "2025-03-03 12:30" },
    ]);
  });
});
