import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex } from "./id-index.js";

describe("IdIndex", () => {
  it("keeps the first line of every id, like a Map, through many growths", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (ids) => {
        const index = new IdIndex();
        const map = new Map<string, number>();
        ids.forEach((id, line) => {
          expect(index.lineOf(id)).toBe(map.get(id) ?? -1);
          index.add(id, line);
          if (!map.has(id)) map.set(id, line);
        });
        expect(index.size).toBe(map.size);
        for (const [id, line] of map) expect(index.lineOf(id)).toBe(line);
      }),
      { numRuns: 30 },
    );
  });
});
