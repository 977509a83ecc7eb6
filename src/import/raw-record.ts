import type { EntityName } from "../core/model/entities.js";

/**
 * One row of input before validation, whatever file format or mapping it
 * came from. `file` and `line` are what error messages show: the user's own
 * file and its physical 1-based line (1 is a CSV header).
 */
export interface RawRecord {
  readonly entity: EntityName;
  readonly file: string;
  readonly line: number;
  /** Canonical column name → cell text (undefined when the column is absent). */
  readonly values: Readonly<Record<string, string | undefined>>;
  /**
   * Set when the reader already knows the row is broken (too few or too many
   * cells, a line that is not JSON); the importer reports it as a row error.
   */
  readonly defect?: RecordDefect;
}

export interface RecordDefect {
  readonly code: "wrong_cell_count" | "bad_number" | "bad_json" | "not_an_object";
  readonly column?: string;
  readonly value?: string;
  /** Plain words: what is wrong and what to do (English). */
  readonly reason: string;
  /** The catalog message of `reason` and its parameters; without one, the code's generic message. */
  readonly messageKey?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A stream of raw records for one entity, from one source file. */
export interface RawSource {
  readonly entity: EntityName;
  readonly file: string;
  /** The cell separator, for CSV sources (a header of one column holding another separator is a hint). */
  readonly delimiter?: string;
  /**
   * For a canonical CSV file: where it is and the encoding asked for, so an
   * engine that reads CSV itself may read it (the fast path, fast-csv-import.ts).
   */
  readonly csvFile?: { readonly path: string; readonly encoding: string | undefined };
  /** Column names present in the source (after mapping), to reject files missing a required column. */
  columns(): Promise<readonly string[]>;
  records(): AsyncIterable<RawRecord>;
  /**
   * The same rows as `records()`, in batches of positional cells (no object
   * per row): the importer's fast path. Optional; sources that have it
   * must yield exactly what `records()` yields.
   */
  cellBatches?(): AsyncIterable<CellBatch>;
  /** How far `records()` has read, for progress bars; optional. */
  progress?(): { readonly bytesRead: number; readonly bytesTotal: number };
  /**
   * What a mapped source did with its rows during the last `records()` run
   * (rows dropped by `where`, `dedupe`, required joins, ...); optional:
   * canonical files have none.
   */
  accounting?(): SourceAccounting;
}

/** Why a mapped source dropped, merged or flagged rows (docs/mapping.md, Accounting). */
export type AccountingRule = "where" | "dedupe" | "join_required" | "join_unmatched" | "group_by";

export interface AccountingCount {
  readonly rule: AccountingRule;
  /** Key path of the rule in the mapping file: `entities.deals.join.1`. */
  readonly path: string;
  /** Rows (or records, for dedupe and group_by) the rule dropped, merged or flagged. */
  readonly rows: number;
}

/** The accounting of one mapping source: rows read, records yielded, and each rule's count. */
export interface SourceAccounting {
  readonly entity: EntityName;
  /** Key path of the source in the mapping file: `entities.deals`. */
  readonly source: string;
  readonly file: string;
  readonly rowsRead: number;
  readonly recordsYielded: number;
  /** In the order of the source's rules; only rules that counted something. */
  readonly counts: readonly AccountingCount[];
}

/** Rows of one source by position: `rows[k][i]` is the cell of column `header[i]`. */
export interface CellBatch {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Physical line where each row starts. */
  readonly lines: readonly number[];
  /** The defect of a row, where the reader found one (sparse). */
  readonly defects: readonly (RecordDefect | undefined)[];
}

/** A row's cells by column name (a later duplicate header wins; missing cells are absent). */
export function cellValues(
  header: readonly string[],
  cells: readonly string[],
): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  const n = Math.min(cells.length, header.length);
  for (let i = 0; i < n; i++) values[header[i] as string] = cells[i];
  return values;
}
