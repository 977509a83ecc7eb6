import { candidatePairs } from "./linkage/blocking.js";
import { compareInto, createPreparer, FIELD_COUNT, type PreparedRecord } from "./linkage/compare-fields.js";
import { estimateModel, type LinkageModel } from "./linkage/estimate-weights.js";
import { matchWeight, pairEvidence, probabilityOf } from "./linkage/score-pairs.js";
import { DEFAULT_MATCH_WEIGHT, DEFAULT_REVIEW_WEIGHT } from "./linkage/thresholds.js";
import type { CustomerIdentity, PairEvidence } from "./linkage/types.js";

export type {
  ComparisonLevel,
  CustomerIdentity,
  FieldEvidence,
  LinkageField,
  PairEvidence,
} from "./linkage/types.js";

export type MatchRule = "email" | "phone" | "name_company";

/** Records that are one customer; `customer_ids[0]` is the survivor (earliest created_at, then id). */
export interface DuplicateCluster {
  readonly cluster_id: string;
  readonly customer_ids: string[];
  /** The match probability of the weakest link that holds the cluster together, 0..1. */
  readonly score: number;
  readonly rules: MatchRule[];
  readonly reason: string;
  /** The weakest link's match weight (log2 odds, prior included). */
  readonly weight: number;
  /** "review" when the weakest link is below the match threshold: shown, never counted or applied. */
  readonly band: "match" | "review";
  /** The links that hold the cluster together, strongest first. */
  readonly pairs: readonly PairEvidence[];
}

export interface DuplicateOptions {
  /** Lowest match weight (log2 odds, prior included) for a pair to be a duplicate; default DEFAULT_MATCH_WEIGHT. */
  readonly matchWeight?: number;
  /** Lowest match weight for a pair to be shown for review (below matchWeight); default DEFAULT_REVIEW_WEIGHT. */
  readonly reviewWeight?: number;
  /** Blocks larger than this are not compared pairwise (a name shared by thousands says nothing). */
  readonly maxBlock?: number;
}

export const DEFAULT_MAX_BLOCK = 500;

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  /** Index of the pair among the candidates (its comparison vector). */
  readonly pair: number;
}

/** The fitted model and the clusters, for benches and docs. */
export interface LinkageRun {
  readonly model: LinkageModel;
  readonly clusters: DuplicateCluster[];
  readonly comparedPairs: number;
}

/**
 * Finds duplicate customers with a Fellegi–Sunter record-linkage model:
 * candidate pairs from blocking rules (never all pairs), each field compared
 * at a level (exact, normalized, fuzzy, different, missing), m and u
 * estimated from the data (u from random pairs, m by EM), and each pair's
 * match weight the prior plus log2(m/u) of its levels. Pairs at or above
 * `matchWeight` form clusters (union–find); pairs in the review band form
 * clusters with band "review", which callers show but do not count or apply.
 *
 * @example findDuplicateClusters(customers).filter((c) => c.band === "match")
 */
export function findDuplicateClusters(
  records: readonly CustomerIdentity[],
  options: DuplicateOptions = {},
): DuplicateCluster[] {
  return linkCustomers(records, options).clusters;
}

export function linkCustomers(
  records: readonly CustomerIdentity[],
  options: DuplicateOptions = {},
): LinkageRun {
  const matchAt = options.matchWeight ?? DEFAULT_MATCH_WEIGHT;
  const reviewAt = Math.min(options.reviewWeight ?? DEFAULT_REVIEW_WEIGHT, matchAt);
  const prepared = records.map(createPreparer());
  const candidates = candidatePairs(prepared, options.maxBlock ?? DEFAULT_MAX_BLOCK);
  const levels = new Uint8Array(candidates.count * FIELD_COUNT);
  for (let p = 0; p < candidates.count; p++) {
    compareInto(
      levels,
      p * FIELD_COUNT,
      prepared[candidates.left[p] as number] as PreparedRecord,
      prepared[candidates.right[p] as number] as PreparedRecord,
    );
  }
  const model = estimateModel(prepared, levels, candidates.count);
  const edges: Edge[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const weight = matchWeight(model, levels, p * FIELD_COUNT);
    if (weight >= reviewAt) {
      edges.push({ a: candidates.left[p] as number, b: candidates.right[p] as number, weight, pair: p });
    }
  }
  edges.sort((x, y) => y.weight - x.weight || x.pair - y.pair);
  const evidence = (edge: Edge): PairEvidence =>
    pairEvidence(
      model,
      prepared[edge.a] as PreparedRecord,
      prepared[edge.b] as PreparedRecord,
      levels,
      edge.pair * FIELD_COUNT,
      edge.weight >= matchAt ? "match" : "review",
    );
  const clusters = clustersOf(prepared, edges, matchAt, evidence);
  return { model, clusters, comparedPairs: candidates.count };
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[i] !== root) {
      const next = this.parent[i] as number;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  /** Joins two sets; false when they were one already. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent[rb] = ra;
    return true;
  }
}

function clustersOf(
  prepared: readonly PreparedRecord[],
  edges: readonly Edge[],
  matchAt: number,
  evidence: (edge: Edge) => PairEvidence,
): DuplicateCluster[] {
  // Strongest links first, so a cluster's weight is the weakest link it needs.
  const matches = new UnionFind(prepared.length);
  const matchLinks: Edge[] = [];
  for (const edge of edges) {
    if (edge.weight >= matchAt && matches.union(edge.a, edge.b)) matchLinks.push(edge);
  }
  // Review clusters hold only records no match claims, so every record is in at most one cluster.
  const claimed = new Set<number>();
  for (const l of matchLinks) claimed.add(l.a).add(l.b);
  const review = new UnionFind(prepared.length);
  const reviewLinks: Edge[] = [];
  for (const edge of edges) {
    if (edge.weight >= matchAt || claimed.has(edge.a) || claimed.has(edge.b)) continue;
    if (review.union(edge.a, edge.b)) reviewLinks.push(edge);
  }
  const clusters: DuplicateCluster[] = [];
  const grouped = (uf: UnionFind, links: readonly Edge[]) => {
    const byRoot = new Map<number, Edge[]>();
    for (const link of links) {
      const root = uf.find(link.a);
      const list = byRoot.get(root);
      if (list) list.push(link);
      else byRoot.set(root, [link]);
    }
    return byRoot.values();
  };
  for (const links of grouped(matches, matchLinks))
    clusters.push(cluster(prepared, links, "match", evidence));
  for (const links of grouped(review, reviewLinks))
    clusters.push(cluster(prepared, links, "review", evidence));
  return clusters.sort((x, y) => (x.cluster_id < y.cluster_id ? -1 : x.cluster_id > y.cluster_id ? 1 : 0));
}

function cluster(
  prepared: readonly PreparedRecord[],
  links: readonly Edge[],
  band: "match" | "review",
  evidence: (edge: Edge) => PairEvidence,
): DuplicateCluster {
  const ids = new Set<number>();
  for (const l of links) ids.add(l.a).add(l.b);
  const records = [...ids].map((i) => (prepared[i] as PreparedRecord).record).sort(survivorOrder);
  const sorted = [...links].sort((x, y) => y.weight - x.weight || x.pair - y.pair);
  const pairs = sorted.map(evidence);
  const weakest = sorted.at(-1) as Edge;
  const rules = [...new Set(pairs.map(ruleOf))].sort();
  const first = records[0] as CustomerIdentity;
  return {
    cluster_id: `${band === "match" ? "dup" : "review"}-${first.customer_id}`,
    customer_ids: records.map((r) => r.customer_id),
    score: Math.round(probabilityOf(weakest.weight) * 1000) / 1000,
    rules,
    reason: describeLinks(rules, pairs),
    weight: Math.round(weakest.weight * 100) / 100,
    band,
    pairs,
  };
}

const agrees = (pair: PairEvidence, field: string) =>
  pair.fields.some((f) => f.field === field && (f.level === "exact" || f.level === "normalized"));

function ruleOf(pair: PairEvidence): MatchRule {
  if (agrees(pair, "email")) return "email";
  if (agrees(pair, "phone")) return "phone";
  return "name_company";
}

function survivorOrder(a: CustomerIdentity, b: CustomerIdentity): number {
  const ta = a.created_at ?? "\uffff";
  const tb = b.created_at ?? "\uffff";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
}

/** English reason kept for findings and logs; the CLI and dashboard render `pairs` in the user's language. */
function describeLinks(rules: readonly MatchRule[], pairs: readonly PairEvidence[]): string {
  const parts = rules.map((rule) => {
    const pair = pairs.find((p) => ruleOf(p) === rule) as PairEvidence;
    const value = (field: string) => pair.fields.find((f) => f.field === field);
    switch (rule) {
      case "email":
        return `same email (${value("email")?.a ?? ""})`;
      case "phone":
        return `same phone (${value("phone")?.a ?? ""})`;
      default: {
        const company = value("company")?.a;
        return `similar name + company (${value("name")?.a ?? ""}${company ? ` / ${company}` : ""})`;
      }
    }
  });
  const weakest = pairs.at(-1) as PairEvidence;
  return `${parts.join("; ")}; match weight ${weakest.weight}`;
}
