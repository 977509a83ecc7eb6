import { createRoute, z } from "@hono/zod-openapi";
import type { Engine } from "../../core/engine.js";
import { CrmKpiError } from "../../core/errors.js";
import { loadCustomerIdentities } from "../../quality/customer-identities.js";
import {
  type ComparisonLevel,
  type DuplicateCluster,
  type DuplicateOptions,
  findDuplicateClusters,
  type LinkageField,
} from "../../quality/find-duplicates.js";
import { COMPARISON_LEVELS, LINKAGE_FIELDS } from "../../quality/linkage/types.js";
import { listMerges, type MergeRecord, mergeCustomers, undoMerges } from "../../quality/merge-customers.js";
import { closeDuplicateFindings } from "../../quality/stored-findings.js";
import type { ApiApp, AppDeps } from "../app-types.js";
import { ThresholdBody, ThresholdQuery, thresholdsOf } from "../linkage-query.js";
import { jsonBody, jsonResponses } from "../openapi-schemas.js";
import { requireAdmin } from "../security/require-role.js";

const Id = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

const IdentitySchema = z
  .object({
    customer_id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    company: z.string().nullable(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    segment: z.string().nullable(),
    created_at: z.string().nullable(),
  })
  .openapi("CustomerIdentity");

const Band = z
  .enum(["match", "review"])
  .openapi({ description: "match: at or above the match threshold; review: in the review band below it" });

const FieldEvidenceSchema = z
  .object({
    field: z.enum(LINKAGE_FIELDS as [LinkageField, ...LinkageField[]]),
    level: z.enum(COMPARISON_LEVELS as [ComparisonLevel, ...ComparisonLevel[]]),
    weight: z
      .number()
      .openapi({ description: "log2(m/u) of the level; negative is evidence against, 0 when missing" }),
    a: z.string().nullable(),
    b: z.string().nullable(),
  })
  .openapi("FieldEvidence");

const PairEvidenceSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    weight: z.number().openapi({ description: "Total match weight, log2 of the odds, prior included" }),
    probability: z.number().min(0).max(1),
    band: Band,
    fields: z.array(FieldEvidenceSchema),
  })
  .openapi("PairEvidence");

const CandidatesSchema = z
  .object({
    clusters: z.array(
      z.object({
        cluster_id: z.string(),
        customer_ids: z.array(z.string()),
        score: z.number(),
        rules: z.array(z.string()),
        reason: z.string(),
        weight: z.number().openapi({ description: "The weakest link's match weight (log2 odds)" }),
        band: Band,
        pairs: z
          .array(PairEvidenceSchema)
          .openapi({ description: "The links that hold the cluster, strongest first" }),
        customers: z.array(IdentitySchema).openapi({ description: "The records, survivor first" }),
      }),
    ),
  })
  .openapi("DuplicateCandidates");

const MergeSchema = z
  .object({
    merge_id: z.string(),
    cluster_id: z.string().nullable(),
    survivor_id: z.string(),
    merged_ids: z.array(z.string()),
  })
  .openapi("Merge");

const candidatesRoute = createRoute({
  method: "get",
  path: "/api/v1/dedupe/candidates",
  tags: ["quality"],
  summary: "Duplicate customer clusters, with the records side by side",
  request: { query: z.object({ ...ThresholdQuery, lang: z.string().max(10).optional() }) },
  responses: jsonResponses(CandidatesSchema, "The current clusters"),
});
const mergesRoute = createRoute({
  method: "get",
  path: "/api/v1/dedupe/merges",
  tags: ["quality"],
  summary: "Merges that can be undone, oldest first",
  responses: jsonResponses(z.object({ merges: z.array(MergeSchema) }), "The merges"),
});
const mergeRoute = createRoute({
  method: "post",
  path: "/api/v1/dedupe/merge",
  tags: ["quality"],
  summary: "Merge the named clusters, or all clusters of the match band (admin)",
  request: {
    body: jsonBody(
      z
        .object({
          clusters: z.union([z.literal("all"), z.array(Id).min(1).max(10_000)]),
          // The thresholds the clusters were listed with (GET candidates), so their ids agree.
          ...ThresholdBody,
        })
        .strict(),
    ),
  },
  responses: jsonResponses(z.object({ merges: z.array(MergeSchema) }), "The merges made"),
});
const undoRoute = createRoute({
  method: "post",
  path: "/api/v1/dedupe/undo",
  tags: ["quality"],
  summary: "Undo all or the named merges (admin)",
  request: {
    body: jsonBody(
      z.object({ merges: z.union([z.literal("all"), z.array(Id).min(1).max(10_000)]) }).strict(),
    ),
  },
  responses: jsonResponses(z.object({ undone: z.array(z.string()) }), "The merges undone"),
});

/**
 * Finds the clusters afresh and merges the named ones, or with "all" every
 * cluster of the match band: a review-band cluster is merged only when named,
 * after someone has looked at its evidence.
 */
async function applyClusters(
  engine: Engine,
  ids: readonly string[] | "all",
  thresholds: DuplicateOptions,
): Promise<MergeRecord[]> {
  const clusters = findDuplicateClusters(await loadCustomerIdentities(engine), thresholds);
  const chosen: DuplicateCluster[] =
    ids === "all"
      ? clusters.filter((c) => c.band === "match")
      : ids.map((id) => {
          const found = clusters.find((c) => c.cluster_id === id);
          if (!found) {
            throw new CrmKpiError(
              "bad_argument",
              `there is no duplicate cluster ${id}; GET /api/v1/dedupe/candidates lists the current ones`,
              { value: id, messageKey: "server.error.no_cluster" },
              { value: id },
            );
          }
          return found;
        });
  const merges = await mergeCustomers(engine, chosen);
  await closeDuplicateFindings(
    engine,
    merges.flatMap((m) => [m.survivor_id, ...m.merged_ids]),
  );
  return merges;
}

export function registerDedupeRoutes(app: ApiApp, deps: AppDeps): void {
  app.openapi(candidatesRoute, async (c) => {
    const thresholds = thresholdsOf(c.req.valid("query"));
    const identities = await deps.db.read(loadCustomerIdentities);
    const byId = new Map(identities.map((i) => [i.customer_id, i]));
    const clusters = findDuplicateClusters(identities, thresholds).map((cl) => ({
      ...cl,
      pairs: cl.pairs.map((p) => ({ ...p, fields: [...p.fields] })),
      customers: cl.customer_ids.flatMap((id) => {
        const found = byId.get(id);
        // The loader always reads them; the library type leaves them optional for callers with less.
        return found
          ? [
              {
                ...found,
                city: found.city ?? null,
                region: found.region ?? null,
                segment: found.segment ?? null,
              },
            ]
          : [];
      }),
    }));
    return c.json({ clusters }, 200);
  });
  app.openapi(mergesRoute, async (c) => c.json({ merges: await deps.db.read(listMerges) }, 200));
  app.openapi(mergeRoute, async (c) => {
    requireAdmin(c);
    const { clusters, ...weights } = c.req.valid("json");
    const thresholds = thresholdsOf(weights);
    return c.json(
      { merges: await deps.db.write((engine) => applyClusters(engine, clusters, thresholds)) },
      200,
    );
  });
  app.openapi(undoRoute, async (c) => {
    requireAdmin(c);
    const { merges } = c.req.valid("json");
    return c.json({ undone: await deps.db.write((engine) => undoMerges(engine, merges)) }, 200);
  });
}
