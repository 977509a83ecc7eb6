import {
  compareField,
  EXACT,
  FIELD_COUNT,
  FUZZY,
  MISSING,
  NORMALIZED,
  type PreparedRecord,
} from "./compare-fields.js";
import { LINKAGE_FIELDS, type LinkageField } from "./types.js";

/** Probabilities of the four present levels (exact, normalized, fuzzy, different) per field. */
export type LevelProbabilities = readonly (readonly number[])[];

export interface LinkageModel {
  /** P(level | match), per field. */
  readonly m: LevelProbabilities;
  /** P(level | non-match), per field, from random pairs. */
  readonly u: LevelProbabilities;
  /** Probability that two random records are one customer. */
  readonly lambda: number;
  /** log2(m/u) per field and level (missing: 0). */
  readonly weights: readonly (readonly number[])[];
  /** log2(λ / (1 − λ)). */
  readonly priorWeight: number;
}

// What a match looks like before the data says otherwise (and what small data falls back on).
const DEFAULT_M: Readonly<Record<LinkageField, readonly number[]>> = {
  name: [0.6, 0.2, 0.15, 0.05],
  email: [0.5, 0.42, 0.05, 0.03],
  phone: [0.3, 0.64, 0.03, 0.03],
  company: [0.75, 0.1, 0.1, 0.05],
  city: [0.85, 0.05, 0.04, 0.06],
  region: [0.9, 0.03, 0.02, 0.05],
  country: [0.95, 0.02, 0.001, 0.03],
  segment: [0.9, 0.03, 0.02, 0.05],
};
const DEFAULT_U: Readonly<Record<LinkageField, readonly number[]>> = {
  name: [0.001, 0.0005, 0.005, 0.9935],
  email: [0.0001, 0.0001, 0.001, 0.9998],
  phone: [0.0001, 0.0001, 0.001, 0.9998],
  company: [0.01, 0.002, 0.01, 0.978],
  city: [0.05, 0.005, 0.01, 0.935],
  region: [0.15, 0.01, 0.01, 0.83],
  country: [0.15, 0.01, 0.001, 0.839],
  segment: [0.3, 0.01, 0.01, 0.68],
};
/** Pseudo-counts that pull estimates toward the defaults: random pairs for u, matches for m. */
const U_PSEUDO_PAIRS = 10_000;
const U_PSEUDO_SAMPLED = 1000;
const M_PSEUDO_MATCHES = 10;
const M_FLOOR = 0.001;
const U_FLOOR = 1e-9;
const SAMPLE_PAIRS = 20_000;
const EM_ITERATIONS = 60;

/**
 * u from random pairs: exact and normalized agreement counted exactly from
 * value frequencies (every pair at once), the fuzzy rate from a seeded
 * sample of random pairs; shrunk toward DEFAULT_U on small data.
 */
export function estimateU(records: readonly PreparedRecord[], seed = 1): number[][] {
  const n = records.length;
  const sample = samplePairs(n, seed);
  return LINKAGE_FIELDS.map((field, f) => {
    const rawCounts = new Map<string, number>();
    const keyCounts = new Map<string, number>();
    let present = 0;
    for (const r of records) {
      const key = r.key[f] as string;
      if (key === "") continue;
      present++;
      const raw = r.raw[f] as string;
      rawCounts.set(raw, (rawCounts.get(raw) ?? 0) + 1);
      keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    }
    const pairs = (counts: Map<string, number>) => {
      let s = 0;
      for (const c of counts.values()) s += (c * (c - 1)) / 2;
      return s;
    };
    const presentPairs = (present * (present - 1)) / 2;
    const exact = pairs(rawCounts);
    const normalized = pairs(keyCounts) - exact;
    let sampled = 0;
    let fuzzy = 0;
    for (let i = 0; i < sample.length; i += 2) {
      const a = records[sample[i] as number] as PreparedRecord;
      const b = records[sample[i + 1] as number] as PreparedRecord;
      const level = compareField(f, a, b);
      if (level === MISSING) continue;
      sampled++;
      if (level === FUZZY) fuzzy++;
    }
    const u0 = DEFAULT_U[field];
    const shrink = (count: number, total: number, level: number, pseudo: number) =>
      (count + pseudo * (u0[level] as number)) / (total + pseudo);
    const u = [
      shrink(exact, presentPairs, EXACT, U_PSEUDO_PAIRS),
      shrink(normalized, presentPairs, NORMALIZED, U_PSEUDO_PAIRS),
      // the fuzzy rate rests on a sample, not every pair: a lighter pull
      shrink(fuzzy, sampled, FUZZY, U_PSEUDO_SAMPLED),
    ].map((p) => Math.max(U_FLOOR, p));
    u.push(Math.max(0.001, 1 - u.reduce((s, x) => s + x, 0)));
    return normalize(u, U_FLOOR);
  });
}

/** Distinct random pairs (i < j) as a flat array, every pair when there are few. */
function samplePairs(n: number, seed: number): Uint32Array {
  const all = (n * (n - 1)) / 2;
  if (all <= SAMPLE_PAIRS) {
    const out = new Uint32Array(all * 2);
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        out[k++] = i;
        out[k++] = j;
      }
    }
    return out;
  }
  const out = new Uint32Array(SAMPLE_PAIRS * 2);
  let state = (seed * 0x9e3779b1) >>> 0 || 1;
  const next = () => {
    // xorshift32: deterministic and fast; quality is ample for sampling pairs
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  for (let k = 0; k < SAMPLE_PAIRS; k++) {
    const i = Math.floor(next() * n);
    let j = Math.floor(next() * (n - 1));
    if (j >= i) j++;
    out[2 * k] = Math.min(i, j);
    out[2 * k + 1] = Math.max(i, j);
  }
  return out;
}

export interface ComparisonPatterns {
  /** Distinct comparison vectors, FIELD_COUNT levels each. */
  readonly vectors: Uint8Array;
  readonly counts: readonly number[];
}

/** Collapses comparison vectors (FIELD_COUNT levels each) into distinct patterns with counts. */
export function countPatterns(levels: Uint8Array, pairs: number): ComparisonPatterns {
  const index = new Map<number, number>();
  const counts: number[] = [];
  const vectors: number[] = [];
  for (let p = 0; p < pairs; p++) {
    let code = 0;
    for (let f = 0; f < FIELD_COUNT; f++) code = code * 5 + (levels[p * FIELD_COUNT + f] as number);
    const seen = index.get(code);
    if (seen !== undefined) counts[seen] = (counts[seen] as number) + 1;
    else {
      index.set(code, counts.length);
      counts.push(1);
      for (let f = 0; f < FIELD_COUNT; f++) vectors.push(levels[p * FIELD_COUNT + f] as number);
    }
  }
  return { vectors: Uint8Array.from(vectors), counts };
}

export interface EmResult {
  readonly m: number[][];
  /** Share of the pairs that are matches. */
  readonly lambda: number;
}

/**
 * Expectation–maximization of m and λ over comparison patterns, u held at
 * its random-pair values (as Splink trains): fields independent given the
 * class, missing levels saying nothing. `skip` fields are left out: the
 * pairs were chosen by agreeing on them, so they say nothing here. m is
 * pulled toward `mPrior` by a few pseudo-matches so small data stays sane.
 */
export function expectationMaximization(
  patterns: ComparisonPatterns,
  mPrior: LevelProbabilities,
  u: LevelProbabilities,
  skip: ReadonlySet<number> = new Set(),
  lambdaStart = 0.3,
): EmResult {
  let m = mPrior.map((row) => [...row]);
  let lambda = lambdaStart;
  const { vectors, counts } = patterns;
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return { m, lambda };
  const logU = u.map((row) => row.map(Math.log));
  for (let iteration = 0; iteration < EM_ITERATIONS; iteration++) {
    const mSum = LINKAGE_FIELDS.map(() => [0, 0, 0, 0]);
    const logM = m.map((row) => row.map(Math.log));
    let matches = 0;
    for (let p = 0; p < counts.length; p++) {
      let logRatio = Math.log(lambda) - Math.log(1 - lambda);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const level = vectors[p * FIELD_COUNT + f] as number;
        if (level === MISSING || skip.has(f)) continue;
        logRatio += ((logM[f] as number[])[level] as number) - ((logU[f] as number[])[level] as number);
      }
      const c = (counts[p] as number) / (1 + Math.exp(-logRatio));
      matches += c;
      for (let f = 0; f < FIELD_COUNT; f++) {
        const level = vectors[p * FIELD_COUNT + f] as number;
        if (level !== MISSING) (mSum[f] as number[])[level] = ((mSum[f] as number[])[level] as number) + c;
      }
    }
    const nextLambda = Math.min(0.999, Math.max(1e-6, matches / total));
    const nextM = mSum.map((row, f) => {
      const sum = row.reduce((s, x) => s + x, 0);
      const prior = mPrior[f] as readonly number[];
      return normalize(
        row.map((x, l) => (x + M_PSEUDO_MATCHES * (prior[l] as number)) / (sum + M_PSEUDO_MATCHES)),
        M_FLOOR,
      );
    });
    const change = Math.abs(nextLambda - lambda) + maxChange(m, nextM);
    m = nextM;
    lambda = nextLambda;
    if (change < 1e-7) break;
  }
  return { m, lambda };
}

function maxChange(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let most = 0;
  a.forEach((row, f) => {
    row.forEach((x, l) => {
      most = Math.max(most, Math.abs(x - ((b[f] as readonly number[])[l] as number)));
    });
  });
  return most;
}

/**
 * Sane weights: a normalized agreement is never stronger evidence than an
 * exact one, nor a fuzzy one than a normalized one (their u is tiny on clean
 * data, m mostly the prior); a disagreement is never evidence for; missing is 0.
 */
function orderedWeights(raw: readonly number[]): number[] {
  const exact = raw[EXACT] as number;
  const normalized = Math.min(raw[NORMALIZED] as number, exact);
  const fuzzy = Math.min(raw[FUZZY] as number, normalized);
  return [exact, normalized, fuzzy, Math.min(0, raw[3] as number), 0];
}

function normalize(row: readonly number[], floor: number): number[] {
  const floored = row.map((x) => Math.max(floor, x));
  const sum = floored.reduce((s, x) => s + x, 0);
  return floored.map((x) => x / sum);
}

export const DEFAULT_M_TABLE: LevelProbabilities = LINKAGE_FIELDS.map((f) => DEFAULT_M[f]);

const EMAIL = 1;
const PHONE = 2;
const agrees = (level: number) => level === EXACT || level === NORMALIZED;

/** The comparison vectors of the pairs whose field `f` agrees (a training session "blocked" on it). */
function agreeingOn(levels: Uint8Array, pairs: number, f: number): { levels: Uint8Array; pairs: number } {
  const out: number[] = [];
  for (let p = 0; p < pairs; p++) {
    if (!agrees(levels[p * FIELD_COUNT + f] as number)) continue;
    for (let k = 0; k < FIELD_COUNT; k++) out.push(levels[p * FIELD_COUNT + k] as number);
  }
  return { levels: Uint8Array.from(out), pairs: out.length / FIELD_COUNT };
}

/**
 * The whole model from the data: u from random pairs; m by EM in sessions,
 * as Splink trains, each over the compared pairs that agree on one field,
 * which then says nothing there: pairs agreeing on email give m of every
 * other field, pairs agreeing on phone give m of email. (A session over
 * pairs agreeing on the name would learn what namesakes look like: people
 * with one name share a language, often a company and a city.) The number
 * of matches, hence the prior over all pairs, comes from the email session
 * scaled by how often matches share an email.
 */
export function estimateModel(
  records: readonly PreparedRecord[],
  levels: Uint8Array,
  pairs: number,
  seed = 1,
): LinkageModel {
  const u = estimateU(records, seed);
  const session = (f: number) => {
    const chosen = agreeingOn(levels, pairs, f);
    return {
      pairs: chosen.pairs,
      ...expectationMaximization(
        countPatterns(chosen.levels, chosen.pairs),
        DEFAULT_M_TABLE,
        u,
        new Set([f]),
      ),
    };
  };
  const byEmail = session(EMAIL);
  const byPhone = session(PHONE);
  const m = byEmail.m.map((row, f) => (f === EMAIL ? (byPhone.m[EMAIL] as number[]) : row));
  const n = records.length;
  const withEmail = records.filter((r) => r.key[EMAIL] !== "").length / Math.max(1, n);
  const emailAgrees =
    ((m[EMAIL] as number[])[EXACT] as number) + ((m[EMAIL] as number[])[NORMALIZED] as number);
  const matches = (byEmail.lambda * byEmail.pairs) / Math.max(0.2, emailAgrees * withEmail * withEmail);
  const allPairs = Math.max(1, (n * (n - 1)) / 2);
  const lambda = Math.min(0.5, Math.max(1e-12, (matches + 0.5) / allPairs));
  const weights = m.map((row, f) =>
    orderedWeights(row.map((x, l) => Math.log2(x / ((u[f] as number[])[l] as number)))),
  );
  return { m, u, lambda, weights, priorWeight: Math.log2(lambda / (1 - lambda)) };
}
