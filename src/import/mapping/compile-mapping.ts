import { type EntityName, entityDef, IMPORT_ORDER, isEntityName } from "../../core/model/entities.js";
import type { DatasetSettings } from "../../core/model/settings.js";
import { checkEncoding } from "../text-decoding.js";
import { compileDateFormat, type DateFormat } from "./date-format.js";
import type { CompiledDedupe } from "./dedupe-records.js";
import {
  type Expr,
  type ExpressionScope,
  ExpressionSyntaxError,
  evaluate,
  parseExpression,
  referencedColumns,
  referencedVariables,
  toText,
} from "./expression.js";
import type { Aggregate, ColumnSpec, MappingSpec, SourceSpec } from "./mapping-schema.js";
import { type NumberFormat, normalizeNumber } from "./number-format.js";
import { applyFilter, compileTemplate } from "./template.js";
import { type CompiledUnpivot, compileUnpivot, unpivotOutputColumns } from "./unpivot.js";

/** A key path inside the mapping file: `["entities", "deals", 0, "columns", "amount"]`. */
export type KeyPath = readonly (string | number)[];

/** A problem in the mapping file at a key path; load-mapping.ts turns it into `mapping_invalid`. */
export class MappingProblem extends Error {
  constructor(
    readonly path: KeyPath,
    readonly problem: string,
  ) {
    super(problem);
    this.name = "MappingProblem";
  }
}

export type SourceType = "csv" | "ndjson" | "json";

/** What a compiled column or condition reads from one source row. */
export type RowScope = ExpressionScope;

export interface CompiledCondition {
  readonly text: string;
  readonly path: KeyPath;
  test(scope: RowScope): boolean;
}

export interface CompiledColumn {
  readonly target: string;
  readonly path: KeyPath;
  /** The canonical cell text ("" = empty). Throws ExpressionValueError on a value an expression cannot use. */
  value(scope: RowScope): string;
  /** In a grouped source: how the group's values become one (group-rows.ts). */
  readonly aggregate?: Aggregate;
  /** For aggregate first/last: the source column ordering the group's rows. */
  readonly orderBy?: string;
}

export interface CompiledVariant {
  readonly where: CompiledCondition | undefined;
  readonly columns: readonly CompiledColumn[];
}

export interface CompiledJoin {
  readonly path: KeyPath;
  readonly from: string;
  readonly type: SourceType;
  readonly delimiter: string | undefined;
  readonly encoding: string | undefined;
  readonly matchColumns: readonly string[] | undefined;
  /** No file: the join's columns read as empty. */
  readonly optional: boolean;
  readonly key: string;
  readonly on: string;
  readonly as: string;
  /** An inner join: rows without a match are dropped (and counted). */
  readonly required: boolean;
}

export interface CompiledSource {
  readonly entity: EntityName;
  readonly path: KeyPath;
  readonly from: string;
  readonly type: SourceType;
  readonly delimiter: string | undefined;
  /** WHATWG label of the source's files; undefined: the CLI's --encoding, else UTF-8. */
  readonly encoding: string | undefined;
  /** Header names a file must have to be this source's file (source-files.ts). */
  readonly matchColumns: readonly string[] | undefined;
  /** No matching file is a warning, not an error. */
  readonly optional: boolean;
  /** Files looked up by key for each row; their columns read as `as.column`. */
  readonly joins: readonly CompiledJoin[];
  readonly where: CompiledCondition | undefined;
  readonly unpivot: CompiledUnpivot | undefined;
  readonly variants: readonly CompiledVariant[];
  /** Canonical columns this source fills, in a stable order. */
  readonly targetColumns: readonly string[];
  readonly dedupeKey: readonly string[] | undefined;
  /** The dedupe rule (key, keep, by, ignore_case); undefined: no dedupe. */
  readonly dedupe: CompiledDedupe | undefined;
  /** `group_by`: source columns whose trimmed values make one group (group-rows.ts). */
  readonly groupBy: { readonly columns: readonly string[]; readonly path: KeyPath } | undefined;
  /** Source columns the mapping reads, with the key path that reads each (checked against the header). */
  readonly reads: readonly { readonly column: string; readonly path: KeyPath }[];
}

export interface CompiledMapping {
  readonly settings: Partial<DatasetSettings> | undefined;
  readonly vars: Readonly<Record<string, string>>;
  readonly sources: readonly CompiledSource[];
}

/**
 * Checks what zod cannot (entity and column names, expressions, templates,
 * date formats, variables) and compiles every rule once, so reading a row is
 * only calling closures. `rawSettingKeys` are the settings the user wrote
 * (zod fills defaults for the others, which must not override crm-kpi.json).
 */
export function compileMapping(spec: MappingSpec, rawSettingKeys: readonly string[] = []): CompiledMapping {
  const vars = spec.vars ?? {};
  const sources: CompiledSource[] = [];
  for (const [entity, list] of Object.entries(spec.entities)) {
    if (!isEntityName(entity)) {
      throw new MappingProblem(
        ["entities", entity],
        `unknown entity "${entity}"; use one of ${IMPORT_ORDER.join(", ")}`,
      );
    }
    list.forEach((source, index) => {
      sources.push(compileSource(entity, source, ["entities", entity, index], vars));
    });
  }
  if (sources.length === 0) throw new MappingProblem(["entities"], "map at least one entity, e.g. customers");
  sources.sort((a, b) => IMPORT_ORDER.indexOf(a.entity) - IMPORT_ORDER.indexOf(b.entity));

  let settings: Partial<DatasetSettings> | undefined;
  if (spec.settings) {
    const given: Record<string, unknown> = {};
    for (const key of rawSettingKeys) {
      if (key in spec.settings) given[key] = (spec.settings as Record<string, unknown>)[key];
    }
    settings = given as Partial<DatasetSettings>;
  }
  return { settings, vars, sources };
}

function compileSource(
  entity: EntityName,
  spec: SourceSpec,
  path: KeyPath,
  vars: Readonly<Record<string, string>>,
): CompiledSource {
  const def = entityDef(entity);
  const known = new Set(def.columns.map((c) => c.name));
  const reads: { column: string; path: KeyPath }[] = [];
  const ctx: CompileContext = { vars, reads };

  const where = spec.where === undefined ? undefined : compileCondition(spec.where, [...path, "where"], ctx);
  const base = compileColumns(spec.columns, [...path, "columns"], known, entity, ctx);
  const variants: CompiledVariant[] = spec.split
    ? spec.split.map((variant, i) => {
        const own = compileColumns(variant.columns, [...path, "split", i, "columns"], known, entity, ctx);
        const overridden = new Set(own.map((c) => c.target));
        return {
          where:
            variant.where === undefined
              ? undefined
              : compileCondition(variant.where, [...path, "split", i, "where"], ctx),
          columns: [...base.filter((c) => !overridden.has(c.target)), ...own],
        };
      })
    : [{ where: undefined, columns: base }];

  const targets = new Set(variants.flatMap((v) => v.columns.map((c) => c.target)));
  // Canonical order reads better in errors and previews than the mapping's order.
  const targetColumns = def.columns.map((c) => c.name).filter((name) => targets.has(name));

  const dedupe = compileDedupe(spec.dedupe, def.key, targets, [...path, "dedupe"]);
  const dedupeKey = dedupe?.key;
  const groupBy = compileGroupBy(spec, path, variants, reads);

  const type = spec.type ?? typeFromExtension(spec.from, [...path, "from"]);
  const unpivotSpec = spec.unpivot;
  const unpivot = unpivotSpec
    ? compileOrThrow([...path, "unpivot", "match"], () => compileUnpivot(unpivotSpec))
    : undefined;
  if (unpivot?.columns) {
    unpivot.columns.forEach((column, i) => {
      reads.push({ column, path: [...path, "unpivot", "columns", i] });
    });
  }
  const joins: CompiledJoin[] = (spec.join ?? []).map((join, i) => {
    const joinPath = [...path, "join", i];
    const on = join.on ?? join.key;
    reads.push({ column: on, path: [...joinPath, join.on ? "on" : "key"] });
    checkJoinOn(on, spec.join ?? [], i, [...joinPath, "on"]);
    return {
      path: joinPath,
      from: join.from,
      type: join.type ?? typeFromExtension(join.from, [...joinPath, "from"]),
      delimiter: join.delimiter,
      encoding: checkedEncoding(join.encoding, [...joinPath, "encoding"]),
      matchColumns: join.match_columns,
      optional: join.optional,
      key: join.key,
      on,
      as: join.as,
      required: join.required,
    };
  });
  return {
    entity,
    path,
    from: spec.from,
    type,
    delimiter: spec.delimiter,
    encoding: checkedEncoding(spec.encoding, [...path, "encoding"]),
    matchColumns: spec.match_columns,
    optional: spec.optional,
    joins,
    where,
    unpivot,
    variants,
    targetColumns,
    dedupeKey,
    dedupe,
    groupBy,
    // Unpivot's name/value (and match group) columns exist only after the split, not in the file.
    reads: reads.filter((r) => !unpivot || !unpivotOutputColumns(unpivot).includes(r.column)),
  };
}

/** `on: o.customer_id` reads a column of an earlier join; a later (or its own) alias has no value yet. */
function checkJoinOn(on: string, joins: SourceSpec["join"] & {}, index: number, path: KeyPath): void {
  const dot = on.indexOf(".");
  if (dot <= 0) return;
  const alias = on.slice(0, dot);
  const at = joins.findIndex((j) => j.as === alias);
  if (at >= index) {
    const earlier = joins.slice(0, index).map((j) => j.as);
    throw new MappingProblem(
      path,
      `"${on}" names the join "${alias}", which is ${at === index ? "this join itself" : "a later join"}; on: may name the main file's columns or those of an earlier join${earlier.length > 0 ? ` (${earlier.join(", ")})` : ""}: move the join "${alias}" up`,
    );
  }
}

function compileDedupe(
  spec: SourceSpec["dedupe"],
  entityKey: readonly string[],
  targets: ReadonlySet<string>,
  path: KeyPath,
): CompiledDedupe | undefined {
  if (spec === undefined || spec === false) return undefined;
  const rule =
    spec === true
      ? { keep: "first" as const, ignore_case: false }
      : Array.isArray(spec)
        ? { key: spec, keep: "first" as const, ignore_case: false }
        : spec;
  const keyPath = Array.isArray(spec) ? path : [...path, "key"];
  const key = rule.key ?? entityKey;
  key.forEach((column, i) => {
    if (rule.key && !targets.has(column)) {
      throw new MappingProblem(
        [...keyPath, i],
        `"${column}" is not a column this source fills; dedupe on one of: ${[...targets].join(", ")}`,
      );
    }
  });
  const by = "by" in rule ? rule.by : undefined;
  if ((rule.keep === "earliest" || rule.keep === "latest") && by === undefined) {
    throw new MappingProblem(
      [...path, "by"],
      `keep: ${rule.keep} needs by: the canonical column to compare, e.g. by: created_at`,
    );
  }
  if (by !== undefined && !targets.has(by)) {
    throw new MappingProblem(
      [...path, "by"],
      `"${by}" is not a column this source fills; compare by one of: ${[...targets].join(", ")}`,
    );
  }
  return { key, keep: rule.keep, by, ignoreCase: rule.ignore_case, path };
}

/** `group_by` columns are read from the row (checked against the header); aggregates need a group. */
function compileGroupBy(
  spec: SourceSpec,
  path: KeyPath,
  variants: readonly CompiledVariant[],
  reads: { column: string; path: KeyPath }[],
): CompiledSource["groupBy"] {
  const columns = variants.flatMap((v) => v.columns);
  if (!spec.group_by) {
    const aggregated = columns.find((c) => c.aggregate !== undefined);
    if (aggregated) {
      throw new MappingProblem(
        [...aggregated.path, "aggregate"],
        "aggregate: needs group_by: on the source, the columns whose values make one group",
      );
    }
    return undefined;
  }
  spec.group_by.forEach((column, i) => {
    reads.push({ column, path: [...path, "group_by", i] });
  });
  return { columns: spec.group_by, path: [...path, "group_by"] };
}

function typeFromExtension(file: string, path: KeyPath): SourceType {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "json";
  throw new MappingProblem(path, `cannot tell the format of "${file}"; add type: csv, ndjson or json`);
}

/** The WHATWG name of a source's `encoding` label; an unknown label is a mapping problem at its key. */
function checkedEncoding(label: string | undefined, path: KeyPath): string | undefined {
  return label === undefined ? undefined : compileOrThrow(path, () => checkEncoding(label));
}

interface CompileContext {
  readonly vars: Readonly<Record<string, string>>;
  readonly reads: { column: string; path: KeyPath }[];
}

function compileColumns(
  specs: Readonly<Record<string, ColumnSpec>>,
  path: KeyPath,
  known: ReadonlySet<string>,
  entity: EntityName,
  ctx: CompileContext,
): CompiledColumn[] {
  return Object.entries(specs).map(([target, spec]) => {
    if (!known.has(target)) {
      throw new MappingProblem(
        [...path, target],
        `${entity} has no column "${target}"; the left side names a canonical column: ${[...known].join(", ")}`,
      );
    }
    const integer = entityDef(entity).columns.find((c) => c.name === target)?.kind === "integer";
    return compileColumn(target, spec, [...path, target], ctx, integer);
  });
}

function compileColumn(
  target: string,
  spec: ColumnSpec,
  path: KeyPath,
  ctx: CompileContext,
  integer = false,
): CompiledColumn {
  if (typeof spec === "string") {
    ctx.reads.push({ column: spec, path });
    return { target, path, value: (scope) => (scope.column(spec) ?? "").trim() };
  }

  let read: (scope: RowScope) => string;
  if (spec.column !== undefined) {
    const column = spec.column;
    ctx.reads.push({ column, path: [...path, "column"] });
    read = (scope) => scope.column(column) ?? "";
  } else if (spec.const !== undefined) {
    const constant = spec.const;
    read = () => constant;
  } else if (spec.template !== undefined) {
    const template = compileOrThrow([...path, "template"], () => compileTemplate(spec.template as string));
    for (const column of template.columns) ctx.reads.push({ column, path: [...path, "template"] });
    checkVariables(template.variables, [...path, "template"], ctx);
    read = (scope) => template.render(scope);
  } else {
    const expr = compileExpression(spec.expr as string, [...path, "expr"], ctx);
    read = (scope) => toText(evaluate(expr, scope));
  }

  const when = spec.when === undefined ? undefined : compileCondition(spec.when, [...path, "when"], ctx);
  const map = spec.map ? new Map(Object.entries(spec.map)) : undefined;
  const otherwise = spec.else;
  // `number:` on a whole-number target reads a count written 2.0 (HubSpot) as 2.
  const numberFormat: NumberFormat | undefined =
    spec.number && integer ? { ...spec.number, integer } : spec.number;
  const format = spec.format;
  const dateFormat: DateFormat | undefined =
    format === undefined
      ? undefined
      : compileOrThrow([...path, "format"], () =>
          typeof format === "string"
            ? compileDateFormat(format)
            : compileDateFormat(format.pattern, format.calendar, format.zone),
        );
  const transform = spec.transform;
  const fallback = spec.default;
  const aggregate = spec.aggregate;
  const orderBy = spec.order_by;
  if (orderBy !== undefined) {
    if (aggregate !== "first" && aggregate !== "last") {
      throw new MappingProblem(
        [...path, "order_by"],
        "order_by: orders the rows for aggregate: first or last; remove it or set one of those",
      );
    }
    ctx.reads.push({ column: orderBy, path: [...path, "order_by"] });
  }

  return {
    target,
    path,
    ...(aggregate === undefined ? {} : { aggregate }),
    ...(orderBy === undefined ? {} : { orderBy }),
    value(scope) {
      if (when && !when.test(scope)) return fallback ?? "";
      let value = read(scope).trim();
      if (map) {
        const mapped = map.get(value);
        if (mapped !== undefined) value = mapped;
        else if (otherwise !== undefined && value !== "") value = otherwise;
      }
      // A value the format cannot read stays as written: the importer then
      // rejects it with this file, line and column, and shows the value.
      if (value !== "" && numberFormat) value = normalizeNumber(value, numberFormat) ?? value;
      if (value !== "" && dateFormat) value = dateFormat.parse(value) ?? value;
      if (value !== "" && transform) value = applyFilter(value, transform);
      return value === "" ? (fallback ?? "") : value;
    },
  };
}

function compileCondition(text: string, path: KeyPath, ctx: CompileContext): CompiledCondition {
  const expr = compileExpression(text, path, ctx);
  return {
    text,
    path,
    test(scope) {
      const v = evaluate(expr, scope);
      return v !== null && v !== false && v !== "" && v !== 0;
    },
  };
}

function compileExpression(text: string, path: KeyPath, ctx: CompileContext): Expr {
  let expr: Expr;
  try {
    expr = parseExpression(text);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      throw new MappingProblem(
        path,
        `${error.message} at character ${error.offset + 1} of "${text}"; quote text as 'Won' and odd column names as \`Customer ID\``,
      );
    }
    throw error;
  }
  for (const column of referencedColumns(expr)) ctx.reads.push({ column, path });
  checkVariables(referencedVariables(expr), path, ctx);
  return expr;
}

function checkVariables(names: readonly string[], path: KeyPath, ctx: CompileContext): void {
  for (const name of names) {
    if (!(name in ctx.vars)) {
      throw new MappingProblem(
        path,
        `unknown variable $${name}; define it under vars: at the top of the mapping`,
      );
    }
  }
}

function compileOrThrow<T>(path: KeyPath, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    throw new MappingProblem(path, error instanceof Error ? error.message : String(error));
  }
}
