import type { Engine } from "../../src/core/engine.js";
import { ENTITIES, type EntityName } from "../../src/core/model/entities.js";

/** The entities whose records carry dates, but customers: the records of every other entity point at them. */
export const DATED_ENTITIES: readonly EntityName[] = ENTITIES.filter(
  (e) => e.name !== "customers" && e.columns.some((c) => c.kind === "timestamp" || c.kind === "date"),
).map((e) => e.name);

/**
 * Per table, the SQL condition on the records of `entities` whose earliest
 * date is `at` (ISO text) or later: what a later import would add. Deals take
 * their stage history with them (listed first).
 */
export function datedFrom(
  engine: Engine,
  entities: readonly EntityName[],
  at: string,
): [EntityName, string][] {
  const q = engine.dialect.quoteIdentifier;
  const from = engine.dialect.timestampParam(`'${at}'`);
  const earliest = (entity: EntityName) => {
    const dates = (ENTITIES.find((e) => e.name === entity)?.columns ?? [])
      .filter((c) => c.kind === "timestamp" || c.kind === "date")
      .map((c) => q(c.name));
    return dates.length === 1 ? `${dates[0]}` : `LEAST(${dates.join(", ")})`;
  };
  const conditions: [EntityName, string][] = [];
  if (entities.includes("deals")) {
    conditions.push([
      "deal_stages",
      `deal_id IN (SELECT deal_id FROM deals WHERE ${earliest("deals")} >= ${from})`,
    ]);
  }
  for (const entity of ENTITIES) {
    if (entities.includes(entity.name)) conditions.push([entity.name, `${earliest(entity.name)} >= ${from}`]);
  }
  return conditions;
}
