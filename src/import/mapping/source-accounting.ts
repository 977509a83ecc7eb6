import type { EntityName } from "../../core/model/entities.js";
import type { AccountingRule, SourceAccounting } from "../raw-record.js";

const RULE_ORDER: readonly AccountingRule[] = [
  "join_required",
  "join_unmatched",
  "where",
  "group_by",
  "dedupe",
];

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Counts what a mapped source does with its rows while `records()` runs,
 * so the import summary can say how many rows each rule dropped or merged.
 */
export class AccountingCounter {
  private rowsRead = 0;
  private recordsYielded = 0;
  private readonly counts = new Map<string, { rule: AccountingRule; path: string; rows: number }>();

  constructor(
    private readonly entity: EntityName,
    private readonly source: string,
    private readonly file: string,
  ) {}

  /** Starts a new run: `records()` reads the files again from the start. */
  reset(): void {
    this.rowsRead = 0;
    this.recordsYielded = 0;
    this.counts.clear();
  }

  read(): void {
    this.rowsRead++;
  }

  yielded(): void {
    this.recordsYielded++;
  }

  add(rule: AccountingRule, path: string, rows = 1): void {
    if (rows === 0) return;
    const id = `${rule}|${path}`;
    const entry = this.counts.get(id) ?? { rule, path, rows: 0 };
    entry.rows += rows;
    this.counts.set(id, entry);
  }

  snapshot(): SourceAccounting {
    return {
      entity: this.entity,
      source: this.source,
      file: this.file,
      rowsRead: this.rowsRead,
      recordsYielded: this.recordsYielded,
      // Rules in pipeline order, then by key path: the same bytes for the same input.
      counts: [...this.counts.values()]
        .sort((a, b) => RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) || compare(a.path, b.path))
        .map((c) => ({ ...c })),
    };
  }
}
