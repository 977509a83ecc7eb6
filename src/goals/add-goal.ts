import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { defineGoal, type GoalInput } from "./define-goal.js";
import { evaluateGoal, type GoalEvaluation } from "./evaluate-goal.js";
import { nextGoalId, saveGoal } from "./goal-store.js";
import { blockingFailures, type SmartEntry } from "./smart-check.js";

/** Thrown when a goal fails S, M or T; `entries` are all five letters, for the caller to explain. */
export class GoalRejectedError extends CrmKpiError {
  readonly entries: readonly SmartEntry[];
  constructor(goalId: string, entries: readonly SmartEntry[], place?: { file?: string; column?: string }) {
    const failed = blockingFailures(entries);
    super(
      "goal_invalid",
      `goal ${goalId} is not SMART: ${failed.map((e) => `${e.letter} (${e.code})`).join(", ")}`,
      { goal: goalId, letters: failed.map((e) => e.letter).join(", ") },
      place,
    );
    this.name = "GoalRejectedError";
    this.entries = entries;
  }
}

/**
 * Defines, checks and stores a goal. A goal failing Specific, Measurable or
 * Time-bound is refused (`GoalRejectedError`, nothing stored); Achievable
 * and Relevant failures are kept in the evaluation as warnings.
 *
 * @example await addGoal(engine, { metric: "new_customers", target: 12, deadline: "2024-12-31", why: "growth" }, Date.now())
 */
export async function addGoal(engine: Engine, input: GoalInput, asOfMs: number): Promise<GoalEvaluation> {
  const evaluation = await checkGoalInput(engine, input, asOfMs);
  const failed = blockingFailures(evaluation.smart);
  if (failed.length > 0) throw new GoalRejectedError(evaluation.goal.id, evaluation.smart);
  await saveGoal(engine, evaluation.goal, asOfMs);
  return evaluation;
}

/** Defines and evaluates a goal without storing it. */
export async function checkGoalInput(
  engine: Engine,
  input: GoalInput,
  asOfMs: number,
): Promise<GoalEvaluation> {
  const settings = await loadDatasetSettings(engine);
  const id = input.id?.trim() || (await nextGoalId(engine));
  const goal = defineGoal(input, { id, settings, asOfMs });
  return evaluateGoal(engine, goal, asOfMs);
}
