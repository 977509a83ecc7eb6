export { type Achievability, type AchievabilityClass, judgeAchievability } from "./achievability.js";
export { addGoal, checkGoalInput, GoalRejectedError } from "./add-goal.js";
export { defineGoal, type GoalInput } from "./define-goal.js";
export { evaluateGoal, evaluateGoals, type GoalEvaluation } from "./evaluate-goal.js";
export {
  defaultGoalDirection,
  GOAL_DIRECTIONS,
  type Goal,
  type GoalDirection,
  type GoalMode,
  goalModeOf,
  meetsTarget,
} from "./goal.js";
export { calendarDateText, deadlineEndMs } from "./goal-dates.js";
export {
  GOAL_STATUSES,
  type GoalStatus,
  judgeStatus,
  type StatusReason,
  shareOfTheWay,
} from "./goal-status.js";
export { getGoal, listGoals, nextGoalId, removeGoal, saveGoal } from "./goal-store.js";
export { loadGoalsFile } from "./load-goals-file.js";
export {
  type Projection,
  type ProjectionMethod,
  projectCumulative,
  projectLevel,
  TREND_PERIODS,
} from "./projection.js";
export {
  blockingFailures,
  checkSmart,
  SMART_LETTERS,
  type SmartEntry,
  type SmartLetter,
} from "./smart-check.js";
