import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/import-dataset.js";
import { generateHubSpotExport, type HubSpotExpected } from "./generate-hubspot-export.js";
import {
  importWithPreset,
  one,
  presetFile,
  removeDir,
  rows,
  sharedExport,
  tempDir,
  warningCodes,
} from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/hubspot.yaml on a generated UI export", () => {
  let dir = "";
  let expected: HubSpotExpected;
  beforeAll(async () => {
    dir = await tempDir("hubspot");
    expected = await generateHubSpotExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports every object with the generator's counts and no errors", async () => {
    const imported = await importWithPreset(dir, "hubspot");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      customers: expected.companies,
      reps: expected.reps,
      leads: expected.contacts,
      deals: expected.deals,
      deal_stages: expected.stageRows,
      tickets: expected.tickets,
    });
    // Only the sources of the other shapes (Fivetran, sentence-case contacts) find no file;
    // every owner is a known rep.
    expect(warningCodes(imported.result)).toEqual({ mapping_no_file: 7 });
  });

  it("reads amounts, statuses, types and the stage history exactly", async () => {
    engine = (await importWithPreset(dir, "hubspot")).engine;
    expect(
      await one(
        engine,
        `SELECT (sum(amount) * 100)::BIGINT AS cents,
                count(*) FILTER (WHERE status = 'won')::INTEGER AS won,
                count(*) FILTER (WHERE status = 'lost')::INTEGER AS lost,
                count(*) FILTER (WHERE status = 'open' AND closed_at IS NOT NULL)::INTEGER AS open_closed,
                count(*) FILTER (WHERE pipeline = 'Renewals')::INTEGER AS renewals
         FROM deals`,
      ),
    ).toEqual({
      cents: String(expected.amountCents),
      won: expected.wonDeals,
      lost: expected.lostDeals,
      open_closed: 0,
      renewals: expected.renewalDeals,
    });
    const s = expected.sample;
    expect(
      await one(engine, `SELECT customer_id, owner_id, status FROM deals WHERE deal_id = '${s.dealId}'`),
    ).toEqual({ customer_id: s.customerId, owner_id: s.ownerId, status: s.status });
    const stages = await rows(
      engine,
      `SELECT stage, strftime(entered_at, '%Y-%m-%d %H:%M:%S') AS at FROM deal_stages
       WHERE deal_id = '${s.dealId}' ORDER BY entered_at`,
    );
    expect(stages).toEqual(s.stages.map((x) => ({ stage: x.stage, at: x.enteredAt })));
  });

  it("turns contacts into leads with their lifecycle and source", async () => {
    engine = (await importWithPreset(dir, "hubspot")).engine;
    expect(
      await one(
        engine,
        `SELECT count(*) FILTER (WHERE status = 'converted')::INTEGER AS converted,
                count(*) FILTER (WHERE status = 'disqualified')::INTEGER AS disqualified,
                count(*) FILTER (WHERE status = 'converted' AND converted_at IS NULL)::INTEGER AS undated
         FROM leads`,
      ),
    ).toEqual({ converted: expected.convertedLeads, disqualified: expected.disqualifiedLeads, undated: 0 });
    const bySource = await rows(engine, "SELECT source, count(*)::INTEGER AS n FROM leads GROUP BY source");
    expect(Object.fromEntries(bySource.map((r) => [r.source, r.n]))).toEqual(expected.leadsBySource);
    expect(
      await one(
        engine,
        "SELECT count(*) FILTER (WHERE status = 'closed' AND resolved_at IS NOT NULL)::INTEGER AS closed FROM tickets",
      ),
    ).toEqual({ closed: expected.closedTickets });
  });
});

describe("presets/hubspot.yaml on Fivetran's HubSpot tables", () => {
  it("imports the connector's seed tables without errors", async () => {
    const imported = await importWithPreset(sharedExport("hubspot/fivetran-dbt_hubspot_source"), "hubspot");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      customers: 24,
      leads: 22,
      deals: 44,
      deal_stages: 14,
      tickets: 25,
      // the seed's email events are opens, sends and deliveries only
      email_events: 0,
    });
  });
});

describe("presets/hubspot.yaml on the okikio contacts export sample", () => {
  it("reads the sentence-case labels of a contacts export into leads", async () => {
    // A contacts export alone brings no customers: the companies come from an earlier import.
    const crm = await tempDir("hubspot-crm");
    await writeFile(path.join(crm, "customers.csv"), "customer_id,created_at\n1584001001,2025-01-01\n");
    engine = await openDuckDB(":memory:");
    await importDataset(engine, crm);
    await removeDir(crm);
    // The folder's official import templates (no Record ID) match no source and are skipped.
    const result = await importDataset(engine, sharedExport("hubspot/okikio-utils"), {
      mappingFile: presetFile("hubspot"),
    });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity.leads).toBe(2);
    expect(
      await rows(
        engine,
        "SELECT lead_id, status, customer_id, owner_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS at FROM leads ORDER BY lead_id",
      ),
    ).toEqual([
      {
        lead_id: "2059001001",
        status: "converted",
        customer_id: "1584001001",
        owner_id: "Avery Morgan",
        at: "2025-02-14 15:24:31",
      },
      {
        lead_id: "2059001003",
        status: "open",
        customer_id: null,
        owner_id: "Jordan Lee",
        at: "2025-09-03 09:06:00",
      },
    ]);
  });
});

describe("presets/hubspot.yaml on an export whose header repeats a column", () => {
  let dir = "";
  afterEach(() => removeDir(dir));

  // Two properties with one label give one header name twice: harmless unless a rule reads it.
  it("imports when the repeated column is one the preset does not read", async () => {
    dir = await tempDir("hubspot-repeated");
    const expected = await generateHubSpotExport(dir, 9, {
      repeatDealColumn: "Number of Associated Contacts",
    });
    const imported = await importWithPreset(dir, "hubspot");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity.deals).toBe(expected.deals);
  });

  it("stops, naming the column and both positions, when the preset reads it", async () => {
    dir = await tempDir("hubspot-repeated-read");
    await generateHubSpotExport(dir, 9, { repeatDealColumn: "Deal owner" });
    await expect(importWithPreset(dir, "hubspot")).rejects.toThrow(
      /names Deal owner twice, in columns 8 and 13/,
    );
  });
});
