import { createRoute, z } from "@hono/zod-openapi";
import { CALENDARS } from "../../core/model/settings.js";
import { type PropensityJson, propensityJson } from "../../predict/propensity-json.js";
import {
  PROPENSITY_TARGETS,
  type PropensityRequest,
  runPropensity,
} from "../../predict/propensity-predict.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses } from "../openapi-schemas.js";
import { ResultCache } from "../result-cache.js";

export const PropensityQuerySchema = z.object({
  asOf: z
    .string()
    .max(10)
    .regex(/^[0-9۰-۹٠-٩]{4}-[0-9۰-۹٠-٩]{1,2}-[0-9۰-۹٠-٩]{1,2}$/)
    .optional()
    .openapi({
      description:
        "Score as of the end of this day (YYYY-MM-DD in the calendar); default: the data's last day",
    }),
  calendar: z.enum(CALENDARS).optional(),
  window: z.coerce
    .number()
    .int()
    .min(1)
    .max(730)
    .optional()
    .openapi({ description: "Outcome window in days (default 90)" }),
  top: z.coerce.number().int().min(1).optional().openapi({ description: "Only the N highest scores" }),
  lang: z.string().max(10).optional(),
});

const DriverSchema = z.object({
  feature: z.string().openapi({ description: "Feature name (`mrr`, `plan=pro`…)" }),
  contribution: z.number().openapi({ description: "Coefficient × standardized value (log-odds)" }),
});

const PropensitySchema = z
  .object({
    target: z.enum(PROPENSITY_TARGETS),
    as_of: z.string(),
    window_days: z.number().int(),
    activity: z.string(),
    model: z.object({
      kind: z.string(),
      lambda: z.number(),
      intercept: z.number(),
      training_snapshots: z.number().int(),
      training_rows: z.number().int(),
      training_positives: z.number().int(),
      converged: z.boolean(),
      coefficients: z.array(
        z.object({ feature: z.string(), coefficient: z.number(), mean: z.number(), sd: z.number() }),
      ),
    }),
    backtest: z
      .object({
        training_end: z.string(),
        test_snapshot: z.string(),
        training_snapshots: z.number().int(),
        training_rows: z.number().int(),
        test_rows: z.number().int(),
        test_positives: z.number().int(),
        auc: z.number().nullable(),
        lift_top_decile: z.number().nullable(),
      })
      .nullable(),
    customers: z.array(
      z.object({
        rank: z.number().int(),
        customer_id: z.string(),
        name: z.string().nullable(),
        score: z.number(),
        decile: z.number().int(),
        drivers: z.array(DriverSchema),
      }),
    ),
  })
  .openapi("Propensity");

const routeOf = (target: (typeof PROPENSITY_TARGETS)[number]) =>
  createRoute({
    method: "get",
    path: `/api/v1/predict/${target}`,
    tags: ["predict"],
    summary:
      target === "upsell"
        ? "Upsell propensity of every active customer as of a date, ranked and explained, with its backtest"
        : "Churn propensity of every active customer as of a date, ranked and explained, with its backtest",
    request: { query: PropensityQuerySchema },
    responses: jsonResponses(PropensitySchema, "The ranked scores, the model and the backtest"),
  });

/** GET /api/v1/predict/upsell and /churn: `runPropensity` as `crm-kpi predict … --format json` prints it. */
export function registerPropensityRoutes(app: ApiApp, deps: AppDeps): void {
  const cache = new ResultCache<PropensityJson>();
  for (const target of PROPENSITY_TARGETS) {
    app.openapi(routeOf(target), async (c) => {
      const query = c.req.valid("query");
      const request: PropensityRequest = {
        target,
        ...(query.asOf ? { asOf: query.asOf } : {}),
        ...(query.calendar ? { calendar: query.calendar } : {}),
        ...(query.window === undefined ? {} : { windowDays: query.window }),
      };
      const body = await cache.get(deps.db.version, [request], () =>
        deps.db.read(async (engine) => propensityJson(await runPropensity(engine, request))),
      );
      return c.json(
        query.top === undefined ? body : { ...body, customers: body.customers.slice(0, query.top) },
        200,
      );
    });
  }
}
