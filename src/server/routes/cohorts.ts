import { createRoute, z } from "@hono/zod-openapi";
import { GRAINS } from "../../calendar/index.js";
import { CALENDARS } from "../../core/model/settings.js";
import { type CohortRequest, labelCohorts, runCohorts } from "../../report/cohorts.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses } from "../openapi-schemas.js";
import { ResultCache } from "../result-cache.js";

const PeriodLabel = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9-]+$/);

export const CohortQuerySchema = z.object({
  grain: z.enum(GRAINS).default("month"),
  calendar: z.enum(CALENDARS).optional(),
  from: PeriodLabel.optional().openapi({ description: "First cohort period label (2024-01, 1403-01)" }),
  to: PeriodLabel.optional().openapi({ description: "Last period of the table" }),
  lang: z.string().max(10).optional(),
});

const CohortCellSchema = z
  .object({
    offset: z.number().int().openapi({ description: "Periods since the acquisition period" }),
    customers: z.number().int(),
    customerShare: z.number().nullable(),
    revenue: z.number(),
    revenueShare: z.number().nullable().openapi({ description: "Share of the cohort's period-0 revenue" }),
  })
  .openapi("CohortCell");

const CohortSchema = z
  .object({
    cohort: z.string().openapi({ description: "Acquisition period label" }),
    label: z.string().openapi({ description: "The period as the request's language names it" }),
    size: z.number().int(),
    revenue: z.number(),
    cells: z.array(CohortCellSchema),
  })
  .openapi("Cohort");

const CohortTableSchema = z.object({ cohorts: z.array(CohortSchema) }).openapi("CohortTable");

export type CohortTableBody = z.infer<typeof CohortTableSchema>;

const route = createRoute({
  method: "get",
  path: "/api/v1/cohorts",
  tags: ["report"],
  summary: "Cohort retention: customers and revenue by acquisition period × periods since",
  request: { query: CohortQuerySchema },
  responses: jsonResponses(CohortTableSchema, "The cohort table"),
});

/** GET /api/v1/cohorts: `runCohorts` as `crm-kpi cohorts --format json` prints it. */
export function registerCohortRoutes(app: ApiApp, deps: AppDeps): void {
  const cache = new ResultCache<CohortTableBody>();
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const request: CohortRequest = {
      grain: query.grain,
      ...(query.calendar ? { calendar: query.calendar } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    };
    const lang = c.get("lang");
    const body = await cache.get(deps.db.version, [request, lang], () =>
      deps.db.read(async (engine) => ({
        cohorts: labelCohorts(await runCohorts(engine, request), request, lang),
      })),
    );
    return c.json(body, 200);
  });
}
