import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { ENTITIES } from "../../src/core/model/entities.js";
import { importerEn } from "../../src/messages/importer/en.js";

/**
 * Row errors and warnings of the importer come from the catalogs: a
 * Persian, Arabic or Chinese import of a bad dataset shows no English word
 * of the importer's English messages. Names the user chose (files, columns,
 * values, ids) and flags may stay as they are.
 */
const ENGLISH = new Set(
  Object.values(importerEn)
    .flatMap((text) => text.match(/[A-Za-z]{3,}/g) ?? [])
    .map((w) => w.toLowerCase()),
);

/** Column, entity and enum names are the user's vocabulary, not English text. */
const NAMES = new Set(
  ENTITIES.flatMap((e) => [e.name, ...e.columns.flatMap((c) => [c.name, ...(c.values ?? [])])]).flatMap((n) =>
    n.split("_"),
  ),
);

function englishWords(output: string): string[] {
  const stripped = output
    .replace(/"(?:[^"\\]|\\.)*"/g, " ") // values, JSON-quoted
    .replace(/--[\w-]+/g, " ") // flags
    .replace(/[\w.-]+\.(?:csv|ndjson|json|duckdb)/g, " ") // file names
    .replace(/\b[a-z]+-\d+\b/gi, " ") // encoding names such as utf-8, windows-1256
    .replace(/\b\w+_\w+\b/g, " "); // column names such as closed_at
  return (stripped.match(/[A-Za-z]{3,}/g) ?? []).filter(
    (w) => w !== w.toUpperCase() && ENGLISH.has(w.toLowerCase()) && !NAMES.has(w),
  );
}

function badDataset(): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-lang-"));
  const files: Record<string, string> = {
    "customers.csv":
      "customer_id,name,created_at,favourite\nC1,Ana,2024-01-01,x\nC1,Ana again,2024-01-02,y\nC2,,not-a-date,z\n,No id,2024-01-03,w\nC3,Bo,2024-01-04\n",
    "orders.csv":
      "order_id,customer_id,ordered_at,amount,type\nO1,C1,2024-01-05,1.234,50,purchase\nO2,C1,2024-01-05,12x,purchase\nO3,C9,2024-01-05,10,gift\nO4,C1,2024-01-06,5,purchase\n",
    "deals.csv":
      "deal_id,customer_id,status,created_at,closed_at\nD1,C1,won,2024-01-01,\nD2,C1,won,2024-02-01,2024-01-01\n",
    "survey_responses.csv":
      "response_id,survey,customer_id,score\nR1,nps,C1,7.5\nR2,nps,C1,11\nR3,nps,C7,8\n",
    "tickets.csv": "ticket_id,created_at,created_at\nT1,2024-01-01,2024-01-01\n",
    "leads.csv": "lead_id;created_at\nL1;2024-01-01\n",
    "reps.csv": "",
    "campaigns.csv": "campaign_id,name\n",
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("importer messages in every language", () => {
  const dir = badDataset();

  it("the English run shows the problems this test relies on", async () => {
    const io = captureIo();
    expect(await runCli(["import", dir, "--db", join(dir, "en.duckdb"), "--lang", "en"], io)).not.toBe(0);
    const err = io.err();
    for (const text of [
      "already appears",
      "is required",
      "comma as the decimal point",
      "twice",
      "semicolons",
      "empty",
    ])
      expect(err).toContain(text);
    expect(englishWords(err).length).toBeGreaterThan(20);
  });

  it("an encoding error is localized too", async () => {
    const bad = mkdtempSync(join(tmpdir(), "crm-kpi-lang-enc-"));
    // "علي" in Windows-1256: not UTF-8
    writeFileSync(
      join(bad, "customers.csv"),
      Buffer.from([
        ...Buffer.from("customer_id,name,created_at\nC1,"),
        0xda,
        0xe1,
        0xed,
        ...Buffer.from(",2024-01-01\n"),
      ]),
    );
    for (const lang of ["fa", "ar", "zh"]) {
      const io = captureIo();
      expect(await runCli(["import", bad, "--db", join(bad, `${lang}.duckdb`), "--lang", lang], io)).not.toBe(
        0,
      );
      expect(io.err()).toContain("customers.csv");
      expect(io.err()).toContain("--encoding");
      expect(englishWords(io.err())).toEqual([]);
    }
  });

  for (const lang of ["fa", "ar", "zh"]) {
    it(`--lang ${lang}: errors and warnings carry no English word`, async () => {
      const failed = captureIo();
      expect(
        await runCli(["import", dir, "--db", join(dir, `${lang}.duckdb`), "--lang", lang], failed),
      ).not.toBe(0);
      expect(failed.err()).toContain("customers.csv");
      expect(englishWords(failed.err())).toEqual([]);

      const skipped = captureIo();
      const argv = ["import", dir, "--db", join(dir, `${lang}-s.duckdb`), "--lang", lang, "--skip-invalid"];
      expect(await runCli([...argv, "--rejects", join(dir, `${lang}-rejects.ndjson`)], skipped)).toBe(0);
      expect(skipped.out()).toContain("survey_responses.csv");
      expect(englishWords(skipped.out() + skipped.err())).toEqual([]);
    });
  }
});
