import { assertUnreachable } from "../core/errors.js";
import { jaroWinkler } from "./jaro-winkler.js";
import { phoneKeys } from "./normalize-phone.js";
import { normalizeCompany, normalizeEmail, normalizeName } from "./normalize-text.js";

/** The customer fields duplicate detection reads. */
export interface CustomerIdentity {
  readonly customer_id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string | null;
  readonly country: string | null;
  /** Sort key for the survivor: the earliest record is kept (ISO text sorts in time order). */
  readonly created_at: string | null;
}

export type MatchRule = "email" | "phone" | "name_company";

/** Records that are one customer; `customer_ids[0]` is the survivor (earliest created_at, then id). */
export interface DuplicateCluster {
  readonly cluster_id: string;
  readonly customer_ids: string[];
  /** The weakest link that holds the cluster together, 0..1. */
  readonly score: number;
  readonly rules: MatchRule[];
  readonly reason: string;
}

export interface DuplicateOptions {
  /** Lowest score for a name + company match; exact email/phone matches always count. */
  readonly threshold?: number;
  /** Blocks larger than this are skipped for fuzzy matching (a name shared by thousands says nothing). */
  readonly maxBlock?: number;
}

export const DEFAULT_THRESHOLD = 0.9;
const EMAIL_SCORE = 1;
const PHONE_SCORE = 0.98;

interface Prepared {
  readonly record: CustomerIdentity;
  readonly name: string;
  readonly company: string;
  readonly email: string;
  readonly phones: string[];
  readonly country: string;
}

interface Edge {
  readonly a: number;
  readonly b: number;
  readonly score: number;
  readonly rule: MatchRule;
}

/**
 * Finds duplicate customers with blocking keys, never all pairs: records
 * sharing a normalized email or phone are linked outright; records sharing a
 * name block (sorted name tokens, or first + last token prefixes) are scored
 * with Jaro–Winkler on name and company and linked above the threshold,
 * unless their emails, phones or countries differ. Linked records form
 * clusters (union–find).
 *
 * @example findDuplicateClusters(customers).map((c) => c.customer_ids)
 */
export function findDuplicateClusters(
  records: readonly CustomerIdentity[],
  options: DuplicateOptions = {},
): DuplicateCluster[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxBlock = options.maxBlock ?? 500;
  const prepared = records.map(prepare);
  const edges: Edge[] = [];

  const exact = (rule: MatchRule, keysOf: (p: Prepared) => readonly string[], score: number) => {
    const first = new Map<string, number>();
    prepared.forEach((p, i) => {
      for (const key of keysOf(p)) {
        const seen = first.get(key);
        if (seen === undefined) first.set(key, i);
        else if (seen !== i) edges.push({ a: seen, b: i, score, rule });
      }
    });
  };
  exact("email", (p) => (p.email ? [p.email] : []), EMAIL_SCORE);
  exact("phone", (p) => p.phones, PHONE_SCORE);

  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const key of nameBlockKeys(p.name)) {
      const members = blocks.get(key);
      if (members) members.push(i);
      else blocks.set(key, [i]);
    }
  });
  const compared = new Set<string>();
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > maxBlock) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as number;
        const b = members[y] as number;
        const pairKey = a < b ? `${a},${b}` : `${b},${a}`;
        if (compared.has(pairKey)) continue;
        compared.add(pairKey);
        const score = scoreNameCompany(prepared[a] as Prepared, prepared[b] as Prepared);
        if (score >= threshold) edges.push({ a, b, score, rule: "name_company" });
      }
    }
  }
  return clustersOf(prepared, edges);
}

function prepare(record: CustomerIdentity): Prepared {
  return {
    record,
    name: normalizeName(record.name),
    company: normalizeCompany(record.company),
    email: normalizeEmail(record.email),
    phones: phoneKeys(record.phone, record.country),
    country: (record.country ?? "").trim().toUpperCase(),
  };
}

/** Blocks for fuzzy names: all tokens sorted (order swaps), and 3-letter prefixes of the first and last token (typos). */
function nameBlockKeys(name: string): string[] {
  if (name === "") return [];
  const tokens = name.split(" ");
  const sorted = `s:${[...tokens].sort().join(" ")}`;
  if (tokens.length < 2) return [sorted, `p:${[...name].slice(0, 3).join("")}`];
  const prefix = (t: string) => [...t].slice(0, 3).join("");
  return [sorted, `p:${prefix(tokens[0] ?? "")}|${prefix(tokens.at(-1) ?? "")}`];
}

/** 0..1; 0 when the records contradict each other (different email, phone or country). */
export function scoreNameCompany(
  a: Pick<Prepared, "name" | "company" | "email" | "phones" | "country">,
  b: Pick<Prepared, "name" | "company" | "email" | "phones" | "country">,
): number {
  if (a.email && b.email && a.email !== b.email) return 0;
  if (a.phones.length > 0 && b.phones.length > 0 && !a.phones.some((k) => b.phones.includes(k))) return 0;
  if (a.country && b.country && a.country !== b.country) return 0;
  const name = Math.max(jaroWinkler(a.name, b.name), jaroWinkler(sortTokens(a.name), sortTokens(b.name)));
  if (a.company && b.company) return 0.6 * name + 0.4 * jaroWinkler(a.company, b.company);
  // A name alone is weak evidence: it links two records only when they hold the same kinds
  // of contact details; a record with an email or phone the other lacks is more often a namesake.
  const sameShape =
    Boolean(a.email) === Boolean(b.email) &&
    a.phones.length > 0 === b.phones.length > 0 &&
    Boolean(a.company) === Boolean(b.company);
  return (sameShape ? 0.95 : 0.85) * name;
}

function sortTokens(name: string): string {
  return name.split(" ").sort().join(" ");
}

function clustersOf(prepared: readonly Prepared[], edges: readonly Edge[]): DuplicateCluster[] {
  const parent = prepared.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[i] !== root) {
      const next = parent[i] as number;
      parent[i] = root;
      i = next;
    }
    return root;
  };
  // Strongest links first, so the score of a cluster is the weakest link it needs.
  const sorted = [...edges].sort((x, y) => y.score - x.score);
  const used = new Map<number, Edge[]>();
  for (const edge of sorted) {
    const ra = find(edge.a);
    const rb = find(edge.b);
    if (ra === rb) continue;
    parent[rb] = ra;
    const joined = [...(used.get(ra) ?? []), ...(used.get(rb) ?? []), edge];
    used.delete(rb);
    used.set(ra, joined);
  }
  // Every link inside a cluster names a reason, not only the ones union–find needed.
  const linksByRoot = new Map<number, Edge[]>();
  for (const edge of edges) {
    const root = find(edge.a);
    const list = linksByRoot.get(root);
    if (list) list.push(edge);
    else linksByRoot.set(root, [edge]);
  }
  const members = new Map<number, number[]>();
  prepared.forEach((_, i) => {
    const root = find(i);
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  const clusters: DuplicateCluster[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    const links = used.get(root) ?? [];
    const records = list.map((i) => (prepared[i] as Prepared).record).sort(survivorOrder);
    const allLinks = linksByRoot.get(root) ?? links;
    const rules = [...new Set(allLinks.map((l) => l.rule))].sort();
    const score = Math.min(...links.map((l) => l.score));
    const first = records[0] as CustomerIdentity;
    clusters.push({
      cluster_id: `dup-${first.customer_id}`,
      customer_ids: records.map((r) => r.customer_id),
      score: Math.round(score * 1000) / 1000,
      rules,
      reason: describeRules(rules, prepared, allLinks),
    });
  }
  return clusters.sort((x, y) => (x.cluster_id < y.cluster_id ? -1 : x.cluster_id > y.cluster_id ? 1 : 0));
}

function survivorOrder(a: CustomerIdentity, b: CustomerIdentity): number {
  const ta = a.created_at ?? "\uffff";
  const tb = b.created_at ?? "\uffff";
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0;
}

function describeRules(
  rules: readonly MatchRule[],
  prepared: readonly Prepared[],
  links: readonly Edge[],
): string {
  return rules
    .map((rule) => {
      const link = links.find((l) => l.rule === rule);
      const a = prepared[link?.a ?? -1];
      const b = prepared[link?.b ?? -1];
      switch (rule) {
        case "email":
          return `same email (normalized: ${a?.email ?? ""})`;
        case "phone":
          return `same phone (normalized: ${a?.phones.find((k) => b?.phones.includes(k)) ?? ""})`;
        case "name_company":
          return `similar name + company (${a?.name ?? ""}${a?.company ? ` / ${a.company}` : ""}; ${Math.round((link?.score ?? 0) * 1000) / 1000})`;
        default:
          return assertUnreachable(rule);
      }
    })
    .join("; ");
}
