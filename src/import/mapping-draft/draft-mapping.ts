import { type ColumnDef, type EntityName, entityDef, IMPORT_ORDER } from "../../core/model/entities.js";
import { normalizeHeader } from "./normalize-header.js";
import { entityOfFileName, enumValueOf, headerMatches } from "./synonyms.js";
import {
  type DateShape,
  dateShape,
  fewValues,
  looksLikeEmails,
  type NumberShape,
  numberShape,
} from "./value-shapes.js";

/** A data file as `mapping init` sampled it. */
export interface SampledFile {
  /** Relative to the data folder, `/`-separated. */
  readonly name: string;
  readonly type: "csv" | "ndjson" | "json";
  /** The CSV separator when it is not a comma. */
  readonly delimiter: string | undefined;
  /** Set when the file is not UTF-8 (read as this WHATWG label). */
  readonly encoding: string | undefined;
  readonly header: readonly string[];
  /** The first rows, as text cells by header. */
  readonly rows: readonly Readonly<Record<string, string>>[];
}

/** One canonical column the draft fills from a source column. */
export interface DraftColumn {
  readonly column: string;
  readonly header: string;
  readonly date?: DateShape;
  readonly number?: NumberShape;
  /** Enum columns: each value seen and the canonical value it reads as (undefined: unknown). */
  readonly map?: readonly (readonly [string, string | undefined])[];
  readonly allowed?: readonly string[];
  /** Matched by its values (e-mail addresses), not its header. */
  readonly byValues?: boolean;
}

export interface DraftSource {
  readonly file: SampledFile;
  /** undefined: no entity recognized. */
  readonly entity: EntityName | undefined;
  readonly by: "name" | "headers";
  readonly columns: readonly DraftColumn[];
  /** Constant columns, e.g. the currency named by `$` symbols. */
  readonly constants: readonly (readonly [string, string])[];
  readonly unmatched: readonly string[];
  /** Required canonical columns (without a default) no header matched. */
  readonly missing: readonly string[];
}

/**
 * Guesses the entity and columns of each sampled file: the entity from the
 * file name, else from which entity's columns its headers name best; each
 * canonical column from its header name (synonyms in en, fa, ar, zh) and the
 * format of dates and numbers from the sampled values. Pure and
 * deterministic: same files, same draft.
 */
export function draftSources(files: readonly SampledFile[]): DraftSource[] {
  return [...files].sort((a, b) => cmp(a.name, b.name)).map(draftSource);
}

function draftSource(file: SampledFile): DraftSource {
  const normalized = file.header.map(normalizeHeader);
  const byName = entityOfFileName(baseName(file.name));
  const entity = byName ?? entityByHeaders(normalized);
  if (!entity) {
    return {
      file,
      entity: undefined,
      by: "headers",
      columns: [],
      constants: [],
      unmatched: [...file.header],
      missing: [],
    };
  }
  const def = entityDef(entity);
  const assigned = new Map<string, number>();
  const used = new Set<number>();
  for (const strength of [2, 1] as const) {
    for (const col of def.columns) {
      if (assigned.has(col.name)) continue;
      const index = normalized.findIndex(
        (h, i) => !used.has(i) && headerMatches(entity, col.name, h) === strength,
      );
      if (index >= 0) {
        assigned.set(col.name, index);
        used.add(index);
      }
    }
  }
  const byValues = new Set<string>();
  const emailCol = def.columns.find((c) => c.name === "email");
  if (emailCol && !assigned.has("email")) {
    const index = file.header.findIndex((h, i) => !used.has(i) && looksLikeEmails(valuesOf(file, h)));
    if (index >= 0) {
      assigned.set("email", index);
      used.add(index);
      byValues.add("email");
    }
  }
  const columns: DraftColumn[] = [];
  const constants: [string, string][] = [];
  for (const col of def.columns) {
    const index = assigned.get(col.name);
    if (index === undefined) continue;
    const header = file.header[index] as string;
    columns.push({
      ...shapeOf(col, valuesOf(file, header)),
      column: col.name,
      header,
      ...(byValues.has(col.name) ? { byValues: true } : {}),
    });
  }
  const currency = columns.find((c) => c.number?.currency)?.number?.currency;
  if (currency && def.columns.some((c) => c.name === "currency") && !assigned.has("currency")) {
    constants.push(["currency", currency]);
  }
  return {
    file,
    entity,
    by: byName ? "name" : "headers",
    columns,
    constants,
    unmatched: file.header.filter((_, i) => !used.has(i)),
    missing: def.columns
      .filter((c) => c.required && c.default === undefined && !assigned.has(c.name))
      .map((c) => c.name),
  };
}

function shapeOf(col: ColumnDef, values: readonly string[]): Omit<DraftColumn, "column" | "header"> {
  switch (col.kind) {
    case "timestamp":
    case "date": {
      const date = dateShape(values);
      return date && (date.pattern !== undefined || date.persian) ? { date } : {};
    }
    case "money":
    case "number":
    case "decimal":
    case "integer": {
      const number = numberShape(values);
      return number && !number.plain ? { number } : {};
    }
    case "enum": {
      const allowed = col.values ?? [];
      const seen = fewValues(values);
      if (!seen || seen.every((v) => allowed.includes(v))) return {};
      return { map: seen.map((v) => [v, enumValueOf(v, allowed)] as const), allowed };
    }
    default:
      return {};
  }
}

/** The entity whose columns the headers name best; at least one of its required columns must be named. */
function entityByHeaders(normalized: readonly string[]): EntityName | undefined {
  let best: { entity: EntityName; score: number } | undefined;
  for (const entity of IMPORT_ORDER) {
    const def = entityDef(entity);
    let score = 0;
    let required = false;
    for (const col of def.columns) {
      const strength = Math.max(0, ...normalized.map((h) => headerMatches(entity, col.name, h)));
      // A header naming the entity's own key is worth most: "Order ID" says orders.
      score += strength * (def.key[0] === col.name && strength === 2 ? 3 : 1);
      if (strength > 0 && col.required) required = true;
    }
    if (required && score > (best?.score ?? 1)) best = { entity, score };
  }
  return best?.entity;
}

function valuesOf(file: SampledFile, header: string): string[] {
  return file.rows.map((row) => row[header] ?? "");
}

function baseName(name: string): string {
  const last = name.split("/").pop() ?? name;
  return last.replace(/\.(csv|tsv|txt|ndjson|jsonl|json)$/i, "");
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
