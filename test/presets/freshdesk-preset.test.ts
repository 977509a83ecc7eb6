import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { type FreshdeskExpected, generateFreshdeskExport } from "./generate-freshdesk-export.js";
import { importWithPreset, one, removeDir, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/freshdesk.yaml on a generated ticket export", () => {
  let dir = "";
  let expected: FreshdeskExpected;
  beforeAll(async () => {
    dir = await tempDir("freshdesk");
    expected = await generateFreshdeskExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports tickets, contacts and agents with no errors", async () => {
    const imported = await importWithPreset(dir, "freshdesk");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      tickets: expected.tickets,
      customers: expected.contacts,
      reps: expected.agents,
    });
  });

  it("reads day-first times and statuses exactly", async () => {
    engine = (await importWithPreset(dir, "freshdesk")).engine;
    expect(
      await one(
        engine,
        `SELECT count(*) FILTER (WHERE status = 'resolved')::INTEGER AS resolved,
                count(*) FILTER (WHERE status = 'closed')::INTEGER AS closed,
                sum(date_diff('minute', created_at, first_response_at))::INTEGER AS first_response,
                sum(date_diff('minute', created_at, resolved_at))::INTEGER AS resolution
         FROM tickets`,
      ),
    ).toEqual({
      resolved: expected.resolved,
      closed: expected.closed,
      first_response: expected.firstResponseMinutes,
      resolution: expected.resolutionMinutes,
    });
    const s = expected.sample;
    expect(
      await one(
        engine,
        `SELECT strftime(created_at, '%Y-%m-%d %H:%M:%S') AS created, strftime(resolved_at, '%Y-%m-%d %H:%M:%S') AS resolved
         FROM tickets WHERE ticket_id = '${s.ticketId}'`,
      ),
    ).toEqual({ created: s.createdAt, resolved: s.resolvedAt });
  });
});
