import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATED_ENTITIES, datedFrom } from "../../test/support/dated-records.js";
import { REFERENCE } from "../../test/support/golden-values.js";
import { TEST_ENGINES } from "../../test/support/test-engines.js";
import type { Engine } from "../core/engine.js";
import type { EntityName } from "../core/model/entities.js";
import { importDataset } from "../import/index.js";
import { type KeptReport, reportReusing } from "./reuse-report.js";
import { type ReportRequest, runReport } from "./run-report.js";

/**
 * A kept report brought up to date equals the report computed anew, byte
 * for byte, on the reference data: records of the entities that a later
 * import would add are held back, the report is kept, the records come
 * back, and the kept report is brought up to date.
 */

const REQUESTS: readonly ReportRequest[] = [
  { metrics: "all", by: ["region"] },
  { metrics: "all", grain: "week", calendar: "persian", from: "1403-W40" },
  {
    metrics: ["revenue", "cac_payback_months", "renewal_rate", "campaign_roi"],
    grain: "quarter",
    params: { payback_window: "120d" },
  },
];

describe.each(TEST_ENGINES)("a kept report brought up to date on $name", (testEngine) => {
  let engine: Engine;
  const q = (name: string) => engine.dialect.quoteIdentifier(name);

  beforeAll(async () => {
    engine = await testEngine.open();
    const result = await importDataset(engine, REFERENCE);
    expect(result.errors).toEqual([]);
  }, 180_000);
  afterAll(() => engine?.close());

  /** Moves the records of `entities` dated from `at` on out of their tables; returns what puts them back. */
  async function holdBack(entities: readonly EntityName[], at: string): Promise<() => Promise<void>> {
    const held: EntityName[] = [];
    const move = async (entity: EntityName, where: string) => {
      const rows = `SELECT * FROM ${q(entity)} WHERE ${where}`;
      await engine.execute(
        held.includes(entity)
          ? `INSERT INTO ${q(`held_${entity}`)} ${rows}`
          : `CREATE TEMP TABLE ${q(`held_${entity}`)} AS ${rows}`,
      );
      await engine.execute(`DELETE FROM ${q(entity)} WHERE ${where}`);
      if (!held.includes(entity)) held.push(entity);
    };
    for (const [entity, where] of datedFrom(engine, entities, at)) await move(entity, where);
    return async () => {
      for (const entity of held) {
        await engine.execute(`INSERT INTO ${q(entity)} SELECT * FROM ${q(`held_${entity}`)}`);
        await engine.execute(`DROP TABLE ${q(`held_${entity}`)}`);
      }
    };
  }

  const expectSameAsComputed = async (request: ReportRequest, kept: KeptReport | null) => {
    const reused = await reportReusing(engine, request, kept);
    expect(JSON.stringify(reused.result)).toBe(JSON.stringify(await runReport(engine, request)));
    return reused;
  };

  it.each(REQUESTS)(
    "orders of the last weeks come back: only later periods are computed again (%j)",
    async (request) => {
      const restore = await holdBack(["orders"], "2025-11-19T00:00:00");
      const first = await reportReusing(engine, request).finally(restore);
      expect(first.outcome.kind).toBe("computed");
      const reused = await expectSameAsComputed(request, first.kept);
      expect(reused.outcome.kind).toBe("updated");
      const groups = reused.outcome.kind === "updated" ? reused.outcome.groups : [];
      // Something computed again, and not all of it: the metrics that read no later records start late.
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.at(-1)?.from).not.toBe(reused.result.periods[0]?.label);
    },
    180_000,
  );

  // Campaigns that start later add rows (holding nothing) to every period of the campaign metrics.
  it.each([
    { held: DATED_ENTITIES.filter((e) => e !== "campaigns"), outcome: "updated" },
    { held: DATED_ENTITIES, outcome: "computed" },
  ])(
    "records of $held.length dated entities from a day in the middle come back: $outcome",
    async ({ held, outcome }) => {
      const request = REQUESTS[0] as ReportRequest;
      const restore = await holdBack(held, "2024-07-09T12:00:00");
      const first = await reportReusing(engine, request).finally(restore);
      const reused = await expectSameAsComputed(request, first.kept);
      expect(reused.outcome.kind).toBe(outcome);
    },
    180_000,
  );

  it("fills a recomputed period with the empty rows of a group only the kept periods hold", async () => {
    const request = REQUESTS[0] as ReportRequest;
    const from = engine.dialect.timestampParam("'2025-11-01 00:00:00'");
    // Leads without a customer (the null bucket of --by, no customer lacks a region) only before the recomputed periods.
    await engine.execute("UPDATE customers SET region = 'Elsewhere' WHERE region IS NULL");
    await engine.execute(`DELETE FROM leads WHERE customer_id IS NULL AND created_at >= ${from}`);
    const restore = await holdBack(["orders"], "2025-11-19T00:00:00");
    const first = await reportReusing(engine, request).finally(restore);
    const reused = await expectSameAsComputed(request, first.kept);
    expect(reused.outcome.kind).toBe("updated");
    // The report fills the null bucket over its whole range: empty rows in the recomputed periods too.
    const filled = reused.result.values.filter(
      (v) => v.metric === "lead_conversion_rate" && v.period === "2025-12" && v.segment?.region === null,
    );
    expect(filled).toEqual([expect.objectContaining({ value: null, numerator: 0, denominator: 0 })]);
  }, 180_000);

  it("an old order corrected, a customer changed, the settings changed, nothing changed", async () => {
    const request = REQUESTS[0] as ReportRequest;
    const first = await reportReusing(engine, request);
    const unchanged = await reportReusing(engine, request, first.kept);
    expect(unchanged.outcome.kind).toBe("unchanged");
    expect(unchanged.result).toBe(first.result);

    const order = `(SELECT MIN(order_id) FROM orders WHERE ordered_at < ${engine.dialect.timestampParam("'2024-01-01 00:00:00'")})`;
    await engine.execute(
      `UPDATE orders SET amount = amount + 1, amount_base = amount_base + 1 WHERE order_id = ${order}`,
    );
    const corrected = await expectSameAsComputed(request, unchanged.kept);
    expect(corrected.outcome.kind).toBe("updated");

    await engine.execute(
      `UPDATE customers SET region = 'Elsewhere' WHERE customer_id = (SELECT MIN(customer_id) FROM customers)`,
    );
    const moved = await expectSameAsComputed(request, corrected.kept);
    expect(moved.outcome.kind).toBe("computed");

    await engine.execute(`UPDATE dataset_settings SET value = '90' WHERE key = 'inactivity_days'`);
    const settings = await expectSameAsComputed(request, moved.kept);
    expect(settings.outcome.kind).toBe("computed");
    // Another request never reads a kept one.
    expect((await reportReusing(engine, { ...request, by: ["segment"] }, settings.kept)).outcome.kind).toBe(
      "computed",
    );
  }, 180_000);
});
