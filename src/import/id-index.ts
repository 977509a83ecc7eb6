import { detachString } from "./csv-tokenizer.js";

/**
 * The line where each id was first seen, for the duplicate-id check. A
 * `Map<string, number>` costs about 2 µs per new id at a million ids (its
 * growth rehashes and V8 hashes every fresh string); this open-addressing
 * table over an Int32Array does the same work in about half the time.
 */
export class IdIndex {
  private slots = new Int32Array(1 << 12).fill(-1);
  private mask = (1 << 12) - 1;
  private readonly ids: string[] = [];
  private readonly lines: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  /** The line recorded for `id`, or -1. */
  lineOf(id: string): number {
    const k = this.slots[this.find(id)] as number;
    return k < 0 ? -1 : (this.lines[k] as number);
  }

  /** Records `id` at `line` unless it is already known. */
  add(id: string, line: number): void {
    const slot = this.find(id);
    if ((this.slots[slot] as number) >= 0) return;
    this.slots[slot] = this.ids.length;
    this.ids.push(detachString(id));
    this.lines.push(line);
    if (this.ids.length * 2 > this.mask) this.grow();
  }

  /** The slot holding `id`, or the empty slot where it belongs. */
  private find(id: string): number {
    let slot = hash(id) & this.mask;
    for (;;) {
      const k = this.slots[slot] as number;
      if (k < 0 || this.ids[k] === id) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let k = 0; k < this.ids.length; k++) {
      let slot = hash(this.ids[k] as string) & this.mask;
      while ((this.slots[slot] as number) >= 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = k;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
