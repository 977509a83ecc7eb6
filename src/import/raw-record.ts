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
  readonly code: "wrong_cell_count" | "bad_json" | "not_an_object";
  readonly column?: string;
  readonly value?: string;
  /** Plain words: what is wrong and what to do. */
  readonly reason: string;
}

/** A stream of raw records for one entity, from one source file. */
export interface RawSource {
  readonly entity: EntityName;
  readonly file: string;
  /** Column names present in the source (after mapping), to reject files missing a required column. */
  columns(): Promise<readonly string[]>;
  records(): AsyncIterable<RawRecord>;
  /** How far `records()` has read, for progress bars; optional. */
  progress?(): { readonly bytesRead: number; readonly bytesTotal: number };
}
