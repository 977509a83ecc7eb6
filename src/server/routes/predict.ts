import { createRoute, z } from "@hono/zod-openapi";
import { type ClvDocument, clvDocument } from "../../predict/clv-document.js";
import { predictClv } from "../../predict/predict-clv.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses } from "../openapi-schemas.js";
import { ResultCache } from "../result-cache.js";

const ClvCustomerSchema = z
  .object({
    customer_id: z.string(),
    frequency: z.number(),
    recency_weeks: z.number(),
    age_weeks: z.number(),
    average_value: z.number().nullable(),
    p_alive: z.number(),
    expected_purchases: z.number(),
    expected_average_value: z.number().nullable(),
    clv: z.number().nullable(),
    holdout_purchases: z.number().nullable(),
    holdout_predicted: z.number().nullable(),
  })
  .openapi("ClvCustomer");

const ClvSchema = z
  .object({
    bg_nbd: z.object({
      r: z.number(),
      alpha: z.number(),
      a: z.number(),
      b: z.number(),
      log_likelihood: z.number(),
    }),
    // Null when fewer than two customers have repeat purchases of positive value.
    gamma_gamma: z.object({ p: z.number(), q: z.number(), v: z.number() }).nullable(),
    customers: z.array(ClvCustomerSchema),
    summary: z.object({
      calibration_end: z.string(),
      data_end: z.string(),
      horizon_weeks: z.number(),
      discount_rate: z.number(),
      currency: z.string(),
      customers: z.number(),
      repeat_customers: z.number(),
      gamma_gamma_customers: z.number(),
      gamma_gamma_log_likelihood: z.number().nullable(),
      average_clv: z.number().nullable(),
      total_clv: z.number().nullable(),
    }),
    holdout: z
      .object({
        start: z.string(),
        end: z.string(),
        weeks: z.number(),
        groups: z.array(
          z.object({
            frequency: z.number(),
            label: z.string(),
            customers: z.number(),
            actual: z.number(),
            predicted: z.number(),
          }),
        ),
        actual: z.number(),
        predicted: z.number(),
      })
      .nullable(),
  })
  .openapi("PredictedClv");

const clvRoute = createRoute({
  method: "get",
  path: "/api/v1/predict/clv",
  tags: ["predict"],
  summary:
    "Predicted customer lifetime value (BG/NBD and Gamma-Gamma), per customer, with the holdout comparison",
  request: {
    query: z.object({
      // A date of the dataset calendar (`2024-06-30`, `1403-04-09`).
      calibrationEnd: z
        .string()
        .max(10)
        .regex(/^\d{4}-\d{1,2}-\d{1,2}$/)
        .optional(),
      horizon: z
        .string()
        .max(10)
        .regex(/^\d{1,4}(?:\.\d{1,3})?[dwmy]?$/)
        .default("52w"),
      discountRate: z.coerce.number().min(0).max(10).default(0.1),
      // Instead of calibrationEnd: hold out this much at the end of the data (`13w`).
      holdout: z
        .string()
        .max(10)
        .regex(/^\d{1,4}(?:\.\d{1,3})?[dwmy]?$/)
        .optional(),
      lang: z.string().max(10).optional(),
    }),
  },
  responses: jsonResponses(
    ClvSchema,
    "Population parameters, customers by CLV, and the holdout when there is one",
  ),
});

// Fitting takes a moment; the same question on the same data version gets the same answer.
const caches = new WeakMap<AppDeps["db"], ResultCache<ClvDocument>>();

export function registerPredictRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(clvRoute, async (c) => {
    const q = c.req.valid("query");
    const request = {
      ...(q.calibrationEnd ? { calibrationEnd: q.calibrationEnd } : {}),
      ...(q.holdout && !q.calibrationEnd ? { holdout: q.holdout } : {}),
      horizon: q.horizon,
      discountRate: q.discountRate,
    };
    let cache = caches.get(deps.db);
    if (!cache) {
      cache = new ResultCache<ClvDocument>(20);
      caches.set(deps.db, cache);
    }
    const doc = await cache.get(deps.db.version, request, () =>
      deps.db.read(async (engine) => clvDocument(await predictClv(engine, request))),
    );
    return c.json(doc, 200);
  });
}
