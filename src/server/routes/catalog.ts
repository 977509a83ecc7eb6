import { createRoute, z } from "@hono/zod-openapi";
import { GRAINS } from "../../calendar/period-types.js";
import { listMetrics } from "../../core/metrics/registry.js";
import { CALENDARS } from "../../core/model/settings.js";
import { LANGS, type Lang, lookupMessage, metricDescription, metricName } from "../../messages/index.js";
import { PREDICTIONS } from "../../predict/prediction-catalog.js";
import { SCORED_DIMENSIONS } from "../../report/customer-scores.js";
import { CUSTOMER_DIMENSIONS, METRIC_DIMENSIONS } from "../../report/run-report.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses } from "../openapi-schemas.js";

const MetricSchema = z
  .object({
    id: z.string(),
    family: z.string(),
    kind: z.string(),
    unit: z.string(),
    direction: z.string().nullable(),
    formula: z.string(),
    requires: z.array(z.string()),
    params: z.array(z.object({ name: z.string(), description: z.string(), default: z.string() })),
    siblings: z.array(z.object({ id: z.string(), name: z.string() })),
    name: z.string(),
    description: z.string(),
  })
  .openapi("Metric");

const Where = z.object({ command: z.string(), endpoint: z.string(), field: z.string() });

// Model-based figures (predicted CLV): a per-customer list and its average, outside the metric registry.
const PredictionSchema = z
  .object({
    id: z.string(),
    unit: z.string(),
    direction: z.string(),
    list: Where,
    average: Where,
    name: z.string(),
    description: z.string(),
  })
  .openapi("Prediction");

const CatalogSchema = z
  .object({
    metrics: z.array(MetricSchema),
    predictions: z.array(PredictionSchema),
    dimensions: z.object({
      customer: z.array(z.string()),
      metric: z.array(z.string()),
      scored: z.array(z.string()).openapi({
        description: "Customer dimensions computed by a model: propensity deciles (docs/propensity.md)",
      }),
    }),
    grains: z.array(z.string()),
    calendars: z.array(z.string()),
    langs: z.array(z.string()),
  })
  .openapi("Catalog");

const route = createRoute({
  method: "get",
  path: "/api/v1/catalog",
  tags: ["catalog"],
  summary: "Metric catalog, dimensions, grains, calendars and languages",
  responses: jsonResponses(CatalogSchema, "The catalog in the request's language"),
});

/** The catalog in one language; it never changes while the process runs. */
export function catalogOf(lang: Lang): z.infer<typeof CatalogSchema> {
  return {
    metrics: listMetrics().map((m) => ({
      id: m.id,
      family: m.family,
      kind: m.kind,
      unit: m.unit,
      direction: m.direction ?? null,
      formula: m.formula,
      requires: [...m.requires],
      // Parameter descriptions are catalog keys where one exists.
      params: m.params.map((p) => ({
        ...p,
        description: lookupMessage(lang, p.description) ?? p.description,
      })),
      siblings: m.siblings.map((id) => ({ id, name: metricName(lang, id) })),
      name: metricName(lang, m.id),
      description: metricDescription(lang, m.id) ?? "",
    })),
    predictions: PREDICTIONS.map((p) => ({
      id: p.id,
      unit: p.unit,
      direction: p.direction,
      list: { ...p.list },
      average: { ...p.average },
      name: lookupMessage(lang, p.nameKey) ?? p.id,
      description: lookupMessage(lang, p.descriptionKey) ?? "",
    })),
    dimensions: {
      customer: [...CUSTOMER_DIMENSIONS],
      metric: [...METRIC_DIMENSIONS],
      scored: [...SCORED_DIMENSIONS],
    },
    grains: [...GRAINS],
    calendars: [...CALENDARS],
    langs: [...LANGS],
  };
}

export function registerCatalogRoutes(app: ApiApp, _deps: AppDeps): void {
  const cache = new Map<Lang, z.infer<typeof CatalogSchema>>();
  app.openapi(route, (c) => {
    const lang = c.get("lang");
    let catalog = cache.get(lang);
    if (!catalog) {
      catalog = catalogOf(lang);
      cache.set(lang, catalog);
    }
    return c.json(catalog, 200);
  });
}
