import { jaroWinkler } from "../jaro-winkler.js";
import { phoneKeys } from "../normalize-phone.js";
import { normalizeCompany, normalizeEmail, normalizeName } from "../normalize-text.js";
import type { CustomerIdentity } from "./types.js";
import { type ComparisonLevel, LINKAGE_FIELDS, type LinkageField } from "./types.js";

/** Levels as small integers, in COMPARISON_LEVELS order, so vectors pack into arrays. */
export const EXACT = 0;
export const NORMALIZED = 1;
export const FUZZY = 2;
export const DIFFERENT = 3;
export const MISSING = 4;
export const LEVEL_NAMES: readonly ComparisonLevel[] = [
  "exact",
  "normalized",
  "fuzzy",
  "different",
  "missing",
];
export const FIELD_COUNT = LINKAGE_FIELDS.length;

/**
 * Jaro–Winkler at or above which two present, unequal values are "fuzzy"; no entry: no fuzzy level.
 * Emails have none: namesakes' addresses (john.smith12@, john.smith40@) are near each other by construction.
 */
const FUZZY_AT: Partial<Record<LinkageField, number>> = {
  name: 0.88,
  phone: 0.97,
  company: 0.9,
  city: 0.9,
  region: 0.9,
  segment: 0.9,
};

/** A record with each field trimmed (raw) and as a matching key; "" is missing. */
export interface PreparedRecord {
  readonly record: CustomerIdentity;
  readonly raw: readonly string[];
  readonly key: readonly string[];
  /** The name key with its tokens sorted (word order swaps). */
  readonly sortedName: string;
  readonly phones: readonly string[];
}

/**
 * A preparer that remembers each field's keys: cities, regions, segments and
 * companies repeat across thousands of records, and normalizing is the slow part.
 */
export function createPreparer(): (record: CustomerIdentity) => PreparedRecord {
  const caches = LINKAGE_FIELDS.map(() => new Map<string, string>());
  return (record) => {
    const values: Record<LinkageField, string | null | undefined> = {
      name: record.name,
      email: record.email,
      phone: record.phone,
      company: record.company,
      city: record.city,
      region: record.region,
      country: record.country,
      segment: record.segment,
    };
    const phones = phoneKeys(record.phone, record.country);
    const raw = LINKAGE_FIELDS.map((f) => (values[f] ?? "").trim());
    const key = LINKAGE_FIELDS.map((field, f) => {
      if (field === "phone") return phones[0] ?? "";
      const value = values[field];
      if (!value) return "";
      const cache = caches[f] as Map<string, string>;
      let k = cache.get(value);
      if (k === undefined) {
        k = keyOf(field, value);
        cache.set(value, k);
      }
      return k;
    });
    const name = key[0] ?? "";
    return { record, raw, key, sortedName: name.split(" ").sort().join(" "), phones };
  };
}

export function prepareRecord(record: CustomerIdentity): PreparedRecord {
  return createPreparer()(record);
}

function keyOf(field: LinkageField, value: string): string {
  switch (field) {
    case "email":
      return normalizeEmail(value);
    case "company":
      return normalizeCompany(value);
    case "country":
      return value.trim().toUpperCase();
    default:
      return normalizeName(value);
  }
}

/** The comparison level of field number `f` for two prepared records. */
export function compareField(f: number, a: PreparedRecord, b: PreparedRecord): number {
  const ka = a.key[f] as string;
  const kb = b.key[f] as string;
  if (ka === "" || kb === "") return MISSING;
  if (a.raw[f] === b.raw[f]) return EXACT;
  const field = LINKAGE_FIELDS[f] as LinkageField;
  if (ka === kb) return NORMALIZED;
  if (field === "phone" && a.phones.some((k) => b.phones.includes(k))) return NORMALIZED;
  const at = FUZZY_AT[field];
  if (at === undefined) return DIFFERENT;
  let similarity = jaroWinkler(ka, kb);
  if (field === "name" && similarity < at)
    similarity = Math.max(similarity, jaroWinkler(a.sortedName, b.sortedName));
  return similarity >= at ? FUZZY : DIFFERENT;
}

/** All fields' levels of a pair, written into `out` at `offset`. */
export function compareInto(out: Uint8Array, offset: number, a: PreparedRecord, b: PreparedRecord): void {
  for (let f = 0; f < FIELD_COUNT; f++) out[offset + f] = compareField(f, a, b);
}
