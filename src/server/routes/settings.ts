import { createRoute, z } from "@hono/zod-openapi";
import { ACTIVITY_MODES, CALENDARS, WEEKDAYS } from "../../core/model/settings.js";
import { checkSettings, mergeSettings, storeDatasetSettings } from "../../import/dataset-settings.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonBody, jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";

export const SettingsSchema = z
  .object({
    base_currency: z.string(),
    timezone: z.string(),
    calendar: z.enum(CALENDARS),
    week_start: z.enum(WEEKDAYS),
    fiscal_year_start_month: z.number(),
    activity: z.enum(ACTIVITY_MODES),
    inactivity_days: z.number(),
    renewal_grace_days: z.number(),
    new_revenue_window: z.string(),
  })
  .openapi("DatasetSettings");

// Shape only; the values are checked by the same rules as crm-kpi.json (checkSettings).
const SettingsPatchSchema = z
  .object({
    base_currency: z.string().max(10),
    timezone: z.string().max(100),
    calendar: z.enum(CALENDARS),
    week_start: z.enum(WEEKDAYS),
    fiscal_year_start_month: z.number().int(),
    activity: z.enum(ACTIVITY_MODES),
    inactivity_days: z.number().int(),
    renewal_grace_days: z.number().int(),
    new_revenue_window: z.string().max(20),
  })
  .partial()
  .strict()
  .openapi("DatasetSettingsPatch");

const getRoute = createRoute({
  method: "get",
  path: "/api/v1/settings",
  tags: ["settings"],
  summary: "The dataset settings",
  responses: jsonResponses(SettingsSchema, "The stored settings, defaults filled in"),
});

const putRoute = createRoute({
  method: "put",
  path: "/api/v1/settings",
  tags: ["settings"],
  summary: "Change dataset settings (admin); keys left out keep their value",
  request: { body: jsonBody(SettingsPatchSchema) },
  responses: jsonResponses(SettingsSchema, "The settings after the change"),
});

export function registerSettingsRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(getRoute, async (c) => {
    return c.json(await deps.db.read(loadDatasetSettings), 200);
  });
  app.openapi(putRoute, async (c) => {
    requireAdmin(c);
    const patch = checkSettings(c.req.valid("json"), "settings");
    const settings = await deps.db.write(async (engine) => {
      const next = mergeSettings(await loadDatasetSettings(engine), patch);
      await engine.transaction(() => storeDatasetSettings(engine, next));
      return next;
    });
    return c.json(settings, 200);
  });
}
