import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { runReport } from "../../../report/run-report.js";
import type { Engine } from "../../engine.js";
import { DEFAULT_SETTINGS } from "../../model/settings.js";
import { MetricContext } from "../context/metric-context.js";
import { customerRfmSelect, RFM_GRID, RFM_SEGMENTS, rfmSegmentOf } from "./customer-rfm.js";

let orderSeq = 0;
const order = (customer: string, at: string, amount: number, fields: TinyRow = {}): TinyRow => {
  orderSeq += 1;
  return {
    order_id: `o${orderSeq}`,
    customer_id: customer,
    ordered_at: at,
    amount: String(amount),
    ...fields,
  };
};
const customer = (id: string, fields: TinyRow = {}): TinyRow => ({
  customer_id: id,
  created_at: "2021-01-01",
  ...fields,
});
const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/**
 * Five buyers with distinct recency, frequency and monetary ranks, one
 * customer who never bought. As of 2024-04-01 (end of March), window 365 d.
 * Expected scores follow from the ranks: R by last purchase, F by purchases in
 * the window, M by signed amount in the window.
 */
const CUSTOMERS = ["c1", "c2", "c3", "c4", "c5", "c6"].map((id, i) =>
  customer(id, { region: i % 2 === 0 ? "North" : "South" }),
);
const ORDERS = [
  ...times(5, (i) => order("c1", `2024-03-${26 + i} 12:00:00`, 100)),
  ...times(4, (i) => order("c2", `2024-03-${10 + i} 12:00:00`, 50)),
  ...times(3, (i) => order("c3", `2024-02-${10 + i} 12:00:00`, 40)),
  // A refund is money, not a purchase: it lowers M and moves neither R nor F.
  order("c3", "2024-03-31 12:00:00", 30, { type: "refund" }),
  ...times(2, (i) => order("c4", `2024-01-0${1 + i} 12:00:00`, 1000)),
  // Outside the window: scored (bought before), with F = 0 and M = 0.
  order("c5", "2022-06-01 12:00:00", 5000),
];

async function rfmRows(engine: Engine, params: Record<string, string> = {}) {
  const ctx = new MetricContext(engine.dialect, DEFAULT_SETTINGS, params);
  const asOf = engine.dialect.timestampParam(ctx.bind("2024-04-01 00:00:00"));
  const sql = `${customerRfmSelect(ctx, asOf)} ORDER BY customer_id`;
  const rows = await engine.query({ sql, params: ctx.params.values });
  return Object.fromEntries(rows.map((r) => [String(r.customer_id), r]));
}

describe("RFM grid", () => {
  it("names every R × F cell and uses every segment", () => {
    const named = new Set<string>();
    for (const r of [1, 2, 3, 4, 5]) {
      for (const f of [1, 2, 3, 4, 5]) {
        const segment = rfmSegmentOf(r, f);
        expect(segment).not.toBeNull();
        named.add(String(segment));
      }
    }
    expect([...named].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(rfmSegmentOf(5, 5)).toBe("champions");
    expect(rfmSegmentOf(1, 1)).toBe("lost");
    expect(rfmSegmentOf(1, 5)).toBe("cant_lose_them");
    expect(rfmSegmentOf(0, 3)).toBeNull();
    expect(Object.keys(RFM_GRID)).toHaveLength(5);
  });
});

describe("customer RFM", () => {
  it("scores recency, frequency and monetary by quintile and names the R/F segment", async () => {
    const engine = await tinyDataset({ customers: CUSTOMERS, orders: ORDERS });
    const rows = await rfmRows(engine);
    expect(Object.keys(rows)).toEqual(["c1", "c2", "c3", "c4", "c5"]);
    const pick = (id: string) => {
      const r = rows[id];
      return [
        r?.rfm_score,
        r?.rfm_segment,
        Number(r?.frequency),
        Number(r?.monetary),
        Number(r?.recency_days),
      ];
    };
    // c1: last purchase 2024-03-30 12:00 → 1 day; 5 purchases; 500.
    expect(pick("c1")).toEqual(["554", "champions", 5, 500, 1]);
    expect(pick("c2")).toEqual(["443", "loyal_customers", 4, 200, 18]);
    // c3: 3 × 40 − 30 refund; its last purchase is 2024-02-12, not the refund.
    expect(pick("c3")).toEqual(["332", "need_attention", 3, 90, 48]);
    expect(pick("c4")).toEqual(["225", "hibernating", 2, 2000, 89]);
    expect(pick("c5")).toEqual(["111", "lost", 0, 0, 669]);
  });

  it("takes the window from rfm_window", async () => {
    const engine = await tinyDataset({ customers: CUSTOMERS, orders: ORDERS });
    const rows = await rfmRows(engine, { rfm_window: "30d" });
    // 30 days back from April 1: c3's February purchases and c4's January ones fall out.
    expect(Number(rows.c3?.frequency)).toBe(0);
    expect(Number(rows.c3?.monetary)).toBe(-30);
    expect(Number(rows.c4?.frequency)).toBe(0);
    expect(Number(rows.c1?.frequency)).toBe(5);
    await expect(rfmRows(engine, { rfm_window: "soon" })).rejects.toThrow(/rfm_window/);
  });

  it("gives equal values equal scores, whatever the customer ids", async () => {
    // Ten customers with the same purchase: all share rank 1, so all score 1 (RANK-based quintile).
    const ids = times(10, (i) => `t${i}`);
    const engine = await tinyDataset({
      customers: ids.map((id) => customer(id)),
      orders: ids.map((id) => order(id, "2024-03-15 12:00:00", 10)),
    });
    const rows = await rfmRows(engine);
    expect(new Set(ids.map((id) => rows[id]?.rfm_score))).toEqual(new Set(["111"]));
  });

  it("scores ties by their shared lowest rank: 1 + floor(5 × (rank − 1) / n)", async () => {
    // n = 6; purchases in the window 1, 1, 2, 2, 2, 5 → ranks 1, 1, 3, 3, 3, 6 → F 1, 1, 2, 2, 2, 5.
    const counts = [1, 1, 2, 2, 2, 5];
    const ids = counts.map((_, i) => `k${i}`);
    const engine = await tinyDataset({
      customers: ids.map((id) => customer(id)),
      orders: ids.flatMap((id, i) =>
        times(counts[i] ?? 0, (j) => order(id, `2024-03-${String(10 + j).padStart(2, "0")} 12:00:00`, 10)),
      ),
    });
    const rows = await rfmRows(engine);
    expect(ids.map((id) => Number(rows[id]?.rfm_f))).toEqual([1, 1, 2, 2, 2, 5]);
    // Monetary 10 × count: the same ranks.
    expect(ids.map((id) => Number(rows[id]?.rfm_m))).toEqual([1, 1, 2, 2, 2, 5]);
  });

  it("gives a customer without a purchase in the window the lowest F and M", async () => {
    // Six customers bought only before the window (recently enough to rank high on R before),
    // four bought in it 1..4 times. n = 10: the six share F rank 1; in-window ranks 7..10.
    const before = times(6, (i) => `z${i}`);
    const buyers = times(4, (i) => `b${i}`);
    const engine = await tinyDataset({
      customers: [...before, ...buyers].map((id) => customer(id)),
      orders: [
        ...before.map((id, i) => order(id, `2023-03-${String(20 + i).padStart(2, "0")} 12:00:00`, 5000)),
        // A refund in the window makes M negative; still no purchase: F = M = 1.
        order("z0", "2024-03-01 12:00:00", 100, { type: "refund" }),
        ...buyers.flatMap((id, i) =>
          times(i + 1, (j) => order(id, `2024-01-${String(10 + j).padStart(2, "0")} 12:00:00`, 10)),
        ),
      ],
    });
    const rows = await rfmRows(engine);
    for (const id of before) {
      expect([Number(rows[id]?.rfm_f), Number(rows[id]?.rfm_m)], id).toEqual([1, 1]);
      expect(rows[id]?.rfm_segment, id).not.toBe("loyal_customers");
    }
    // Ranks 7, 8, 9, 10 of 10 → 1 + floor(5 × 6/10), … = 4, 4, 5, 5.
    expect(buyers.map((id) => Number(rows[id]?.rfm_f))).toEqual([4, 4, 5, 5]);
    // R: the buyers' last purchases (Jan 10..13) are the most recent → ranks 7..10 worst first.
    expect(buyers.map((id) => Number(rows[id]?.rfm_r))).toEqual([4, 4, 5, 5]);
  });
});

describe("--by rfm_segment", () => {
  it("adds up to the total for additive metrics, with a null bucket for customers without purchases", async () => {
    const engine = await tinyDataset({
      customers: [...CUSTOMERS, customer("c7", { acquired_at: "2024-03-05" })],
      orders: ORDERS,
    });
    const result = await runReport(engine, {
      metrics: ["revenue", "new_customers"],
      grain: "month",
      from: "2024-01",
      to: "2024-03",
      by: ["rfm_segment"],
    });
    expect(result.notBrokenDown).toEqual([]);
    for (const metric of ["revenue", "new_customers"]) {
      for (const period of ["2024-01", "2024-02", "2024-03"]) {
        const rows = result.values.filter((v) => v.metric === metric && v.period === period);
        const total = rows.find((v) => v.segment === null)?.value;
        const parts = rows.filter((v) => v.segment !== null);
        expect(parts.length).toBeGreaterThan(0);
        expect(parts.reduce((s, v) => s + (v.value ?? 0), 0)).toBeCloseTo(Number(total), 9);
      }
    }
    const march = (segment: string | null) =>
      result.values.find(
        (v) => v.metric === "revenue" && v.period === "2024-03" && v.segment?.rfm_segment === segment,
      )?.value;
    // As of the end of March: c1 is a champion, c2 loyal; c3's refund lands in need_attention.
    expect(march("champions")).toBe(500);
    expect(march("loyal_customers")).toBe(200);
    expect(march("need_attention")).toBe(-30);
    const newByNull = result.values.find(
      (v) => v.metric === "new_customers" && v.period === "2024-03" && v.segment?.rfm_segment === null,
    );
    expect(newByNull?.value).toBe(1);
  });

  it("is known as a dimension, and so is rfm_score", async () => {
    const engine = await tinyDataset({ customers: CUSTOMERS, orders: ORDERS });
    const result = await runReport(engine, {
      metrics: ["revenue"],
      from: "2024-03",
      to: "2024-03",
      by: ["rfm_score"],
    });
    const scores = result.values.filter((v) => v.segment !== null).map((v) => v.segment?.rfm_score);
    expect(scores).toContain("554");
    expect(scores).toContain(null);
  });
});
