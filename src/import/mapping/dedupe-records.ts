import type { RawRecord } from "../raw-record.js";
import { compareCells } from "./decimal.js";

/** A compiled `dedupe:` rule (docs/mapping.md, Dedupe rules). */
export interface CompiledDedupe {
  /** Canonical columns of the key. */
  readonly key: readonly string[];
  readonly keep: "first" | "last" | "earliest" | "latest";
  /** Canonical column compared for earliest/latest. */
  readonly by: string | undefined;
  readonly ignoreCase: boolean;
  /** Key path of the rule in the mapping file. */
  readonly path: readonly (string | number)[];
}

/**
 * Keeps one record per key. `first` streams; `last`, `earliest` and
 * `latest` hold every record of the source until its end (memory grows with
 * the source). The survivor takes the place of its key's first record, so
 * the output order does not depend on the rule. Records with an empty key
 * are kept as they are (the importer reports them).
 */
export class RecordDeduper {
  private readonly seen = new Map<string, number>();
  private readonly slots: RawRecord[] = [];
  private dropped = 0;

  constructor(private readonly rule: CompiledDedupe) {}

  /** True when the record streams on now (`first` only); false when it was dropped or is held. */
  offer(record: RawRecord): boolean {
    const id = this.keyOf(record);
    if (id === undefined) return this.hold(record);
    const index = this.seen.get(id);
    if (index === undefined) {
      if (this.rule.keep === "first") {
        this.seen.set(id, -1);
        return true;
      }
      this.seen.set(id, this.slots.length);
      this.slots.push(record);
      return false;
    }
    this.dropped++;
    if (this.rule.keep !== "first" && this.replaces(record, this.slots[index] as RawRecord)) {
      this.slots[index] = record;
    }
    return false;
  }

  /** Records dropped because another with their key was kept. */
  droppedCount(): number {
    return this.dropped;
  }

  /** The held records, in order (none for `first`). */
  held(): readonly RawRecord[] {
    return this.slots;
  }

  private hold(record: RawRecord): boolean {
    if (this.rule.keep === "first") return true;
    this.slots.push(record);
    return false;
  }

  private keyOf(record: RawRecord): string | undefined {
    if (record.defect) return undefined;
    const parts = this.rule.key.map((k) => {
      const value = record.values[k] ?? "";
      return this.rule.ignoreCase ? value.trim().toLowerCase() : value;
    });
    return parts.some((p) => p !== "") ? JSON.stringify(parts) : undefined;
  }

  private replaces(record: RawRecord, kept: RawRecord): boolean {
    if (this.rule.keep === "last") return true;
    const by = this.rule.by as string;
    const next = (record.values[by] ?? "").trim();
    const current = (kept.values[by] ?? "").trim();
    // An empty `by` never wins over a value; ties keep the earlier record.
    if (next === "") return false;
    if (current === "") return true;
    const c = compareCells(next, current);
    return this.rule.keep === "earliest" ? c < 0 : c > 0;
  }
}
