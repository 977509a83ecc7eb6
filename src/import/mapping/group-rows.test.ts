import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordsOf, setupMapping } from "./mapping-test-setup.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-group-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const payments = [
  "order_id,seq,value,paid_at,method",
  "O1,1,0.10,2024-01-03,card",
  "O2,1,5,2024-01-02,voucher",
  "O1,2,0.20,2024-01-01,voucher",
  "O1,3,,2024-01-05,card",
  "O1,4,0.005,2024-01-04,card",
].join("\n");

describe("group_by and aggregate", () => {
  it("makes one record per group, in order of first row, with exact sums, counts, min, max, first/last by order_by", async () => {
    const { sources } = await setupMapping(
      dir,
      { "payments.csv": payments },
      `
entities:
  orders:
    from: payments.csv
    group_by: [order_id]
    columns:
      order_id: order_id
      amount: { column: value, aggregate: sum }
      cost: { column: value, aggregate: count }
      ordered_at: { column: paid_at, aggregate: min }
      product: { column: method, aggregate: first, order_by: paid_at }
      type: { column: method, aggregate: last, order_by: paid_at }
      currency: { column: seq, aggregate: max }
`,
    );
    const records = await recordsOf(sources, "orders");
    expect(records.map((r) => [r.line, r.values])).toEqual([
      [
        2,
        {
          order_id: "O1",
          amount: "0.305",
          cost: "3",
          ordered_at: "2024-01-01",
          product: "voucher",
          type: "card",
          currency: "4",
        },
      ],
      [
        3,
        {
          order_id: "O2",
          amount: "5",
          cost: "1",
          ordered_at: "2024-01-02",
          product: "voucher",
          type: "voucher",
          currency: "1",
        },
      ],
    ]);
    const accounting = sources[0]?.accounting?.();
    expect(accounting?.rowsRead).toBe(5);
    expect(accounting?.recordsYielded).toBe(2);
    expect(accounting?.counts).toEqual([{ rule: "group_by", path: "entities.orders.group_by", rows: 3 }]);
  });

  it("keeps rows with an empty group key as records of their own", async () => {
    const { sources } = await setupMapping(
      dir,
      { "p.csv": "id,v\nA,1\n,2\nA,3\n,4\n" },
      `
entities:
  orders:
    from: p.csv
    group_by: [id]
    columns: { order_id: id, amount: { column: v, aggregate: sum }, cost: { column: v, aggregate: count } }
`,
    );
    expect((await recordsOf(sources, "orders")).map((r) => [r.line, r.values.amount, r.values.cost])).toEqual(
      [
        [2, "4", "2"],
        [3, "2", "1"],
        [5, "4", "1"],
      ],
    );
  });

  it("compares max as numbers when every value is one (10 > 9), else as text", async () => {
    const { sources } = await setupMapping(
      dir,
      { "p.csv": "id,n,t\nA,9,b\nA,10,a10\nA,2,c\n" },
      `
entities:
  orders:
    from: p.csv
    group_by: [id]
    columns: { order_id: id, amount: { column: n, aggregate: max }, product: { column: t, aggregate: max } }
`,
    );
    expect((await recordsOf(sources, "orders"))[0]?.values).toMatchObject({ amount: "10", product: "c" });
  });

  it("stops at the first row of a group whose non-aggregated column differs, naming file, line and column", async () => {
    const { sources } = await setupMapping(
      dir,
      { "payments.csv": payments },
      `
entities:
  orders:
    from: payments.csv
    group_by: [order_id]
    columns: { order_id: order_id, amount: { column: value, aggregate: sum }, product: method }
`,
    );
    await expect(recordsOf(sources, "orders")).rejects.toMatchObject({
      code: "import_bad_row",
      place: { file: "payments.csv", line: 4, column: "product" },
      params: { messageKey: "mapping.error.groupDiffers", first: "card", value: "voucher" },
    });
  });

  it("rejects a sum of text with the row's place", async () => {
    const { sources } = await setupMapping(
      dir,
      { "p.csv": "id,v\nA,1\nA,abc\n" },
      `
entities:
  orders:
    from: p.csv
    group_by: [id]
    columns: { order_id: id, amount: { column: v, aggregate: sum } }
`,
    );
    await expect(recordsOf(sources, "orders")).rejects.toMatchObject({
      code: "import_bad_row",
      place: { file: "p.csv", line: 3, column: "amount" },
    });
  });

  it("checks aggregate, order_by and group_by before reading a row", async () => {
    const files = { "payments.csv": payments };
    await expect(
      setupMapping(
        dir,
        files,
        "entities:\n  orders:\n    from: payments.csv\n    columns:\n      order_id: order_id\n      amount: { column: value, aggregate: sum }\n",
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /mapping\.yaml:6 entities\.orders\.columns\.amount\.aggregate: .*group_by/,
      ),
    });
    await expect(
      setupMapping(
        dir,
        files,
        "entities:\n  orders:\n    from: payments.csv\n    group_by: [order]\n    columns:\n      order_id: order_id\n",
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /mapping\.yaml:4 entities\.orders\.group_by\.0: payments\.csv has no column "order"/,
      ),
    });
    await expect(
      setupMapping(
        dir,
        files,
        "entities:\n  orders:\n    from: payments.csv\n    group_by: [order_id]\n    columns:\n      order_id: order_id\n      product: { column: method, aggregate: last, order_by: paid }\n",
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /entities\.orders\.columns\.product\.order_by: payments\.csv has no column "paid"/,
      ),
    });
    await expect(
      setupMapping(
        dir,
        files,
        "entities:\n  orders:\n    from: payments.csv\n    group_by: [order_id]\n    columns:\n      order_id: order_id\n      amount: { column: value, aggregate: sum, order_by: paid_at }\n",
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /entities\.orders\.columns\.amount\.order_by: order_by: orders the rows for aggregate: first or last/,
      ),
    });
  });
});
