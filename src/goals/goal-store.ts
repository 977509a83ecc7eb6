import type { Grain } from "../calendar/period-types.js";
import type { Engine, ResultRow } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import type { CalendarId } from "../core/model/settings.js";
import { timestampText } from "../core/sql/timestamp-text.js";
import { targetTooLarge } from "./define-goal.js";
import { GOAL_TARGET_LIMIT, type Goal, type GoalDirection } from "./goal.js";

const COLUMNS = [
  "goal_id",
  "metric",
  "segment",
  "target",
  "direction",
  "start_date",
  "deadline",
  "owner",
  "why",
  "grain",
  "calendar",
  "created_at",
] as const;

/** Inserts or replaces a goal (same id). */
export async function saveGoal(engine: Engine, goal: Goal, now = Date.now()): Promise<void> {
  // A DECIMAL overflow would surface as DuckDB's conversion error: say what is wrong instead.
  if (!Number.isFinite(goal.target) || Math.abs(goal.target) >= GOAL_TARGET_LIMIT) {
    throw targetTooLarge(String(goal.target));
  }
  const q = engine.dialect.quoteIdentifier;
  // Every column is text or a number but created_at, a TIMESTAMP: its text is cast, as every engine needs.
  const placeholders = COLUMNS.map((column, i) => {
    const placeholder = engine.dialect.placeholder(i + 1);
    return column === "created_at" ? engine.dialect.timestampParam(placeholder) : placeholder;
  });
  await engine.transaction(async () => {
    await engine.execute(`DELETE FROM ${q("goals")} WHERE goal_id = ${engine.dialect.placeholder(1)}`, [
      goal.id,
    ]);
    await engine.execute(
      `INSERT INTO ${q("goals")} (${COLUMNS.map(q).join(", ")}) VALUES (${placeholders.join(", ")})`,
      [
        goal.id,
        goal.metric,
        goal.segment ? JSON.stringify(goal.segment) : null,
        goal.target,
        goal.direction,
        goal.start,
        goal.deadline,
        goal.owner,
        goal.why,
        goal.grain,
        goal.calendar,
        timestampText(now),
      ],
    );
  });
}

/** Every stored goal, in id order (g2 before g10). */
export async function listGoals(engine: Engine): Promise<Goal[]> {
  const rows = await engine.query({
    sql: `SELECT * FROM ${engine.dialect.quoteIdentifier("goals")}`,
    params: [],
  });
  return rows.map(toGoal).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
}

/** The goal with this id; `unknown_goal` when there is none. */
export async function getGoal(engine: Engine, id: string): Promise<Goal> {
  const goal = (await listGoals(engine)).find((g) => g.id === id);
  if (!goal) throw unknownGoal(id);
  return goal;
}

/** Deletes a goal; `unknown_goal` when there is none. */
export async function removeGoal(engine: Engine, id: string): Promise<void> {
  await getGoal(engine, id);
  const q = engine.dialect.quoteIdentifier;
  await engine.execute(`DELETE FROM ${q("goals")} WHERE goal_id = ${engine.dialect.placeholder(1)}`, [id]);
}

/** The next free id of the form `g<n>`. */
export async function nextGoalId(engine: Engine): Promise<string> {
  const used = (await listGoals(engine))
    .map((g) => /^g(\d+)$/.exec(g.id)?.[1])
    .filter((n) => n !== undefined);
  return `g${Math.max(0, ...used.map(Number)) + 1}`;
}

function unknownGoal(id: string): CrmKpiError {
  return new CrmKpiError("unknown_goal", `there is no goal "${id}"`, { goal: id }, { value: id });
}

function toGoal(row: ResultRow): Goal {
  const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
  const segment = text(row.segment);
  return {
    id: String(row.goal_id),
    metric: String(row.metric),
    segment: segment === null ? null : (JSON.parse(segment) as Record<string, string>),
    target: Number(row.target),
    direction: String(row.direction) as GoalDirection,
    start: String(row.start_date),
    deadline: text(row.deadline),
    owner: text(row.owner),
    why: text(row.why),
    grain: String(row.grain) as Grain,
    calendar: String(row.calendar) as CalendarId,
  };
}
