import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { listMetrics } from "../../src/core/metrics/registry.js";
import { CALENDARS } from "../../src/core/model/settings.js";
import { generateDataset } from "../../src/generator/index.js";
import { LANGS } from "../../src/messages/index.js";
import { dataTokens, englishCatalogWords, englishWordsIn, keptAbbreviations } from "./english-words.js";

// Issue 8 part 5: Persian, Arabic and Chinese output holds no word of the
// English catalog, and Persian and Arabic write their numbers in their digits.

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-no-english-"));
const data = path.join(tmp, "data");
const db = path.join(tmp, "crm.duckdb");

/**
 * Words the user types rather than reads, so they stay as they are in every
 * language: the program and command names, the values of choice options
 * (`--format csv`, `--calendar persian`, `--metrics all`) and metric ids.
 */
const TYPED = new Set([
  "crm",
  "kpi",
  ...["import", "report", "metrics", "explain", "campaigns", "stuck", "deals", "demo", "customers"],
  ...["quality", "dedupe", "goals", "serve", "tokens", "cohorts", "help", "add", "list", "check"],
  ...["mapping", "init", "alerts", "predict", "clv"],
  ...[
    "remove",
    "create",
    "revoke",
    "load",
    "show",
    "all",
    "logical",
    "visual",
    "table",
    "csv",
    "ndjson",
    "json",
    "md",
  ],
  ...["day", "week", "month", "quarter", "year", "fiscal", ...CALENDARS.flatMap((c) => c.split("-"))],
  ...["utf", "windows", "latin"], // --encoding utf-8|windows-1256|latin1
  "active", // --param method=all|active
  ...LANGS,
  ...listMetrics().map((m) => m.id),
]);

const COMMANDS: readonly (readonly string[])[] = [
  ["metrics"],
  ["report", "--db", db, "--metrics", "all"],
  ["report", "--db", db, "--metrics", "revenue,mrr,customer_churn_rate", "--by", "region"],
  ["explain", "mrr", "--at", "2025-02", "--db", db],
  ["explain", "customer_churn_rate", "--at", "2025-02", "--db", db],
  ["explain", "revenue", "--at", "2025-02", "--db", db],
  ["explain", "nps", "--at", "2025-02", "--db", db],
  ["explain", "close_rate", "--at", "2025-02", "--db", db],
  ["quality", "--db", db],
  ["goals", "list", "--db", db],
  ["customers", "--db", db],
  ["cohorts", "--db", db],
  ["--help"],
  ...["import", "report", "metrics", "explain", "quality", "goals", "customers", "cohorts"].map((c) => [
    c,
    "--help",
  ]),
  ["report", "--db", db, "--nope"],
  ["report", "--db", db, "--period", "fortnight"],
];

async function run(argv: readonly string[]): Promise<string> {
  const io = captureIo();
  await runCli(argv, io);
  return `${io.out()}\n${io.err()}`;
}

beforeAll(async () => {
  await generateDataset(data, { scale: 0.05 });
  const io = captureIo();
  expect(await runCli(["import", data, "--db", db], io)).toBe(0);
}, 240_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("no English in Persian, Arabic and Chinese output", () => {
  const vocabulary = englishCatalogWords();
  for (const lang of ["fa", "ar", "zh"] as const) {
    it(`${lang}: every command's output uses the ${lang} catalog only`, async () => {
      const allowed = new Set([...TYPED, ...dataTokens(data), ...keptAbbreviations(lang)]);
      const found: Record<string, string[]> = {};
      for (const argv of COMMANDS) {
        // `metrics` included: every formula line comes from `cli.formula.<id>`.
        const output = await run([...argv, "--lang", lang]);
        const words = englishWordsIn(output, vocabulary, allowed);
        if (words.length > 0) found[argv.join(" ")] = words;
      }
      expect(found).toEqual({});
    }, 240_000);
  }
});

describe("local digits in Persian and Arabic output", () => {
  // Ids and codes mix letters and digits (C0000044, dup-C0000014, U00002) and are data.
  const latinDigitsIn = (output: string): string[] =>
    output
      .replace(/\S*[A-Za-z]\S*\d\S*|\S*\d\S*[A-Za-z]\S*/g, " ")
      .split("\n")
      .filter((line) => /[0-9]/.test(line));
  for (const lang of ["fa", "ar"] as const) {
    it(`${lang}: numbers, dates, counts and scores are written in ${lang} digits`, async () => {
      const commands = [
        ["report", "--db", db, "--metrics", "revenue,mrr,customer_churn_rate,nps"],
        ["explain", "mrr", "--at", "2025-02", "--db", db],
        ["explain", "revenue", "--at", "2025-02", "--db", db],
        ["quality", "--db", db],
        ["customers", "--db", db],
      ];
      const found: Record<string, string[]> = {};
      for (const argv of commands) {
        const lines = latinDigitsIn(await run([...argv, "--lang", lang]));
        if (lines.length > 0) found[argv.join(" ")] = lines.slice(0, 5);
      }
      expect(found).toEqual({});
    }, 240_000);
  }

  it("money shows the dataset's currency, after the number in fa and before it in en", async () => {
    const fa = await run(["report", "--db", db, "--metrics", "revenue", "--lang", "fa"]);
    const en = await run(["report", "--db", db, "--metrics", "revenue", "--lang", "en"]);
    expect(fa).toMatch(/[۰-۹]٫[۰-۹]{2} \$/);
    expect(en).toMatch(/\$\d[\d,]*\.\d{2}/);
  }, 240_000);
});

describe("dates in the user's calendar", () => {
  it("a Jalali deadline is shown back as Jalali, in Persian digits (SMART check and list)", async () => {
    const add = await run([
      ...["goals", "add", "--db", db, "--metric", "new_customers", "--target", "30"],
      ...["--start", "1404-01-01", "--deadline", "1404-12-29", "--calendar", "persian", "--lang", "fa"],
    ]);
    expect(add).toContain("۱۴۰۴-۱۲-۲۹");
    expect(add).not.toContain("2026-03-20");
    const list = await run(["goals", "list", "--db", db, "--lang", "fa"]);
    expect(list).toContain("۱۴۰۴-۱۲-۲۹");
  }, 240_000);
});
