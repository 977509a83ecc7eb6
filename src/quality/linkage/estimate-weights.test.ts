import { describe, expect, it } from "vitest";
import { Random } from "../../generator/random.js";
import { FIELD_COUNT, MISSING } from "./compare-fields.js";
import { countPatterns, expectationMaximization } from "./estimate-weights.js";
import { LINKAGE_FIELDS } from "./types.js";

/** Draws a level (0..3) from a distribution. */
function draw(random: Random, p: readonly number[]): number {
  let x = random.next();
  for (let l = 0; l < p.length; l++) {
    x -= p[l] as number;
    if (x < 0) return l;
  }
  return p.length - 1;
}

describe("expectationMaximization", () => {
  it("recovers known m and λ from simulated comparison vectors", () => {
    const random = new Random(5);
    const m = LINKAGE_FIELDS.map(() => [0.7, 0.15, 0.1, 0.05]);
    const u = LINKAGE_FIELDS.map(() => [0.02, 0.01, 0.02, 0.95]);
    const pairs = 40_000;
    const lambda = 0.2;
    const levels = new Uint8Array(pairs * FIELD_COUNT);
    for (let p = 0; p < pairs; p++) {
      const match = random.next() < lambda;
      for (let f = 0; f < FIELD_COUNT; f++) {
        // a tenth of the values are missing, which must not bias the estimate
        levels[p * FIELD_COUNT + f] =
          random.next() < 0.1 ? MISSING : draw(random, (match ? m : u)[f] as number[]);
      }
    }
    const start = LINKAGE_FIELDS.map(() => [0.4, 0.2, 0.2, 0.2]);
    const fit = expectationMaximization(countPatterns(levels, pairs), start, u);
    expect(fit.lambda).toBeCloseTo(lambda, 2);
    for (let f = 0; f < FIELD_COUNT; f++) {
      for (let l = 0; l < 4; l++) {
        expect(Math.abs((fit.m[f]?.[l] ?? 0) - (m[f]?.[l] ?? 0))).toBeLessThan(0.02);
      }
    }
  });

  it("falls back on the prior m when there are no pairs", () => {
    const prior = LINKAGE_FIELDS.map(() => [0.5, 0.2, 0.2, 0.1]);
    const fit = expectationMaximization(countPatterns(new Uint8Array(0), 0), prior, prior);
    expect(fit.m).toEqual(prior);
  });
});

describe("countPatterns", () => {
  it("collapses equal comparison vectors into one pattern with a count", () => {
    const a = [0, 1, 2, 3, 4, 0, 0, 0];
    const b = [3, 3, 3, 3, 3, 3, 3, 3];
    const patterns = countPatterns(Uint8Array.from([...a, ...b, ...a]), 3);
    expect(patterns.counts).toEqual([2, 1]);
    expect([...patterns.vectors]).toEqual([...a, ...b]);
  });
});
