import { describe, expect, it } from "vitest";
import { averageRanks, liftAtTop, rocAuc, scoreDeciles } from "./ranking-metrics.js";

describe("rocAuc (Mann–Whitney)", () => {
  it("counts a tied positive–negative pair as one half", () => {
    // Pairs (pos, neg): (0.9, 0.5) 1, (0.9, 0.1) 1, (0.5, 0.5) ½, (0.5, 0.1) 1 → 3.5 / 4.
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [1, 1, 0, 0])).toBe(0.875);
  });

  it("is 1 for a perfect order, 0 for a reversed one and ½ when every score ties", () => {
    expect(rocAuc([3, 2, 1], [1, 0, 0])).toBe(1);
    expect(rocAuc([1, 2, 3], [1, 0, 0])).toBe(0);
    expect(rocAuc([7, 7, 7, 7], [1, 0, 1, 0])).toBe(0.5);
  });

  it("matches the pair count on a case with ties on both sides", () => {
    const scores = [0.2, 0.8, 0.8, 0.4, 0.8, 0.1, 0.4];
    const labels = [0, 1, 0, 1, 1, 0, 0];
    let wins = 0;
    let pairs = 0;
    scores.forEach((s, i) => {
      if (labels[i] !== 1) return;
      scores.forEach((t, j) => {
        if (labels[j] !== 0) return;
        pairs++;
        wins += s > t ? 1 : s === t ? 0.5 : 0;
      });
    });
    // By hand: positives 0.8, 0.4, 0.8 against negatives 0.2, 0.8, 0.1, 0.4 → (3.5 + 2.5 + 3.5) / 12.
    expect(wins / pairs).toBeCloseTo(9.5 / 12, 12);
    expect(rocAuc(scores, labels)).toBeCloseTo(9.5 / 12, 12);
  });

  it("is null when one class is missing", () => {
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNull();
    expect(rocAuc([0.1, 0.2], [1, 1])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });
});

describe("averageRanks", () => {
  it("gives tied values their average rank", () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
});

describe("liftAtTop", () => {
  it("divides the top decile's positive rate by the overall rate", () => {
    // 20 rows, 4 positives (rate 0.2); the top 2 hold 1 positive (rate 0.5) → lift 2.5.
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i);
    const labels = scores.map((_, i) => (i === 1 || i === 5 || i === 9 || i === 15 ? 1 : 0));
    expect(liftAtTop(scores, labels)).toBeCloseTo(2.5, 12);
  });

  it("counts scores tied across the cut in proportion, whatever the row order", () => {
    // Top 25 % of 4 rows = 1 row; the two tied top rows hold one positive → ½ expected hit, rate ½ / (2/4) = 1.
    expect(liftAtTop([0.9, 0.9, 0.1, 0.2], [1, 0, 1, 0], 0.25)).toBe(1);
    expect(liftAtTop([0.9, 0.9, 0.1, 0.2], [0, 1, 1, 0], 0.25)).toBe(1);
    expect(liftAtTop([0.9, 0.8, 0.1, 0.1], [1, 0, 0, 0], 0.25)).toBe(4);
  });

  it("is null without positives", () => {
    expect(liftAtTop([0.3, 0.2], [0, 0])).toBeNull();
  });
});

describe("scoreDeciles", () => {
  it("numbers the highest tenth 1 and gives tied scores one decile", () => {
    const scores = Array.from({ length: 20 }, (_, i) => i);
    const deciles = scoreDeciles(scores);
    expect(deciles[19]).toBe(1);
    expect(deciles[18]).toBe(1);
    expect(deciles[17]).toBe(2);
    expect(deciles[0]).toBe(10);
    expect(scoreDeciles([0.5, 0.5, 0.5])).toEqual([1, 1, 1]);
  });
});
