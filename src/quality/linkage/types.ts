/** How two records' values of one field compare, strongest first. */
export type ComparisonLevel = "exact" | "normalized" | "fuzzy" | "different" | "missing";

/** The customer fields the linkage model compares. */
export type LinkageField = "name" | "email" | "phone" | "company" | "city" | "region" | "country" | "segment";

export const LINKAGE_FIELDS: readonly LinkageField[] = [
  "name",
  "email",
  "phone",
  "company",
  "city",
  "region",
  "country",
  "segment",
];

export const COMPARISON_LEVELS: readonly ComparisonLevel[] = [
  "exact",
  "normalized",
  "fuzzy",
  "different",
  "missing",
];

/** One field's part of a pair's evidence. */
export interface FieldEvidence {
  readonly field: LinkageField;
  readonly level: ComparisonLevel;
  /** log2(m/u) of that level; 0 when missing. Negative is evidence against. */
  readonly weight: number;
  readonly a: string | null;
  readonly b: string | null;
}

/** Why two records are (maybe) one customer. */
export interface PairEvidence {
  readonly a: string;
  readonly b: string;
  /** Total match weight, prior included, log2 of the odds. */
  readonly weight: number;
  /** Probability the pair is a match, 0..1. */
  readonly probability: number;
  readonly band: "match" | "review";
  readonly fields: readonly FieldEvidence[];
}

/** The customer fields duplicate detection reads. */
export interface CustomerIdentity {
  readonly customer_id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string | null;
  readonly country: string | null;
  readonly city?: string | null;
  readonly region?: string | null;
  readonly segment?: string | null;
  /** Sort key for the survivor: the earliest record is kept (ISO text sorts in time order). */
  readonly created_at: string | null;
}
