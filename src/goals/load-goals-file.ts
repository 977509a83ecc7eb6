import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import { CALENDARS } from "../core/model/settings.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { GoalRejectedError } from "./add-goal.js";
import type { GoalInput } from "./define-goal.js";
import { defineGoal } from "./define-goal.js";
import { evaluateGoal, type GoalEvaluation } from "./evaluate-goal.js";
import { saveGoal } from "./goal-store.js";
import { blockingFailures } from "./smart-check.js";

// YAML may read an unquoted 2024-12-31 as text or (YAML 1.1) as a date: take both.
const dateText = z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]);
const scalarText = z.union([z.string(), z.number()]).transform(String);

const goalEntrySchema = z.strictObject({
  id: scalarText,
  metric: z.string().min(1),
  target: z.union([z.number(), z.string().min(1)]),
  direction: z.enum(["at-least", "at-most"]).optional(),
  start: dateText.optional(),
  deadline: dateText.optional(),
  segment: z.record(z.string(), scalarText).optional(),
  owner: scalarText.optional(),
  why: z.string().optional(),
  grain: z.enum(["day", "week", "month", "quarter", "year", "fiscal_quarter", "fiscal_year"]).optional(),
  calendar: z.enum(CALENDARS).optional(),
});

const goalsObjectSchema = z.strictObject({
  calendar: z.enum(CALENDARS).optional(),
  goals: z.array(goalEntrySchema),
});
// A bare list is read as `{ goals: [...] }`, so that errors name `goals[0].metric` either way.
const goalsFileSchema = z.preprocess((raw) => (Array.isArray(raw) ? { goals: raw } : raw), goalsObjectSchema);

/**
 * Reads a goals.yaml (or .json) file: either `{ calendar?, goals: [...] }` or
 * a bare list; each goal has an `id` so that loading again replaces it. All
 * goals are checked before any is stored: one bad goal stores none. Errors
 * name the file and the key (`goals.yaml: goals[1].deadline`).
 *
 * @example await loadGoalsFile(engine, "goals.yaml", Date.now())
 */
export async function loadGoalsFile(engine: Engine, file: string, asOfMs: number): Promise<GoalEvaluation[]> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw fileError(file, "", `cannot read ${file}; check the path`);
  }
  let raw: unknown;
  // The YAML parser loads on demand, so that commands without a goals file never load it.
  const parseYaml = file.toLowerCase().endsWith(".json") ? undefined : (await import("yaml")).parse;
  try {
    raw = parseYaml ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw fileError(file, "", `${name} is not valid ${file.endsWith(".json") ? "JSON" : "YAML"}: ${detail}`);
  }
  const parsed = goalsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue ? keyPath(issue.path) : "";
    throw fileError(file, key, `${name}: ${key || "top level"}: ${issue?.message ?? "invalid"}`);
  }
  const settings = await loadDatasetSettings(engine);
  const evaluations: GoalEvaluation[] = [];
  const seen = new Set<string>();
  for (const [i, entry] of parsed.data.goals.entries()) {
    const prefix = `goals[${i}]`;
    if (seen.has(entry.id))
      throw fileError(file, `${prefix}.id`, `${name}: ${prefix}.id: the id "${entry.id}" is used twice`);
    seen.add(entry.id);
    const input: GoalInput = {
      ...entry,
      ...((entry.calendar ?? parsed.data.calendar)
        ? { calendar: entry.calendar ?? parsed.data.calendar }
        : {}),
    };
    let evaluation: GoalEvaluation;
    try {
      evaluation = await evaluateGoal(engine, defineGoal(input, { id: entry.id, settings, asOfMs }), asOfMs);
    } catch (error) {
      if (error instanceof CrmKpiError && typeof error.params.key === "string") {
        const key = `${prefix}.${error.params.key}`;
        throw fileError(file, key, `${name}: ${key}: ${error.message}`);
      }
      throw error;
    }
    const failed = blockingFailures(evaluation.smart);
    if (failed.length > 0) {
      throw new GoalRejectedError(`${entry.id} (${name}: ${prefix})`, evaluation.smart, {
        file,
        column: prefix,
      });
    }
    evaluations.push(evaluation);
  }
  await engine.transaction(async () => {
    for (const e of evaluations) await saveGoal(engine, e.goal, asOfMs);
  });
  return evaluations;
}

function keyPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>(
    (acc, part) =>
      typeof part === "number" ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    "",
  );
}

function fileError(file: string, key: string, message: string): CrmKpiError {
  return new CrmKpiError(
    "goal_invalid",
    message,
    { key, detail: message },
    { file, ...(key ? { column: key } : {}) },
  );
}
