import {
  EXACT,
  FIELD_COUNT,
  LEVEL_NAMES,
  MISSING,
  NORMALIZED,
  type PreparedRecord,
} from "./compare-fields.js";
import type { LinkageModel } from "./estimate-weights.js";
import { type FieldEvidence, LINKAGE_FIELDS, type LinkageField, type PairEvidence } from "./types.js";

const CITY = LINKAGE_FIELDS.indexOf("city");
const REGION = LINKAGE_FIELDS.indexOf("region");
const COUNTRY = LINKAGE_FIELDS.indexOf("country");
const agrees = (level: number | undefined) => level === EXACT || level === NORMALIZED;

/**
 * log2(m/u) of field `f`'s level in a pair. Places nest: one city implies its
 * country and region, one country its region, so an agreement already
 * counted at a finer place adds nothing (u of the city is the chance of
 * sharing all three).
 */
export function fieldWeight(model: LinkageModel, levels: Uint8Array, offset: number, f: number): number {
  const level = levels[offset + f] as number;
  if (f === COUNTRY || f === REGION) {
    if (agrees(level) && agrees(levels[offset + CITY])) return 0;
    if (f === REGION && agrees(level) && agrees(levels[offset + COUNTRY])) return 0;
  }
  return (model.weights[f] as readonly number[])[level] as number;
}

/** Total match weight of a comparison vector: the prior plus each field's weight. */
export function matchWeight(model: LinkageModel, levels: Uint8Array, offset: number): number {
  let weight = model.priorWeight;
  for (let f = 0; f < FIELD_COUNT; f++) weight += fieldWeight(model, levels, offset, f);
  return weight;
}

/** Match probability of a weight (log2 odds). */
export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The evidence of one pair, field by field, for people to read. */
export function pairEvidence(
  model: LinkageModel,
  a: PreparedRecord,
  b: PreparedRecord,
  levels: Uint8Array,
  offset: number,
  band: "match" | "review",
): PairEvidence {
  const weight = matchWeight(model, levels, offset);
  const fields: FieldEvidence[] = LINKAGE_FIELDS.map((field: LinkageField, f) => {
    const level = levels[offset + f] as number;
    return {
      field,
      level: LEVEL_NAMES[level] ?? "missing",
      weight: level === MISSING ? 0 : round(fieldWeight(model, levels, offset, f), 2),
      a: (a.raw[f] as string) === "" ? null : (a.raw[f] as string),
      b: (b.raw[f] as string) === "" ? null : (b.raw[f] as string),
    };
  });
  return {
    a: a.record.customer_id,
    b: b.record.customer_id,
    weight: round(weight, 2),
    probability: round(probabilityOf(weight), 4),
    band,
    fields,
  };
}
