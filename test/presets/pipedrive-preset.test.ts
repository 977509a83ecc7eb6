import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { generatePipedriveExport, type PipedriveExpected } from "./generate-pipedrive-export.js";
import { importWithPreset, one, removeDir, rows, sharedExport, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/pipedrive.yaml on a generated deals export re-saved by a spreadsheet", () => {
  let dir = "";
  let expected: PipedriveExpected;
  beforeAll(async () => {
    dir = await tempDir("pipedrive");
    expected = await generatePipedriveExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports deals, their organizations and owners with no errors", async () => {
    const imported = await importWithPreset(dir, "pipedrive");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      customers: expected.organizations,
      reps: expected.reps,
      deals: expected.deals,
    });
  });

  it('reads "$3,000" values and M/D/YYYY times exactly', async () => {
    engine = (await importWithPreset(dir, "pipedrive")).engine;
    expect(
      await one(
        engine,
        `SELECT (sum(amount) * 100)::BIGINT::VARCHAR AS cents,
                (sum(amount) FILTER (WHERE status = 'won') * 100)::BIGINT::VARCHAR AS won_cents,
                count(*) FILTER (WHERE status = 'won')::INTEGER AS won,
                count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost,
                count(*) FILTER (WHERE status <> 'open' AND closed_at IS NULL)::INTEGER AS undated
         FROM deals`,
      ),
    ).toEqual({
      cents: String(expected.amountCents),
      won_cents: String(expected.wonAmountCents),
      won: expected.wonDeals,
      lost: expected.lostDeals,
      undated: 0,
    });
    const s = expected.sample;
    expect(
      await one(
        engine,
        `SELECT (amount * 100)::BIGINT::VARCHAR AS cents, strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed FROM deals WHERE deal_id = '${s.dealId}'`,
      ),
    ).toEqual({ cents: s.amount.replace(".", ""), closed: s.closedAt });
    // An organization is known from its earliest deal.
    const created = await rows(
      engine,
      "SELECT customer_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS at FROM customers",
    );
    expect(Object.fromEntries(created.map((c) => [c.customer_id, c.at]))).toEqual(expected.firstDealAt);
  });
});

describe("presets/pipedrive.yaml on the okikio list-view sample", () => {
  it("names the list-view column to add when the export lacks one", async () => {
    // The sample (synthetic, from Pipedrive's documentation) has no Pipeline, Won time or Lost time column.
    await expect(importWithPreset(sharedExport("pipedrive/okikio-utils"), "pipedrive")).rejects.toThrow(
      /has no column "Deal - Pipeline"/,
    );
  });
});
