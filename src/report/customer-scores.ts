import type { Engine } from "../core/engine.js";
import { CUSTOMER_SCORES_TABLE } from "../core/metrics/context/relation-names.js";
import { ParamList, type SqlValue } from "../core/sql/compiled-query.js";

/**
 * Customer dimensions no SQL computes: each customer's propensity decile
 * (1 = the tenth most likely) from the upsell and the churn model
 * (src/predict). A report takes them with `--by` when its caller supplies the
 * scores (`ReportRequest.customerScores`): the CLI's `report` and the API's.
 */
export const SCORED_DIMENSIONS = ["upsell_propensity_decile", "churn_propensity_decile"] as const;
export type ScoredDimension = (typeof SCORED_DIMENSIONS)[number];

export interface CustomerScores {
  /** The scored dimensions the report asks for, in this order in each row of `load`. */
  readonly dimensions: readonly ScoredDimension[];
  /** Each scored customer's values as of the report's as-of instant (epoch ms, the end of its last period). */
  load(engine: Engine, asOfMs: number): Promise<ReadonlyMap<string, readonly (number | null)[]>>;
}

export function isScoredDimension(dim: string): dim is ScoredDimension {
  return (SCORED_DIMENSIONS as readonly string[]).includes(dim);
}

/** Writes the scores into CUSTOMER_SCORES_TABLE (a temp table of this session), replacing an earlier report's. */
export async function storeCustomerScores(
  engine: Engine,
  dimensions: readonly ScoredDimension[],
  scores: ReadonlyMap<string, readonly (number | null)[]>,
): Promise<void> {
  const { dialect } = engine;
  const q = (name: string) => dialect.quoteIdentifier(name);
  const columns = dimensions
    .map((d) => `, CAST(NULL AS ${dialect.columnType("integer")}) AS ${q(d)}`)
    .join("");
  const empty = `SELECT CAST(NULL AS ${dialect.columnType("text")}) AS customer_id${columns} WHERE 1 = 0`;
  for (const statement of dialect.createTempTableAs(q(CUSTOMER_SCORES_TABLE), empty))
    await engine.execute(statement);
  // Sorted, so the table (and any plan over it) is the same every run.
  const rows = [...scores.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = 0; i < rows.length; i += 400) {
    const params = new ParamList(dialect.placeholder);
    const tuples = rows.slice(i, i + 400).map(([id, values]) => {
      const cells: SqlValue[] = [id, ...dimensions.map((_, k) => values[k] ?? null)];
      const typed = cells.map(
        (v, k) => `CAST(${params.bind(v)} AS ${dialect.columnType(k === 0 ? "text" : "integer")})`,
      );
      return `(${typed.join(", ")})`;
    });
    await engine.execute(
      `INSERT INTO ${q(CUSTOMER_SCORES_TABLE)} VALUES ${tuples.join(", ")}`,
      params.values,
    );
  }
}
