import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../../src/import/import-dataset.js";
import { generateMailchimpExport, type MailchimpExpected } from "./generate-mailchimp-export.js";
import { one, presetFile, removeDir, rows, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/mailchimp.yaml on a generated audience export", () => {
  let dir = "";
  let crm = "";
  let expected: MailchimpExpected;
  beforeAll(async () => {
    dir = await tempDir("mailchimp");
    crm = await tempDir("mailchimp-crm");
    expected = await generateMailchimpExport(dir);
    // The CRM import that comes first: Mailchimp members are not customers.
    await writeFile(path.join(crm, "customers.csv"), "customer_id,created_at\nc1,2023-01-01\n");
  });
  afterAll(async () => {
    await removeDir(dir);
    await removeDir(crm);
  });

  it("imports subscribed, unsubscribed and cleaned members as email events", async () => {
    engine = await openDuckDB(":memory:");
    await importDataset(engine, crm);
    const result = await importDataset(engine, dir, { mappingFile: presetFile("mailchimp") });
    expect(result.errors).toEqual([]);
    expect(result.rowsByEntity.email_events).toBe(
      expected.subscribedEvents + expected.unsubscribedEvents + expected.bouncedEvents,
    );
    const byEvent = await rows(
      engine,
      "SELECT event, count(*)::INTEGER AS n FROM email_events GROUP BY event",
    );
    expect(Object.fromEntries(byEvent.map((e) => [e.event, e.n]))).toEqual({
      subscribed: expected.subscribedEvents,
      unsubscribed: expected.unsubscribedEvents,
      bounced: expected.bouncedEvents,
    });
    const s = expected.sample;
    expect(
      await one(
        engine,
        `SELECT strftime((max("at") FILTER (WHERE event = 'subscribed')) AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS sub,
                strftime((max("at") FILTER (WHERE event = 'unsubscribed')) AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS unsub
         FROM email_events WHERE email = '${s.email}'`,
      ),
    ).toEqual({ sub: s.subscribedAt, unsub: s.unsubscribedAt });
  });

  it("says customers must come first when the database has none", async () => {
    engine = await openDuckDB(":memory:");
    await expect(importDataset(engine, dir, { mappingFile: presetFile("mailchimp") })).rejects.toThrow(
      /customers are required/,
    );
  });
});
