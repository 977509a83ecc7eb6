import { type EntityName, entityDef, IMPORT_ORDER, isEntityName } from "../../core/model/entities.js";
import type { DatasetSettings } from "../../core/model/settings.js";
import { compileDateFormat, type DateFormat } from "./date-format.js";
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
import type { ColumnSpec, MappingSpec, SourceSpec } from "./mapping-schema.js";
import { type NumberFormat, normalizeNumber } from "./number-format.js";
import { applyFilter, compileTemplate } from "./template.js";

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
  readonly key: string;
  readonly on: string;
  readonly as: string;
}

export interface CompiledSource {
  readonly entity: EntityName;
  readonly path: KeyPath;
  readonly from: string;
  readonly type: SourceType;
  readonly delimiter: string | undefined;
  /** Files looked up by key for each row; their columns read as `as.column`. */
  readonly joins: readonly CompiledJoin[];
  readonly where: CompiledCondition | undefined;
  readonly unpivot:
    | { columns: readonly string[]; name: string; value: string; keepEmpty: boolean }
    | undefined;
  readonly variants: readonly CompiledVariant[];
  /** Canonical columns this source fills, in a stable order. */
  readonly targetColumns: readonly string[];
  readonly dedupeKey: readonly string[] | undefined;
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

  let dedupeKey: readonly string[] | undefined;
  if (spec.dedupe === true) dedupeKey = def.key;
  else if (Array.isArray(spec.dedupe)) {
    spec.dedupe.forEach((column, i) => {
      if (!targets.has(column)) {
        throw new MappingProblem(
          [...path, "dedupe", i],
          `"${column}" is not a column this source fills; dedupe on one of: ${[...targets].join(", ")}`,
        );
      }
    });
    dedupeKey = spec.dedupe;
  }

  const type = spec.type ?? typeFromExtension(spec.from, [...path, "from"]);
  const unpivot = spec.unpivot
    ? {
        columns: spec.unpivot.columns ?? [], // TODO(H1b): unpivot.match
        name: spec.unpivot.name,
        value: spec.unpivot.value,
        keepEmpty: spec.unpivot.keep_empty,
      }
    : undefined;
  if (unpivot) {
    unpivot.columns.forEach((column, i) => {
      reads.push({ column, path: [...path, "unpivot", "columns", i] });
    });
  }
  const joins: CompiledJoin[] = (spec.join ?? []).map((join, i) => {
    const joinPath = [...path, "join", i];
    const on = join.on ?? join.key;
    reads.push({ column: on, path: [...joinPath, join.on ? "on" : "key"] });
    return {
      path: joinPath,
      from: join.from,
      type: join.type ?? typeFromExtension(join.from, [...joinPath, "from"]),
      delimiter: join.delimiter,
      key: join.key,
      on,
      as: join.as,
    };
  });
  return {
    entity,
    path,
    from: spec.from,
    type,
    delimiter: spec.delimiter,
    joins,
    where,
    unpivot,
    variants,
    targetColumns,
    dedupeKey,
    // Unpivot's name/value columns exist only after the split, not in the file.
    reads: reads.filter((r) => !unpivot || (r.column !== unpivot.name && r.column !== unpivot.value)),
  };
}

function typeFromExtension(file: string, path: KeyPath): SourceType {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".txt")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "json";
  throw new MappingProblem(path, `cannot tell the format of "${file}"; add type: csv, ndjson or json`);
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
    return compileColumn(target, spec, [...path, target], ctx);
  });
}

function compileColumn(target: string, spec: ColumnSpec, path: KeyPath, ctx: CompileContext): CompiledColumn {
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
  const numberFormat: NumberFormat | undefined = spec.number;
  const format = spec.format;
  const dateFormat: DateFormat | undefined =
    format === undefined
      ? undefined
      : compileOrThrow([...path, "format"], () =>
          typeof format === "string"
            ? compileDateFormat(format)
            : compileDateFormat(format.pattern, format.calendar),
        );
  const transform = spec.transform;
  const fallback = spec.default;

  return {
    target,
    path,
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
