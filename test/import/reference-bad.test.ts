import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { isEntityName } from "../../src/core/model/entities.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import {
  type ImportIssue,
  ImportRejectedError,
  type ImportResult,
  importDataset,
} from "../../src/import/index.js";
import { csvDataRows, sharedPath, tableFingerprints } from "./import-helpers.js";

interface Fault {
  file: string;
  line: number | null;
  column: string | null;
  kind: string;
  expected: "reject_row" | "reject_file" | "warn" | "accept";
}

const dir = sharedPath("data/reference-bad");
const faults = (JSON.parse(readFileSync(join(dir, "bad_rows.json"), "utf8")) as { faults: Fault[] }).faults;
const at = (file: string, line: number | null) => `${file}:${line}`;
const listed = new Set(faults.filter((f) => f.line !== null).map((f) => at(f.file, f.line)));

/**
 * The fixture inserts each faulty row as a copy of a real row. When a `warn`
 * copy is placed above its original, the original becomes the second
 * occurrence of that id, which DATA_MODEL's rule makes a duplicate_id error.
 * Such an error is expected exactly when the id's first line in the file is
 * itself a listed fault line; we check that by reading the file here.
 */
function isDuplicateOfListedFault(issue: ImportIssue): boolean {
  if (issue.code !== "duplicate_id" || issue.column === null || issue.line === null) return false;
  const records = parse(readFileSync(join(dir, issue.file)), {
    bom: true,
    relax_column_count: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const header = records[0]?.record ?? [];
  const index = header.indexOf(issue.column);
  const first = records.find((r) => r.record[index]?.trim() === issue.value);
  return first !== undefined && listed.has(at(issue.file, first.info.lines)) && first.info.lines < issue.line;
}

function checkFaults(errors: readonly ImportIssue[], warnings: readonly ImportIssue[]): void {
  for (const fault of faults) {
    const onLine = (list: readonly ImportIssue[]) =>
      list.filter((i) => i.file === fault.file && (fault.line === null || i.line === fault.line));
    const what = `${fault.kind} at ${at(fault.file, fault.line)}`;
    switch (fault.expected) {
      case "reject_row":
      case "reject_file": {
        const found = onLine(errors);
        expect(found.length, what).toBeGreaterThan(0);
        // A short row names the first missing cell, which the fixture does not pin down.
        if (fault.column !== null && fault.kind !== "missing_columns") {
          expect(
            found.map((i) => i.column),
            what,
          ).toContain(fault.column);
        }
        break;
      }
      case "warn":
        expect(onLine(warnings).length, what).toBeGreaterThan(0);
        expect(onLine(errors), what).toEqual([]);
        break;
      case "accept":
        if (fault.line !== null) {
          expect(onLine(errors), what).toEqual([]);
          expect(onLine(warnings), what).toEqual([]);
        } else {
          // a file-wide property (CRLF): the file imports with no file-level error
          expect(
            errors.filter((i) => i.file === fault.file && i.line === null),
            what,
          ).toEqual([]);
        }
        break;
    }
  }
  const unexpected = errors.filter((i) => !listed.has(at(i.file, i.line)) && !isDuplicateOfListedFault(i));
  expect(unexpected).toEqual([]);
}

describe("importing the reference-bad dataset", () => {
  let engine: Engine;
  let before: Record<string, string>;

  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
    await importDataset(engine, sharedPath("data/reference"));
    before = await tableFingerprints(engine);
  });
  afterAll(async () => {
    await engine.close();
  });

  it("rejects the whole run by default, lists every fault, and leaves the database unchanged", async () => {
    let error: unknown;
    try {
      await importDataset(engine, dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportRejectedError);
    const rejected = error as ImportRejectedError;
    expect(rejected.code).toBe("import_rejected");
    checkFaults(rejected.issues, rejected.warnings);
    expect(await tableFingerprints(engine)).toEqual(before);
  });

  describe("with skipInvalid", () => {
    let result: ImportResult;
    let fresh: Engine;
    const rejectsFile = join(mkdtempSync(join(tmpdir(), "crm-kpi-bad-")), "rejects.ndjson");

    beforeAll(async () => {
      fresh = await openDuckDB(":memory:");
      result = await importDataset(fresh, dir, { skipInvalid: true, rejectsFile });
    });
    afterAll(async () => {
      await fresh.close();
    });

    it("handles every fault as bad_rows.json expects", () => {
      checkFaults(result.errors, result.warnings);
    });

    it("lists exactly the rejected lines in the rejects file", () => {
      expect(result.rejectsFile).toBe(rejectsFile);
      const lines = readFileSync(rejectsFile, "utf8").trim().split("\n");
      const rows = lines.map(
        (l) => JSON.parse(l) as { file: string; line: number; reason: string; cells: unknown },
      );
      expect(rows.length).toBe(result.rejected);
      const rejectedLines = new Set(rows.map((r) => at(r.file, r.line)));
      expect(rejectedLines.size).toBe(rows.length);
      expect(rejectedLines).toEqual(new Set(result.errors.map((e) => at(e.file, e.line))));
      for (const fault of faults) {
        if (fault.expected === "reject_row" || fault.expected === "reject_file") {
          expect(rejectedLines.has(at(fault.file, fault.line)), `${fault.file}:${fault.line}`).toBe(true);
        }
      }
      for (const row of rows) expect(row.reason.length).toBeGreaterThan(10);
    });

    it("writes the valid rows of every file", async () => {
      const rejectedPerFile = new Map<string, number>();
      for (const e of new Set(result.errors.map((i) => at(i.file, i.line)))) {
        const file = e.split(":")[0] as string;
        rejectedPerFile.set(file, (rejectedPerFile.get(file) ?? 0) + 1);
      }
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
        const entity = file.replace(/\.csv$/, "");
        if (!isEntityName(entity)) continue;
        const rows = await fresh.query({ sql: `SELECT count(*) AS n FROM "${entity}"`, params: [] });
        const wholeFileRejected = faults.some((f) => f.file === file && f.expected === "reject_file");
        const expected = wholeFileRejected
          ? 0
          : csvDataRows(join(dir, file)) - (rejectedPerFile.get(file) ?? 0);
        expect(Number(rows[0]?.n), file).toBe(expected);
      }
    });
  });
});
