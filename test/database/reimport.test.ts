import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importDataset } from "../../src/import/import-dataset.js";
import { TEST_ENGINES } from "../support/test-engines.js";

/** A folder of canonical CSV files; `stageDay` moves every deal's second stage, `amount` changes the spend rows. */
async function writeFolder(dir: string, deals: number, stageDay: number, amount: string): Promise<void> {
  const ids = Array.from({ length: deals }, (_, i) => i + 1);
  const lines = (header: string, rows: string[]) => `${header}\n${rows.join("\n")}\n`;
  await writeFile(path.join(dir, "customers.csv"), lines("customer_id,created_at", ["C1,2024-01-01"]));
  await writeFile(
    path.join(dir, "deals.csv"),
    lines(
      "deal_id,customer_id,created_at,status",
      ids.map((i) => `D${i},C1,2024-01-01,open`),
    ),
  );
  await writeFile(
    path.join(dir, "deal_stages.csv"),
    lines(
      "deal_id,stage,entered_at",
      ids.flatMap((i) => [
        `D${i},qualified,2024-01-02`,
        `D${i},proposal,2024-02-${String(stageDay).padStart(2, "0")}`,
      ]),
    ),
  );
  // channel and campaign_id are empty: NULL key columns still match their own row.
  await writeFile(
    path.join(dir, "spend.csv"),
    lines("date,category,channel,amount,currency", [
      `2024-01-05,marketing,,${amount},USD`,
      "2024-01-06,sales,ads,7,USD",
    ]),
  );
}

/** Re-importing rows with the same key replaces them (DATA_MODEL.md), on every engine. */
describe.each(TEST_ENGINES)("re-import on $name", (testEngine) => {
  it("replaces rows of composite keys, nullable parts included, instead of adding them", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-reimport-"));
    const engine = await testEngine.open();
    try {
      await writeFolder(dir, 50, 3, "100");
      await importDataset(engine, dir);
      await importDataset(engine, dir);
      const count = async (table: string) =>
        Number((await engine.query({ sql: `SELECT COUNT(*) AS n FROM ${table}`, params: [] }))[0]?.n);
      expect(await count("deal_stages")).toBe(100);
      expect(await count("spend")).toBe(2);
      // The second stage moves: a new key, so each deal keeps its old entry beside the new one.
      await writeFolder(dir, 50, 9, "100");
      await importDataset(engine, dir);
      expect(await count("deal_stages")).toBe(150);
      expect(await count("spend")).toBe(2);
    } finally {
      await engine.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
