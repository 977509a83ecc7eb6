import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mappedSources } from "../../src/import/mapping/index.js";
import { resolveSourceFiles } from "../../src/import/mapping/source-files.js";
import type { RawRecord, RawSource } from "../../src/import/raw-record.js";

/** The mapping features that real vendor files need, on the shared vendor samples (read in place). */
const exports = fileURLToPath(new URL("../../../shared/data/crm-exports/", import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-vendor-quirks-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function records(mapping: string): Promise<RawRecord[]> {
  await writeFile(path.join(dir, "mapping.yaml"), mapping);
  const { sources } = await mappedSources(path.join(dir, "mapping.yaml"), exports);
  const out: RawRecord[] = [];
  for (const source of sources as RawSource[]) for await (const r of source.records()) out.push(r);
  return out;
}

describe("vendor samples through the mapping language", () => {
  it("reads the real Stripe payments export: sniffed semicolons, UTC times, TRUE", async () => {
    const rows = await records(`
entities:
  orders:
    from: "stripe/**/*.csv"
    delimiter: auto
    match_columns: [Created date (UTC), Customer ID, Invoice Number]
    where: "to_bool(Captured)"
    columns:
      order_id: Invoice Number
      customer_id: Customer ID
      ordered_at: { column: Created date (UTC), format: { pattern: "yyyy-MM-dd HH:mm:ss", zone: UTC } }
      amount: { column: Amount, number: {} }
      currency: { column: Currency, transform: upper }
`);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.file))).toEqual(
      new Set(["stripe/stripe-country-revenue-calculator/payments.csv"]),
    );
    expect(rows[0]?.line).toBe(2);
    expect(rows[0]?.values).toMatchObject({
      order_id: "BC4E5A99-0005",
      ordered_at: "2024-06-07T02:38:54Z",
      amount: "15.00",
      currency: "USD",
    });
  });

  it("keeps Zoho's offsets and finds HubSpot contacts by their columns", async () => {
    const rows = await records(`
entities:
  customers:
    - from: "zoho/**/*.csv"
      match_columns: [Account ID, Account Name]
      columns:
        customer_id: Account ID
        name: Account Name
        segment: { expr: "split_part(Tag, ';', 1)" }
        created_at: { column: Created Time, format: "yyyy-MM-dd'T'HH:mm:ssXXX" }
    - from: "hubspot/**/*.csv"
      match_columns: [Record ID, Create date, Associated company ID]
      columns:
        customer_id: { template: "hs-{Record ID}" }
        email: Email
        created_at: { column: Create date, format: "yyyy-MM-dd HH:mm:ss z" }
`);
    const zoho = rows.find((r) => r.values.customer_id === "5725767000004101001");
    expect(zoho?.values).toMatchObject({
      name: "Northstar Outdoor Supply",
      segment: "Customer",
      created_at: "2025-02-14T10:22:31-05:00",
    });
    const hubspot = rows.find((r) => r.values.customer_id === "hs-2059001001");
    expect(hubspot?.values.created_at).toBe("2025-02-14T15:24:31Z");
    expect(hubspot?.file).toBe("hubspot/okikio-utils/representative__hubspot-contacts-export.csv");
  });

  it("gives preset detection the files a source would read, with their headers", async () => {
    const found = await resolveSourceFiles(exports, {
      from: "**/*.csv",
      type: "csv",
      delimiter: "auto",
      matchColumns: ["Created date (UTC)", "Customer ID"],
    });
    expect(found.files.map((f) => f.file.name)).toEqual([
      "stripe/stripe-country-revenue-calculator/payments.csv",
    ]);
    expect(found.files[0]?.file.delimiter).toBe(";");
    expect(found.files[0]?.start?.header).toContain("Invoice Number");
  });
});
