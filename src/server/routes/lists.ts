import { createRoute, z } from "@hono/zod-openapi";
import { GRAINS } from "../../calendar/index.js";
import { RFM_SEGMENTS } from "../../core/metrics/relations/customer-rfm.js";
import { CALENDARS } from "../../core/model/settings.js";
import { entityRowCounts } from "../../report/data-range.js";
import { listCampaigns, listStuckDeals } from "../../report/lists.js";
import { listTopCustomers, type TopCustomer } from "../../report/top-customers.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { jsonResponses, RepeatedPairs } from "../openapi-schemas.js";
import { PeriodSchema, periodJson } from "../period-json.js";
import { paramsOf } from "../route-input.js";

const PeriodLabel = z
  .string()
  .max(20)
  .regex(/^[A-Za-z0-9-]+$/);
const DateText = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/);
const Duration = z
  .string()
  .max(10)
  .regex(/^\d{1,4}[dwmy]$/);
const LangQuery = z.string().max(10).optional();

const CampaignsSchema = z
  .object({
    rows: z.array(
      z.object({
        campaignId: z.string(),
        name: z.string().nullable(),
        channel: z.string().nullable(),
        period: z.string(),
        figures: z.record(z.string(), z.number().nullable()),
      }),
    ),
    periods: z.array(PeriodSchema),
    notAvailable: z.array(z.object({ metric: z.string(), missing: z.array(z.string()) })),
  })
  .openapi("CampaignList");

const StuckDealsSchema = z
  .object({
    rows: z.array(
      z.object({
        dealId: z.string(),
        customerId: z.string().nullable(),
        ownerId: z.string().nullable(),
        pipeline: z.string().nullable(),
        stage: z.string(),
        enteredAt: z.string(),
        daysInStage: z.number(),
        thresholdDays: z.number(),
        threshold: z.string(),
      }),
    ),
    asOf: z.string().nullable(),
    asOfDate: z.string(),
    threshold: z.string(),
    days: z.number().nullable(),
  })
  .openapi("StuckDealList");

const TopCustomerSchema = z
  .object({
    customerId: z.string(),
    name: z.string().nullable(),
    company: z.string().nullable(),
    segment: z.string().nullable(),
    rfmR: z.number().nullable(),
    rfmF: z.number().nullable(),
    rfmM: z.number().nullable(),
    rfmScore: z.string().nullable(),
    rfmSegment: z.string().nullable(),
    recencyDays: z.number().nullable(),
    windowRevenue: z.number(),
    lifetimeRevenue: z.number(),
    orders: z.number(),
    lastOrderAt: z.string().nullable(),
    // null: the data has no subscriptions, so MRR is not available.
    mrr: z.number().nullable(),
  })
  .openapi("TopCustomer");

const TopCustomersSchema = z
  .object({
    customers: z.array(TopCustomerSchema),
    asOf: z.string().nullable(),
    windowDays: z.number().nullable(),
  })
  .openapi("TopCustomerList");

const RfmGridSchema = z
  .object({
    segments: z.array(
      z.object({
        segment: z.string(),
        customers: z.number(),
        windowRevenue: z.number(),
        lifetimeRevenue: z.number(),
      }),
    ),
    unscored: z.number(),
    asOf: z.string().nullable(),
    windowDays: z.number().nullable(),
  })
  .openapi("RfmGrid");

const campaignsRoute = createRoute({
  method: "get",
  path: "/api/v1/lists/campaigns",
  tags: ["lists"],
  summary: "The campaign table (spend, leads, conversion, CAC, revenue, ROI per campaign)",
  request: {
    query: z.object({
      from: PeriodLabel.optional(),
      to: PeriodLabel.optional(),
      grain: z.enum(GRAINS).optional(),
      calendar: z.enum(CALENDARS).optional(),
      param: RepeatedPairs,
      lang: LangQuery,
    }),
  },
  responses: jsonResponses(CampaignsSchema, "One row per campaign (and period)"),
});

const stuckRoute = createRoute({
  method: "get",
  path: "/api/v1/lists/stuck-deals",
  tags: ["lists"],
  summary: "Open deals longer in their stage than its p90 (or a number of days)",
  request: {
    query: z.object({
      asOf: DateText.optional(),
      days: z.coerce.number().positive().max(100_000).optional(),
      lang: LangQuery,
    }),
  },
  responses: jsonResponses(StuckDealsSchema, "The stuck deals, longest first"),
});

const topRoute = createRoute({
  method: "get",
  path: "/api/v1/lists/top-customers",
  tags: ["lists"],
  summary: "Top customers by value or RFM",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(10_000).default(20),
      by: z.enum(["value", "rfm"]).default("rfm"),
      asOf: DateText.optional(),
      window: Duration.optional(),
      lang: LangQuery,
    }),
  },
  responses: jsonResponses(TopCustomersSchema, "The customers, best first"),
});

const rfmRoute = createRoute({
  method: "get",
  path: "/api/v1/lists/rfm-grid",
  tags: ["lists"],
  summary: "Customers and value per RFM segment",
  request: { query: z.object({ asOf: DateText.optional(), window: Duration.optional(), lang: LangQuery }) },
  responses: jsonResponses(RfmGridSchema, "One entry per RFM segment"),
});

const isoOrNull = (ms: number | null) =>
  ms === null || Number.isNaN(ms) ? null : new Date(ms).toISOString();

/** Counts and value per RFM segment, in the grid's order; customers without a purchase are `unscored`. */
export function rfmGridOf(customers: readonly TopCustomer[]): z.infer<typeof RfmGridSchema>["segments"] {
  return RFM_SEGMENTS.map((segment) => {
    const members = customers.filter((c) => c.rfmSegment === segment);
    return {
      segment,
      customers: members.length,
      windowRevenue: members.reduce((sum, c) => sum + c.windowRevenue, 0),
      lifetimeRevenue: members.reduce((sum, c) => sum + c.lifetimeRevenue, 0),
    };
  });
}

export function registerListRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(campaignsRoute, async (c) => {
    const q = c.req.valid("query");
    const params = paramsOf(q.param);
    const list = await deps.db.read((engine) =>
      listCampaigns(engine, {
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.grain ? { grain: q.grain } : {}),
        ...(q.calendar ? { calendar: q.calendar } : {}),
        ...(Object.keys(params).length > 0 ? { params } : {}),
      }),
    );
    const lang = c.get("lang");
    return c.json(
      {
        rows: list.rows.map((r) => ({ ...r, figures: { ...r.figures } })),
        periods: list.periods.map((p) => periodJson(p, list.options, lang)),
        notAvailable: list.notAvailable,
      },
      200,
    );
  });

  app.openapi(stuckRoute, async (c) => {
    const q = c.req.valid("query");
    const list = await deps.db.read((engine) =>
      listStuckDeals(engine, { ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.days ? { days: q.days } : {}) }),
    );
    return c.json(
      {
        rows: list.rows,
        asOf: isoOrNull(list.asOfMs),
        asOfDate: list.asOfDate,
        threshold: list.threshold,
        days: list.days,
      },
      200,
    );
  });

  app.openapi(topRoute, async (c) => {
    const q = c.req.valid("query");
    const result = await deps.db.read((engine) =>
      listTopCustomers(engine, {
        top: q.limit,
        sort: q.by,
        ...(q.asOf ? { asOf: q.asOf } : {}),
        ...(q.window ? { window: q.window } : {}),
      }),
    );
    return c.json(
      { customers: result.customers, asOf: isoOrNull(result.asOfMs), windowDays: result.windowDays },
      200,
    );
  });

  app.openapi(rfmRoute, async (c) => {
    const q = c.req.valid("query");
    const result = await deps.db.read(async (engine) => {
      const all = (await entityRowCounts(engine)).customers ?? 0;
      return listTopCustomers(engine, {
        top: Math.max(1, all),
        sort: "rfm",
        ...(q.asOf ? { asOf: q.asOf } : {}),
        ...(q.window ? { window: q.window } : {}),
      });
    });
    return c.json(
      {
        segments: rfmGridOf(result.customers),
        unscored: result.customers.filter((cu) => cu.rfmSegment === null).length,
        asOf: isoOrNull(result.asOfMs),
        windowDays: result.windowDays,
      },
      200,
    );
  });
}
