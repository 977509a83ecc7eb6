import { createRoute, z } from "@hono/zod-openapi";
import { dataTimeRange, entityRowCounts } from "../../report/data-range.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses } from "../openapi-schemas.js";
import { SettingsSchema } from "./settings.js";

const DatasetSchema = z
  .object({
    counts: z.record(z.string(), z.number()),
    range: z.object({ first: z.string(), last: z.string() }).nullable(),
    settings: SettingsSchema,
    version: z.number(),
  })
  .openapi("Dataset");

const route = createRoute({
  method: "get",
  path: "/api/v1/dataset",
  tags: ["dataset"],
  summary: "Rows per entity, the data's time range, settings and the dataset version",
  responses: jsonResponses(DatasetSchema, "The dataset"),
});

export function registerDatasetRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const version = deps.db.version;
    const body = await deps.db.read(async (engine) => {
      const range = await dataTimeRange(engine);
      return {
        counts: await entityRowCounts(engine),
        range: range
          ? { first: new Date(range.firstMs).toISOString(), last: new Date(range.lastMs).toISOString() }
          : null,
        settings: await loadDatasetSettings(engine),
        version,
      };
    });
    return c.json(body, 200);
  });
}
