import { OpenAPIHono } from "@hono/zod-openapi";
import type { ZodError } from "zod";
import type { ApiApp, AppDeps, AppEnv } from "./app-types.js";
import { ApiError, errorResponse } from "./http-errors.js";
import { requestLang } from "./request-lang.js";
import { registerAlertRoutes } from "./routes/alerts.js";
import { registerCatalogRoutes } from "./routes/catalog.js";
import { registerCohortRoutes } from "./routes/cohorts.js";
import { registerDatasetRoutes } from "./routes/dataset.js";
import { registerDedupeRoutes } from "./routes/dedupe.js";
import { registerExplainRoutes } from "./routes/explain.js";
import { registerGoalRoutes } from "./routes/goals.js";
import { registerImportRoutes } from "./routes/imports.js";
import { registerListRoutes } from "./routes/lists.js";
import { registerPredictRoutes } from "./routes/predict.js";
import { registerPropensityRoutes } from "./routes/propensity.js";
import { registerQualityRoutes } from "./routes/quality.js";
import { registerReportRoutes } from "./routes/report.js";
import { registerSettingsRoutes } from "./routes/settings.js";
import { securityMiddleware } from "./security/index.js";
import { staticWeb } from "./static-web.js";

export interface CreateAppOptions {
  /** The built dashboard; default web/dist of the package. */
  readonly webRoot?: string;
}

/**
 * The whole HTTP app: language, security, every /api/v1 route, the OpenAPI
 * document and the dashboard. Tests call it in-process with `app.request()`.
 *
 * @example const app = createApp({ db, dbLabel: file, auth: false, limits: DEFAULT_LIMITS })
 */
export function createApp(deps: AppDeps, options: CreateAppOptions = {}): ApiApp {
  const app: ApiApp = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  app.use("*", requestLang());
  app.use("*", securityMiddleware(deps));

  registerCatalogRoutes(app, deps);
  registerDatasetRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerExplainRoutes(app, deps);
  registerCohortRoutes(app, deps);
  registerPropensityRoutes(app, deps);
  registerListRoutes(app, deps);
  registerPredictRoutes(app, deps);
  registerGoalRoutes(app, deps);
  registerAlertRoutes(app, deps);
  registerQualityRoutes(app, deps);
  registerDedupeRoutes(app, deps);
  registerImportRoutes(app, deps);

  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "crm-kpi API",
      version: "1",
      description:
        "CRM metrics of one dataset: catalog, reports, drill-down, cohorts, lists, goals, alerts, quality, import.",
    },
  });
  app.use("*", staticWeb(options.webRoot));
  app.notFound((c) => errorResponse(c, new ApiError("not_found", { path: c.req.path.slice(0, 200) })));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

/** A 400 naming the fields that failed (paths and codes only: values are not echoed). */
function validationError(error: ZodError): ApiError {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join("."), code: i.code }));
  const fields = [...new Set(issues.map((i) => i.path || "body"))].join(", ");
  return new ApiError("bad_request", { fields }, { issues });
}
