import { createRoute, z } from "@hono/zod-openapi";
import type { Alert } from "../../alerts/alert.js";
import type { AlertHistoryEntry } from "../../alerts/alert-store.js";
import {
  addAlert,
  deliverPending,
  getAlert,
  listAlerts,
  listHistory,
  recordDeliveries,
  removeAlert,
  testAlert,
} from "../../alerts/index.js";
import { CALENDARS } from "../../core/model/settings.js";
import { LANGS } from "../../messages/index.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonBody, jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";

const AlertSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    rule: z.string().openapi({ description: "The rule's canonical text (docs/alerts.md)" }),
    condition: z.record(z.string(), z.unknown()).openapi({ description: "The rule as data" }),
    email: z.array(z.string()),
    webhooks: z.array(z.string()),
    lang: z.string(),
    calendar: z.string(),
    state: z.enum(["ok", "firing"]),
    stateSince: z.string().nullable(),
    checkedAt: z.string().nullable(),
  })
  .openapi("Alert");

const AlertInputSchema = z
  .object({
    id: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/)
      .optional(),
    name: z.string().max(200).optional(),
    rule: z.string().min(1).max(500).openapi({ example: "customer_churn_rate above 3% per month" }),
    email: z.array(z.string().max(254)).max(50).optional(),
    webhooks: z.array(z.string().max(2000)).max(20).optional(),
    lang: z.enum(LANGS).optional(),
    // Aliases such as `jalali` are read by defineAlert.
    calendar: z
      .string()
      .max(40)
      .optional()
      .openapi({ enum: [...CALENDARS] }),
  })
  .strict()
  .openapi("AlertInput");

const DeliverySchema = z.object({
  channel: z.enum(["email", "webhook"]),
  target: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
});

const HistorySchema = z
  .object({
    alertId: z.string(),
    seq: z.number(),
    at: z.string(),
    event: z.enum(["fired", "resolved", "test"]),
    period: z.string().nullable(),
    value: z.number().nullable(),
    detail: z.record(z.string(), z.unknown()),
    delivery: z.array(DeliverySchema),
  })
  .openapi("AlertHistoryEntry");

const TestResultSchema = z
  .object({
    alert: AlertSchema,
    state: z.enum(["ok", "firing"]),
    verdict: z.enum(["ok", "firing", "unknown"]),
    period: z.string().nullable(),
    value: z.number().nullable(),
    subject: z.string(),
    text: z.string(),
    delivery: z.array(DeliverySchema),
  })
  .openapi("AlertTest");

const IdParam = z.object({
  id: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/)
    .openapi({ param: { name: "id", in: "path" } }),
});
const HistoryQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).optional() });
const TestBody = z.object({ send: z.boolean().optional() }).strict().openapi("AlertTestInput");

const listRoute = createRoute({
  method: "get",
  path: "/api/v1/alerts",
  tags: ["alerts"],
  summary: "Every alert with its state",
  responses: jsonResponses(z.object({ alerts: z.array(AlertSchema) }).openapi("AlertList"), "The alerts"),
});
const addRoute = createRoute({
  method: "post",
  path: "/api/v1/alerts",
  tags: ["alerts"],
  summary: "Add an alert, or replace the one with the same id (admin)",
  request: { body: jsonBody(AlertInputSchema) },
  responses: jsonResponses(AlertSchema, "The stored alert"),
});
const removeRoute = createRoute({
  method: "delete",
  path: "/api/v1/alerts/{id}",
  tags: ["alerts"],
  summary: "Remove an alert and its history (admin)",
  request: { params: IdParam },
  responses: jsonResponses(z.object({ id: z.string(), removed: z.boolean() }), "The alert was removed"),
});
const testRoute = createRoute({
  method: "post",
  path: "/api/v1/alerts/{id}/test",
  tags: ["alerts"],
  summary: "Check an alert now and send a test notice (admin); its state does not change",
  request: { params: IdParam, body: { ...jsonBody(TestBody), required: false } },
  responses: jsonResponses(TestResultSchema, "What the rule found and where the notice went"),
});
const historyRoute = createRoute({
  method: "get",
  path: "/api/v1/alerts/{id}/history",
  tags: ["alerts"],
  summary: "The notices of an alert, newest first",
  request: { params: IdParam, query: HistoryQuery },
  responses: jsonResponses(
    z.object({ history: z.array(HistorySchema) }).openapi("AlertHistory"),
    "The history",
  ),
});

/** A webhook URL's path is its secret (Slack's are): only admins see it. */
function maskedUrl(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return "…";
  }
}

function alertJson(a: Alert, admin = true): z.infer<typeof AlertSchema> {
  return {
    ...a,
    condition: { ...a.condition },
    email: [...a.email],
    webhooks: admin ? [...a.webhooks] : a.webhooks.map(maskedUrl),
  };
}

function historyJson(h: AlertHistoryEntry, admin: boolean): z.infer<typeof HistorySchema> {
  const delivery = h.delivery.map((d) => ({
    ...d,
    target: admin || d.channel !== "webhook" ? d.target : maskedUrl(d.target),
  }));
  return { ...h, detail: { ...h.detail }, delivery };
}

export function registerAlertRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(listRoute, async (c) => {
    const alerts = await deps.db.read(listAlerts);
    const admin = c.get("role") === "admin";
    return c.json({ alerts: alerts.map((a) => alertJson(a, admin)) }, 200);
  });

  app.openapi(addRoute, async (c) => {
    requireAdmin(c);
    const body = c.req.valid("json");
    // The recipients' language defaults to the request's.
    const alert = await deps.db.write((engine) =>
      addAlert(engine, { ...body, lang: body.lang ?? c.get("lang") }),
    );
    return c.json(alertJson(alert), 200);
  });

  app.openapi(removeRoute, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    await deps.db.write((engine) => removeAlert(engine, id));
    return c.json({ id, removed: true }, 200);
  });

  app.openapi(testRoute, async (c) => {
    requireAdmin(c);
    const { id } = c.req.valid("param");
    const send = (await c.req.json().catch(() => ({})))?.send !== false;
    const pending = await deps.db.write((engine) => testAlert(engine, id, Date.now()));
    let delivery: z.infer<typeof DeliverySchema>[] = [];
    if (send) {
      const sent = await deliverPending([pending], deps.delivery ?? {});
      await deps.db.write((engine) => recordDeliveries(engine, sent));
      delivery = sent.flatMap((s) => s.delivery.map((d) => ({ ...d })));
    }
    return c.json(
      {
        alert: alertJson(pending.alert),
        state: pending.state,
        verdict: pending.reading.verdict,
        period: pending.reading.period,
        value: pending.reading.value,
        subject: pending.notice.subject,
        text: pending.notice.text,
        delivery,
      },
      200,
    );
  });

  app.openapi(historyRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { limit } = c.req.valid("query");
    const history = await deps.db.read(async (engine) => {
      await getAlert(engine, id);
      return listHistory(engine, id, limit ?? 100);
    });
    const admin = c.get("role") === "admin";
    return c.json({ history: history.map((h) => historyJson(h, admin)) }, 200);
  });
}
