import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { generateZendeskExport, type ZendeskExpected } from "./generate-zendesk-export.js";
import { importWithPreset, one, removeDir, rows, sharedExport, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/zendesk.yaml on a generated ticket CSV export", () => {
  let dir = "";
  let expected: ZendeskExpected;
  beforeAll(async () => {
    dir = await tempDir("zendesk");
    expected = await generateZendeskExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports tickets, requesters and agents with no errors", async () => {
    const imported = await importWithPreset(dir, "zendesk");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      tickets: expected.tickets,
      customers: expected.requesters,
      reps: expected.agents,
    });
  });

  it("reads statuses, channels, first reply and resolution times exactly", async () => {
    engine = (await importWithPreset(dir, "zendesk")).engine;
    expect(
      await one(
        engine,
        `SELECT count(*) FILTER (WHERE status = 'resolved')::INTEGER AS solved,
                count(*) FILTER (WHERE status = 'closed')::INTEGER AS closed,
                sum(date_diff('minute', created_at, resolved_at))::INTEGER AS resolution,
                sum(date_diff('minute', created_at, first_response_at))::INTEGER AS first_reply
         FROM tickets`,
      ),
    ).toEqual({
      solved: expected.solved,
      closed: expected.closed,
      resolution: expected.resolutionMinutes,
      first_reply: expected.firstReplyMinutes,
    });
    const channels = await rows(
      engine,
      "SELECT channel, count(*)::INTEGER AS n FROM tickets GROUP BY channel",
    );
    expect(Object.fromEntries(channels.map((c) => [c.channel, c.n]))).toEqual(expected.byChannel);
    const created = await rows(
      engine,
      "SELECT customer_id, strftime(created_at, '%Y-%m-%d %H:%M:%S') AS at FROM customers",
    );
    expect(Object.fromEntries(created.map((c) => [c.customer_id, c.at]))).toEqual(expected.firstTicketAt);
  });
});

describe("presets/zendesk.yaml on Fivetran's Zendesk tables", () => {
  it("imports the connector's seed tables without errors, leaving out its 3 deleted tickets", async () => {
    const imported = await importWithPreset(sharedExport("zendesk/fivetran-dbt_zendesk_source"), "zendesk");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({ customers: 10, tickets: 7 });
  });
});
