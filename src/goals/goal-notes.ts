import type { Engine } from "../core/engine.js";
import type { ReportRequest, ReportResult } from "../report/run-report.js";
import { evaluateGoals, type GoalEvaluation } from "./evaluate-goal.js";
import { listGoals } from "./goal-store.js";

/**
 * The status of every stored goal on one of `metricIds`, for `crm-kpi
 * report` to show next to those metrics. Goals on other metrics are left out.
 * A goal asking for the shown report's own shape reads it instead of running
 * it again.
 *
 * @example await goalNotesFor(engine, ["new_customers", "revenue"])
 */
export async function goalNotesFor(
  engine: Engine,
  metricIds: readonly string[],
  asOfMs = Date.now(),
  shownUnder?: { readonly request: ReportRequest; readonly result: ReportResult },
): Promise<GoalEvaluation[]> {
  const wanted = new Set(metricIds);
  const goals = (await listGoals(engine)).filter((g) => wanted.has(g.metric));
  return evaluateGoals(engine, goals, asOfMs, shownUnder);
}
