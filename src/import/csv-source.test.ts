import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvSource } from "./csv-source.js";
import type { RawRecord } from "./raw-record.js";

const dir = mkdtempSync(join(tmpdir(), "crm-kpi-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(text: string): Promise<RawRecord[]> {
  const path = join(dir, "customers.csv");
  writeFileSync(path, text);
  const records: RawRecord[] = [];
  for await (const record of csvSource("customers", path, "customers.csv").records()) records.push(record);
  return records;
}

describe("csvSource", () => {
  // Rows spanning many 128 KB chunks, with multi-line cells, so chunk edges fall everywhere.
  const rows = Array.from({ length: 30_000 }, (_, i) =>
    i % 7 === 0 ? `C${i},"name\n${i}",2024-01-01` : `C${i},name ${i},2024-01-01`,
  );
  const lineOf = (index: number) => 2 + index + Math.floor((index + 6) / 7);

  it("reads a long file across chunk edges with physical line numbers", async () => {
    const records = await readAll(`customer_id,name,created_at\n${rows.join("\n")}\n`);
    expect(records).toHaveLength(rows.length);
    for (const index of [0, 1, 6, 7, 8, 12_345, 29_999]) {
      const record = records[index] as RawRecord;
      expect([record.line, record.values.customer_id]).toEqual([lineOf(index), `C${index}`]);
    }
  });

  it("switches to csv-parse mid-file at a stray quote and keeps counting lines", async () => {
    const odd = [...rows];
    odd[20_000] = 'C20000,na"me,2024-01-01';
    const records = await readAll(`customer_id,name,created_at\n${odd.join("\n")}\n`);
    expect(records).toHaveLength(rows.length);
    expect(records[20_000]?.values.name).toBe('na"me');
    for (const index of [19_999, 20_000, 20_001, 29_999]) {
      const record = records[index] as RawRecord;
      expect([record.line, record.values.customer_id]).toEqual([lineOf(index), `C${index}`]);
    }
  });
});
