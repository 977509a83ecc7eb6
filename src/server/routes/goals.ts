import { createRoute, z } from "@hono/zod-openapi";
import { parseCalendarDate } from "../../calendar/parse-calendar-date.js";
import { GRAINS } from "../../calendar/period-types.js";
import { localDateOf } from "../../calendar/zoned-time.js";
import type { Engine } from "../../core/engine.js";
import { CALENDARS, type CalendarId } from "../../core/model/settings.js";
import {
  addGoal,
  checkGoalInput,
  deadlineEndMs,
  evaluateGoal,
  type GoalEvaluation,
  type GoalInput,
  GoalRejectedError,
  getGoal,
  listGoals,
  removeGoal,
  type SmartEntry,
} from "../../goals/index.js";
import { type Lang, lookupMessage } from "../../messages/index.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { errorBodyOf } from "../http-errors.js";
import { jsonBody, jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";

// A date of the request's calendar; Persian and Arabic-Indic digits too (parseCalendarDate reads them).
const DateText = z
  .string()
  .max(10)
  .regex(
    /^[0-9\u06F0-\u06F9\u0660-\u0669]{4}-[0-9\u06F0-\u06F9\u0660-\u0669]{1,2}-[0-9\u06F0-\u06F9\u0660-\u0669]{1,2}$/,
  );
const Text = z.string().max(500);

const TARGET_LIMIT = 1e12;

/** A target as typed (`12`, `3%`, `۱۲`): parsing and its message stay defineGoal's; only the size is checked here. */
function isBoundedTargetText(text: string): boolean {
  const digits = text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, "0");
  const integerPart = digits.split(/[.\u066B]/)[0] ?? "";
  return !/[eE]/.test(digits) && (integerPart.match(/[0-9]/g)?.length ?? 0) <= 12;
}

const GoalSchema = z
  .object({
    id: z.string(),
    metric: z.string(),
    segment: z.record(z.string(), z.string()).nullable(),
    target: z.number(),
    direction: z.string(),
    start: z.string(),
    deadline: z.string().nullable(),
    owner: z.string().nullable(),
    why: z.string().nullable(),
    grain: z.string(),
    calendar: z.string(),
  })
  .openapi("Goal");

const GoalInputSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    metric: z.string().min(1).max(100),
    // Targets fit the goals table's DECIMAL: at most 12 integer digits, no exponent.
    target: z.union([
      z.number().min(-TARGET_LIMIT).max(TARGET_LIMIT),
      z.string().max(40).refine(isBoundedTargetText, "at most 12 integer digits"),
    ]),
    direction: z.enum(["at-least", "at-most"]).optional(),
    start: Text.optional(),
    deadline: Text.optional(),
    segment: z.record(z.string().max(100), z.string().max(200)).optional(),
    owner: Text.optional(),
    why: z.string().max(2000).optional(),
    grain: z.enum(GRAINS).optional(),
    calendar: z.enum(CALENDARS).optional(),
    asOf: DateText.optional(),
  })
  .strict()
  .openapi("GoalInput");

const SmartEntrySchema = z
  .object({
    letter: z.string(),
    ok: z.boolean(),
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    message: z.string(),
  })
  .openapi("SmartEntry");

const EvaluationSchema = z
  .object({
    goal: GoalSchema,
    mode: z.string(),
    baseline: z.number().nullable(),
    current: z.number().nullable(),
    currentPeriod: z.string().nullable(),
    progress: z.number().nullable(),
    projection: z.record(z.string(), z.unknown()),
    status: z.string(),
    reason: z.string(),
    achievability: z.record(z.string(), z.unknown()),
    smart: z.array(SmartEntrySchema),
    asOf: z.string(),
  })
  .openapi("GoalEvaluation");

const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .openapi({ param: { name: "id", in: "path" } }),
});
const StatusQuery = z.object({ asOf: DateText.optional(), calendar: z.enum(CALENDARS).optional() });

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/goals",
  tags: ["goals"],
  summary: "Every stored goal",
  responses: jsonResponses(z.object({ goals: z.array(GoalSchema) }).openapi("GoalList"), "The goals"),
});
const createGoalRoute = createRoute({
  method: "post",
  path: "/api/v1/goals",
  tags: ["goals"],
  summary: "Add a goal (admin); refused with the SMART check when S, M or T fail",
  request: { body: jsonBody(GoalInputSchema) },
  responses: jsonResponses(EvaluationSchema, "The stored goal and its evaluation"),
});
const updateRoute = createRoute({
  method: "put",
  path: "/api/v1/goals/{id}",
  tags: ["goals"],
  summary: "Replace a goal (admin)",
  request: { params: IdParam, body: jsonBody(GoalInputSchema) },
  responses: jsonResponses(EvaluationSchema, "The stored goal and its evaluation"),
});
const deleteRoute = createRoute({
  method: "delete",
  path: "/api/v1/goals/{id}",
  tags: ["goals"],
  summary: "Remove a goal (admin)",
  request: { params: IdParam },
  responses: jsonResponses(z.object({ id: z.string(), removed: z.boolean() }), "The goal was removed"),
});
const statusRoute = createRoute({
  method: "get",
  path: "/api/v1/goals/{id}/status",
  tags: ["goals"],
  summary: "Progress, projection to the deadline and status of a goal",
  request: { params: IdParam, query: StatusQuery },
  responses: jsonResponses(EvaluationSchema, "The evaluation"),
});
const checkRoute = createRoute({
  method: "post",
  path: "/api/v1/goals/check",
  tags: ["goals"],
  summary: "The SMART check of a draft goal; nothing is stored",
  request: { body: jsonBody(GoalInputSchema) },
  responses: jsonResponses(EvaluationSchema, "The evaluation of the draft"),
});

type GoalBody = z.infer<typeof GoalInputSchema>;

function goalInputOf(body: GoalBody, id?: string): GoalInput {
  // Without a start, defineGoal starts on the as-of day (or the deadline's year), as in `crm-kpi goals add`.
  const { asOf: _asOf, ...input } = body;
  return { ...input, ...(id ? { id } : {}) };
}

/** The end of the as-of day (a status "as of Dec 31" counts Dec 31), else now. */
async function asOfInstant(engine: Engine, text: string | undefined, calendar?: CalendarId): Promise<number> {
  if (text === undefined) return Date.now();
  const settings = await loadDatasetSettings(engine);
  const dayMs = parseCalendarDate(text, calendar ?? settings.calendar, settings.timezone);
  return deadlineEndMs(localDateOf(dayMs, settings.timezone), settings.timezone);
}

function smartJson(entries: readonly SmartEntry[], lang: Lang): z.infer<typeof SmartEntrySchema>[] {
  return entries.map((e) => ({
    ...e,
    params: { ...e.params },
    message: lookupMessage(lang, `goals.smart.${e.code}`, e.params) ?? e.code,
  }));
}

function evaluationJson(e: GoalEvaluation, lang: Lang): z.infer<typeof EvaluationSchema> {
  return {
    ...e,
    goal: { ...e.goal, segment: e.goal.segment ? { ...e.goal.segment } : null },
    projection: { ...e.projection },
    achievability: { ...e.achievability },
    smart: smartJson(e.smart, lang),
    asOf: new Date(e.asOf).toISOString(),
  };
}

export function registerGoalRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const goals = await deps.db.read(listGoals);
    return c.json({ goals: goals.map((g) => ({ ...g, segment: g.segment ? { ...g.segment } : null })) }, 200);
  });

  // A refused goal answers 422 with the five SMART letters in details.smart.
  const save = async (body: GoalBody, lang: Lang, id?: string) => {
    try {
      return await deps.db.write(async (engine) => {
        if (id) await getGoal(engine, id);
        const asOfMs = await asOfInstant(engine, body.asOf, body.calendar);
        return addGoal(engine, goalInputOf(body, id), asOfMs);
      });
    } catch (error) {
      if (!(error instanceof GoalRejectedError)) throw error;
      const { status, body: errorBody } = errorBodyOf(error, lang);
      errorBody.error.details.smart = smartJson(error.entries, lang);
      return { status, errorBody };
    }
  };

  app.openapi(createGoalRoute, async (c) => {
    requireAdmin(c);
    const lang = c.get("lang");
    const result = await save(c.req.valid("json"), lang);
    if ("errorBody" in result) return c.json(result.errorBody, 422);
    return c.json(evaluationJson(result, lang), 200);
  });

  app.openapi(updateRoute, async (c) => {
    requireAdmin(c);
    const lang = c.get("lang");
    const result = await save(c.req.valid("json"), lang, c.req.valid("param").id);
    if ("errorBody" in result) return c.json(result.errorBody, 422);
    return c.json(evaluationJson(result, lang), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    await deps.db.write((engine) => removeGoal(engine, id));
    return c.json({ id, removed: true }, 200);
  });

  app.openapi(statusRoute, async (c) => {
    const { id } = c.req.valid("param");
    const q = c.req.valid("query");
    const evaluation = await deps.db.read(async (engine) => {
      const goal = await getGoal(engine, id);
      // asOf is read in the calendar the request names (else the dataset's), not the goal's.
      return evaluateGoal(engine, goal, await asOfInstant(engine, q.asOf, q.calendar));
    });
    return c.json(evaluationJson(evaluation, c.get("lang")), 200);
  });

  app.openapi(checkRoute, async (c) => {
    const body = c.req.valid("json");
    const evaluation = await deps.db.read(async (engine) =>
      checkGoalInput(engine, goalInputOf(body), await asOfInstant(engine, body.asOf, body.calendar)),
    );
    return c.json(evaluationJson(evaluation, c.get("lang")), 200);
  });
}
