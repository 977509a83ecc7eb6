import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { englishCatalogWords, englishWordsIn, keptAbbreviations } from "../../../test/i18n/english-words.js";
import { simulatedOrderTables } from "../../../test/support/btyd-simulation.js";
import { importTables } from "../../../test/support/csv-dataset.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { EXIT } from "../exit-codes.js";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-io.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-predict-"));
const db = path.join(tmp, "predict.duckdb");

beforeAll(async () => {
  const engine = await openDuckDB(db);
  await importTables(engine, simulatedOrderTables(300, 11));
  await engine.close();
}, 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(["predict", "clv", "--db", db, ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi predict clv", () => {
  it("prints the issue's JSON: bg_nbd, gamma_gamma, customers, with the holdout after --calibration-end", async () => {
    const { code, out } = await run("--calibration-end", "2024-09-30", "--format", "json");
    expect(code).toBe(EXIT.ok);
    const doc = JSON.parse(out);
    expect(Object.keys(doc)).toEqual(["bg_nbd", "gamma_gamma", "customers", "summary", "holdout"]);
    expect(Object.keys(doc.bg_nbd)).toEqual(["r", "alpha", "a", "b", "log_likelihood"]);
    expect(Object.keys(doc.gamma_gamma)).toEqual(["p", "q", "v"]);
    expect(doc.customers).toHaveLength(300);
    expect(Object.keys(doc.customers[0])).toEqual([
      "customer_id",
      "frequency",
      "recency_weeks",
      "age_weeks",
      "average_value",
      "p_alive",
      "expected_purchases",
      "expected_average_value",
      "clv",
      "holdout_purchases",
      "holdout_predicted",
    ]);
    // Highest CLV first.
    const clvs = doc.customers.map((c: { clv: number }) => c.clv);
    expect(clvs).toEqual([...clvs].sort((a, b) => b - a));
    expect(doc.summary.calibration_end).toBe("2024-09-30");
    expect(doc.holdout.start).toBe("2024-10-01");
    expect(doc.holdout.groups.at(-1).label).toBe("7+");
    expect(doc.bg_nbd.log_likelihood).toBeLessThan(0);
  }, 60_000);

  it("--holdout 13w ends the calibration 91 days before the last purchase day", async () => {
    const doc = JSON.parse((await run("--holdout", "13w", "--format", "json")).out);
    const days = (Date.parse(doc.summary.data_end) - Date.parse(doc.summary.calibration_end)) / 86_400_000;
    expect(days).toBe(91);
    expect(doc.holdout.weeks).toBe(13);
  }, 60_000);

  it("gives the same bytes twice", async () => {
    const first = await run("--format", "json", "--horizon", "26w", "--discount-rate", "0.05");
    const second = await run("--format", "json", "--horizon", "26w", "--discount-rate", "0.05");
    expect(first.code).toBe(EXIT.ok);
    expect(second.out).toBe(first.out);
    const doc = JSON.parse(first.out);
    expect(doc.summary.horizon_weeks).toBe(26);
    expect(doc.summary.discount_rate).toBe(0.05);
    expect(doc.holdout).toBeNull();
  }, 60_000);

  it("writes one csv row per customer, the models on stderr", async () => {
    const { code, out, err } = await run("--format", "csv");
    expect(code).toBe(EXIT.ok);
    const rows = parse(out, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(300);
    expect(Number(rows[0]?.p_alive)).toBeGreaterThan(0);
    expect(err).toMatch(/BG\/NBD: r = /);
    expect(err).toMatch(/No holdout/);
  }, 60_000);

  it("prints Persian tables in Persian digits, with the holdout table", async () => {
    const { code, out, err } = await run("--calibration-end", "2024-09-30", "--lang", "fa");
    expect(code).toBe(EXIT.ok);
    expect(out).toContain("ارزش طول عمر");
    expect(out).toMatch(/[۰-۹]/);
    expect(err).toContain("دورهٔ آزمون");
  }, 60_000);

  it.each(["fa", "ar", "zh"] as const)(
    "%s: output and help use that catalog only",
    async (lang) => {
      const vocabulary = englishCatalogWords();
      // Typed words: the command, option values and ids stay as they are.
      const allowed = new Set([
        ...["crm", "kpi", "predict", "clv", "table", "csv", "ndjson", "json", "md", "en", "fa", "ar", "zh"],
        ...keptAbbreviations(lang),
      ]);
      const outputs = [
        await run("--calibration-end", "2024-09-30", "--lang", lang),
        await run("--help", "--lang", lang),
        await run("--horizon", "soon", "--lang", lang),
      ];
      const words = outputs.flatMap(({ out, err }) => englishWordsIn(`${out}\n${err}`, vocabulary, allowed));
      expect(words).toEqual([]);
    },
    60_000,
  );

  it("refuses a bad horizon or rate with what to write instead", async () => {
    const horizon = await run("--horizon", "soon");
    expect(horizon.code).toBe(EXIT.usage);
    expect(horizon.err).toMatch(/--horizon "soon"/);
    expect(horizon.err).toMatch(/52w/);
    const rate = await run("--discount-rate", "ten");
    expect(rate.code).not.toBe(EXIT.ok);
    expect(rate.err).toMatch(/--discount-rate/);
  }, 60_000);
});
