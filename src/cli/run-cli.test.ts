import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CrmKpiError, type ErrorCode } from "../core/errors.js";
import { listMetrics } from "../core/metrics/registry.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { lookupMessage, metricName, t } from "../messages/index.js";
import { detectLang, resolveDbPath } from "./cli-context.js";
import { EXIT, exitCodeOfErrorCode } from "./exit-codes.js";
import { describeError } from "./format-error.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A user-facing failure: non-zero, a sentence starting with "Error:", a next step, no stack trace. */
function expectOneSentenceError(stderr: string): void {
  const lines = stderr.trim().split("\n");
  expect(lines[0]).toMatch(/^Error: [A-Z"«].*[.!?]$/);
  expect(lines.length).toBeLessThanOrEqual(3);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe("runCli arguments", () => {
  it("prints help and exits 0", async () => {
    const io = captureIo();
    expect(await runCli(["--help"], io)).toBe(0);
    for (const command of ["import", "report", "metrics", "explain", "demo"])
      expect(io.out()).toContain(command);
  });

  it("prints localized help with --lang", async () => {
    const io = captureIo();
    expect(await runCli(["report", "--help", "--lang", "fa"], io)).toBe(0);
    expect(io.out()).toContain("قالب خروجی");
  });

  it("exits 2 without a command", async () => {
    const io = captureIo();
    expect(await runCli([], io)).toBe(EXIT.usage);
    expect(io.err()).toContain("Usage:");
  });

  it("rejects an unknown command with one sentence and exit 2", async () => {
    const io = captureIo();
    expect(await runCli(["frobnicate"], io)).toBe(EXIT.usage);
    expectOneSentenceError(io.err());
    expect(io.err()).toContain("frobnicate");
    expect(io.err()).toContain("crm-kpi --help");
  });

  it("rejects a format outside the choices", async () => {
    const io = captureIo();
    expect(await runCli(["report", "--format", "xml"], io)).toBe(EXIT.usage);
    expectOneSentenceError(io.err());
    expect(io.err()).toContain("ndjson");
  });

  it("rejects a malformed --param before touching the database", async () => {
    const db = path.join(tmp, "never.duckdb");
    const io = captureIo();
    expect(await runCli(["report", "--db", db, "--param", "window"], io)).toBe(EXIT.usage);
    expectOneSentenceError(io.err());
    expect(io.err()).toContain('"window"');
    expect(existsSync(db)).toBe(false);
  });

  it("rejects a non-positive --scale", async () => {
    const io = captureIo();
    expect(await runCli(["demo", "--scale", "-1"], io)).toBe(EXIT.usage);
    expectOneSentenceError(io.err());
  });

  it.each<{ argv: string[]; option: string; range: Record<string, string> }>([
    { argv: ["serve", "--port", "70000"], option: "--port", range: { min: "0", max: "65535" } },
    { argv: ["alerts", "history", "--limit", "0"], option: "--limit", range: { min: "1" } },
    { argv: ["mapping", "init", "x.csv", "--sample", "2.5"], option: "--sample", range: { min: "1" } },
  ])("refuses a bad whole number for $option, naming it and its range, in Persian too", async (c) => {
    const en = captureIo();
    expect(await runCli(c.argv, en)).toBe(EXIT.usage);
    expectOneSentenceError(en.err());
    const fa = captureIo();
    expect(await runCli(["--lang", "fa", ...c.argv], fa)).toBe(EXIT.usage);
    const params: Record<string, string> = {
      value: c.argv[c.argv.indexOf(c.option) + 1] ?? "",
      option: c.option,
      ...c.range,
    };
    const key = "max" in c.range ? "cli.error.badWholeNumberRange" : "cli.error.badWholeNumber";
    expect(en.err()).toContain(t("en", key, params));
    expect(fa.err()).toContain(t("fa", key, params));
  });

  it("requires the period to explain (--at)", async () => {
    const io = captureIo();
    expect(await runCli(["explain", "revenue"], io)).toBe(EXIT.usage);
    expectOneSentenceError(io.err());
    expect(io.err()).toContain("--at");
  });

  it("reports an unknown metric with exit 2, localized in fa", async () => {
    const db = path.join(tmp, "empty.duckdb");
    await (await openDuckDB(db)).close(); // an existing crm-kpi database without data
    const en = captureIo();
    expect(await runCli(["report", "--db", db, "--metrics", "nope"], en)).toBe(EXIT.usage);
    expectOneSentenceError(en.err());
    expect(en.err()).toContain("crm-kpi metrics");

    const fa = captureIo({ CRM_KPI_DB: db });
    expect(await runCli(["report", "--metrics", "nope", "--lang", "fa"], fa)).toBe(EXIT.usage);
    expect(fa.err()).toContain("شاخصی به نام «nope» وجود ندارد.");
    expect(fa.err()).toContain("crm-kpi metrics");
  });

  it("accepts --lang before the command", async () => {
    const io = captureIo();
    expect(await runCli(["--lang", "zh", "report", "--db", ":memory:", "--metrics", "nope"], io)).toBe(
      EXIT.usage,
    );
    expect(io.err().split("\n")[0]).toBe("错误：没有名为“nope”的指标。");
  });

  it("turns a database that cannot be opened into exit 3", async () => {
    const io = captureIo();
    const db = path.join(tmp, "no-such-dir", "x", "db.duckdb");
    expect(await runCli(["report", "--db", db], io)).toBe(EXIT.database);
    expectOneSentenceError(io.err());
  });
});

describe("metrics command", () => {
  it("lists every metric with its localized name and formula", async () => {
    const metrics = listMetrics();
    for (const lang of ["en", "zh", "ar"] as const) {
      const io = captureIo();
      expect(await runCli(["metrics", "--lang", lang], io)).toBe(0);
      for (const m of metrics) {
        expect(io.out()).toContain(m.id);
        expect(io.out()).toContain(metricName(lang, m.id));
        // In the reader's language where the catalog translates it (cli.formula.<id>).
        expect(io.out()).toContain(lookupMessage(lang, `cli.formula.${m.id}`) ?? m.formula);
      }
    }
  });
});

describe("errors and exit codes", () => {
  const source = readFileSync(new URL("../core/errors.ts", import.meta.url), "utf8");
  const union = source.slice(source.indexOf("export type ErrorCode"), source.indexOf(";"));
  const codes = [...union.matchAll(/"([a-z_]+)"/g)].map((m) => m[1] as ErrorCode);

  it("maps every error code to a user exit code (1..3)", () => {
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect([1, 2, 3]).toContain(exitCodeOfErrorCode(code));
    expect(exitCodeOfErrorCode("import_rejected")).toBe(EXIT.data);
    expect(exitCodeOfErrorCode("bad_argument")).toBe(EXIT.usage);
  });

  it("shows a stack trace only in debug mode", () => {
    const error = new CrmKpiError(
      "unknown_period",
      '"2024-13" is not a month',
      { label: "2024-13" },
      { value: "2024-13" },
    );
    const plain = describeError(error, "en", false);
    expect(plain).toEqual([
      'Error: "2024-13" is not a month.',
      "Write periods like 2024-03, 2024-Q1, 2024-W05, 2024, FY2024 or 1403-01.",
    ]);
    expect(describeError(error, "en", true).join("\n")).toMatch(/\n\s+at /);
    expect(describeError(error, "zh", false)[0]).toBe("错误：“2024-13”不是周期标签。");
  });

  it("resolves the database path and language from flags, then the environment", () => {
    expect(resolveDbPath("a.duckdb", { CRM_KPI_DB: "b.duckdb" })).toBe("a.duckdb");
    expect(resolveDbPath(undefined, { CRM_KPI_DB: "b.duckdb" })).toBe("b.duckdb");
    expect(resolveDbPath(undefined, {})).toBe("./crm-kpi.duckdb");
    expect(detectLang(["report", "--lang=ar"], { CRM_KPI_LANG: "fa" })).toBe("ar");
    expect(detectLang(["report"], { CRM_KPI_LANG: "fa" })).toBe("fa");
    expect(detectLang(["report", "--lang", "xx"], {})).toBe("en");
  });
});
