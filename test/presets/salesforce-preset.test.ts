import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { generateSalesforceExport, type SalesforceExpected } from "./generate-salesforce-export.js";
import { importWithPreset, one, removeDir, rows, sharedExport, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/salesforce.yaml on a generated Data Export", () => {
  let dir = "";
  let expected: SalesforceExpected;
  beforeAll(async () => {
    dir = await tempDir("salesforce");
    expected = await generateSalesforceExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports every object with the generator's counts and no errors", async () => {
    const imported = await importWithPreset(dir, "salesforce");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      reps: expected.users,
      customers: expected.accounts,
      leads: expected.leads,
      deals: expected.deals,
      deal_stages: expected.stageRows,
      tickets: expected.cases,
    });
    // The summary accounts for what the preset leaves out: deleted opportunities, repeated stages.
    const dropped = (entity: string) =>
      imported.result.mappingAccounting
        ?.find((a) => a.entity === entity)
        ?.counts.map((c) => [c.rule, c.rows]);
    expect(dropped("deals")).toEqual([["where", expected.deletedDeals]]);
    expect(dropped("deal_stages")).toEqual([["dedupe", expected.historyRows - expected.stageRows]]);
  });

  it("reads Windows-1252 text, empty lookups, deleted records and stage entries exactly", async () => {
    engine = (await importWithPreset(dir, "salesforce")).engine;
    // é is the same byte in Latin-1 and Windows-1252; ’ and – are not (see below).
    expect(
      await one(
        engine,
        `SELECT name LIKE 'Café Lévesque%' AS ok FROM customers WHERE customer_id = '${expected.accentedAccount.id}'`,
      ),
    ).toEqual({ ok: true });
    expect(
      await one(
        engine,
        `SELECT (sum(amount) * 100)::BIGINT::VARCHAR AS cents,
                count(*) FILTER (WHERE status = 'won')::INTEGER AS won,
                count(*) FILTER (WHERE customer_id IS NULL)::INTEGER AS no_account,
                count(*) FILTER (WHERE status = 'open' AND closed_at IS NOT NULL)::INTEGER AS open_closed
         FROM deals`,
      ),
    ).toEqual({
      cents: String(expected.amountCents),
      won: expected.wonDeals,
      no_account: expected.dealsWithoutAccount,
      open_closed: 0,
    });
    const types = await rows(engine, "SELECT type, count(*)::INTEGER AS n FROM deals GROUP BY type");
    expect(Object.fromEntries(types.map((t) => [t.type, t.n]))).toEqual(expected.dealsByType);
    // One row per (deal, stage) though the history repeats stages; each is the earliest.
    expect(
      await one(
        engine,
        "SELECT count(*)::INTEGER AS n, count(DISTINCT (deal_id, stage))::INTEGER AS pairs FROM deal_stages",
      ),
    ).toEqual({ n: expected.stageRows, pairs: expected.stageRows });
    const r = expected.repeatedStageDeal;
    const stages = await rows(
      engine,
      `SELECT stage, strftime(entered_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.000Z') AS at FROM deal_stages
       WHERE deal_id = '${r.dealId}' ORDER BY entered_at`,
    );
    expect(stages).toEqual(r.stages.map((x) => ({ stage: x.stage, at: x.enteredAt })));
    expect(
      await one(
        engine,
        `SELECT count(*) FILTER (WHERE status = 'converted' AND customer_id IS NOT NULL AND converted_at IS NOT NULL)::INTEGER AS converted,
                count(*) FILTER (WHERE status = 'disqualified')::INTEGER AS disqualified,
                count(*) FILTER (WHERE status <> 'converted' AND customer_id IS NOT NULL)::INTEGER AS stray
         FROM leads`,
      ),
    ).toEqual({ converted: expected.convertedLeads, disqualified: expected.disqualifiedLeads, stray: 0 });
    expect(
      await one(
        engine,
        "SELECT count(*) FILTER (WHERE status = 'closed' AND resolved_at IS NOT NULL)::INTEGER AS closed FROM tickets",
      ),
    ).toEqual({ closed: expected.closedCases });
  });
});

describe("presets/salesforce.yaml and Windows-1252's own letters", () => {
  // Node 20 alone reads bytes 0x80–0x9F as C1 controls; src/import/text-decoding.ts maps them.
  it("reads ’ and – of a Data Export account name", async () => {
    const dir = await tempDir("salesforce-1252");
    try {
      const expected = await generateSalesforceExport(dir);
      engine = (await importWithPreset(dir, "salesforce")).engine;
      expect(
        await one(engine, `SELECT name FROM customers WHERE customer_id = '${expected.accentedAccount.id}'`),
      ).toEqual({ name: expected.accentedAccount.name });
    } finally {
      await removeDir(dir);
    }
  });
});

describe("presets/salesforce.yaml on Fivetran's Salesforce tables", () => {
  it("imports the connector's seed tables without errors, leaving out deleted records", async () => {
    const imported = await importWithPreset(
      sharedExport("salesforce/fivetran-dbt_salesforce_source"),
      "salesforce",
    );
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    // Every seed opportunity is deleted (is_deleted true), as are 9 of the 10 accounts.
    expect(imported.result.rowsByEntity).toMatchObject({ customers: 1, leads: 1, deals: 0, deal_stages: 0 });
    expect(await one(engine, "SELECT status FROM leads")).toEqual({ status: "converted" });
  });
});
