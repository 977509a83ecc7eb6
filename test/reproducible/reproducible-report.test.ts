import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";

/**
 * Issue 8 part 1: the same data and command give byte-identical output, with
 * one DuckDB thread and with several (CRM_KPI_DUCKDB_THREADS), in every
 * format. Before exact sums and the documented row order, three runs of the
 * full ndjson report differed in thousands of lines.
 */
const REFERENCE = resolve(import.meta.dirname, "../../../shared/data/reference");
const dir = mkdtempSync(join(tmpdir(), "crm-kpi-reproducible-"));
const db = join(dir, "ref.duckdb");

async function report(threads: string, format: string): Promise<string> {
  const previous = process.env.CRM_KPI_DUCKDB_THREADS;
  process.env.CRM_KPI_DUCKDB_THREADS = threads;
  try {
    const io = captureIo();
    const code = await runCli(
      ["report", "--db", db, "--metrics", "all", "--by", "region", "--format", format],
      io,
    );
    expect(code, io.err()).toBe(0);
    return io.out();
  } finally {
    if (previous === undefined) delete process.env.CRM_KPI_DUCKDB_THREADS;
    else process.env.CRM_KPI_DUCKDB_THREADS = previous;
  }
}

describe("reproducible report output", () => {
  beforeAll(async () => {
    const io = captureIo();
    expect(await runCli(["import", REFERENCE, "--db", db], io), io.err()).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the same ndjson bytes with 1 and with 4 threads, run after run", async () => {
    const runs = [await report("1", "ndjson"), await report("4", "ndjson"), await report("4", "ndjson")];
    runs.push(await report("1", "ndjson"));
    expect(runs[0]?.split("\n").length).toBeGreaterThan(30_000);
    for (const run of runs.slice(1)) expect(run === runs[0]).toBe(true);
  }, 600_000);

  it.each(["csv", "json", "md", "table"])(
    "gives the same %s bytes on every run",
    async (format) => {
      const first = await report("4", format);
      const second = await report("1", format);
      expect(first.length).toBeGreaterThan(1000);
      expect(second === first).toBe(true);
    },
    600_000,
  );
});
