/**
 * Unpivot: one source row becomes one record per listed (or matching)
 * column. `unpivot.match` is a regular expression that must match a whole
 * header name; its named groups read as columns of the record, so HubSpot's
 * `Date entered "Won (Sales Pipeline)"` can give the stage and the pipeline.
 */

export interface CompiledUnpivot {
  /** The columns by name (`unpivot.columns`), or undefined with `match`. */
  readonly columns: readonly string[] | undefined;
  /** Full-match regular expression over header names (`unpivot.match`). */
  readonly match: RegExp | undefined;
  /** Named groups of `match`: extra columns each record can read. */
  readonly groups: readonly string[];
  readonly name: string;
  readonly value: string;
  readonly keepEmpty: boolean;
}

/** One column to unpivot, with the values of `match`'s named groups for it. */
export interface UnpivotColumn {
  readonly column: string;
  readonly groups: Readonly<Record<string, string>>;
}

/** Compiles `unpivot`; throws Error with a readable reason when `match` is no valid regular expression. */
export function compileUnpivot(spec: {
  readonly columns?: readonly string[] | undefined;
  readonly match?: string | undefined;
  readonly name: string;
  readonly value: string;
  readonly keep_empty: boolean;
}): CompiledUnpivot {
  let match: RegExp | undefined;
  if (spec.match !== undefined) {
    try {
      // A non-capturing wrapper makes `a|b` match the whole name, not a prefix or a suffix.
      match = new RegExp(`^(?:${spec.match})$`, "u");
    } catch (error) {
      throw new Error(`not a valid regular expression: ${(error as Error).message}`);
    }
  }
  return {
    columns: spec.columns,
    match,
    groups: spec.match === undefined ? [] : groupNames(spec.match),
    name: spec.name,
    value: spec.value,
    keepEmpty: spec.keep_empty,
  };
}

function groupNames(pattern: string): string[] {
  const names: string[] = [];
  for (const m of pattern.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)) names.push(m[1] as string);
  return names;
}

/** The columns a record may read beyond the file's own: name, value and the named groups. */
export function unpivotOutputColumns(unpivot: CompiledUnpivot): string[] {
  return [unpivot.name, unpivot.value, ...unpivot.groups];
}

/** Where a column of a file's header goes: the columns to unpivot, in header order for `match`. */
export function unpivotColumns(unpivot: CompiledUnpivot, header: readonly string[]): UnpivotColumn[] {
  if (unpivot.columns) return unpivot.columns.map((column) => ({ column, groups: {} }));
  const match = unpivot.match as RegExp;
  const out: UnpivotColumn[] = [];
  for (const column of header) {
    const m = match.exec(column);
    if (m) out.push({ column, groups: { ...m.groups } });
  }
  return out;
}

/**
 * The values of each record one row becomes: the row's cells plus `name`
 * (the header), `value` (the cell) and the named groups. Empty cells make no
 * record unless `keep_empty`.
 */
export function* unpivotValues(
  unpivot: CompiledUnpivot,
  columns: readonly UnpivotColumn[],
  values: Readonly<Record<string, string>>,
): Generator<Record<string, string>> {
  for (const { column, groups } of columns) {
    const cell = values[column] ?? "";
    if (cell.trim() === "" && !unpivot.keepEmpty) continue;
    yield { ...values, ...groups, [unpivot.name]: column, [unpivot.value]: cell };
  }
}
