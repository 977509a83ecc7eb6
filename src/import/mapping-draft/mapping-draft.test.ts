import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { type Lang, t } from "../../messages/index.js";
import { importDataset } from "../import-dataset.js";
import { loadMapping } from "../mapping/load-mapping.js";
import { draftMapping } from "./index.js";
import { normalizeHeader } from "./normalize-header.js";
import { dateShape, numberShape } from "./value-shapes.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-draft-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const say = (lang: Lang) => (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t(lang, key, params);

interface Case {
  readonly lang: Lang;
  readonly files: Record<string, string>;
  /** customer_id, name, email, created day */
  readonly customers: readonly (readonly [string, string, string, string])[];
  /** order_id, customer_id, ordered day, amount */
  readonly orders: readonly (readonly [string, string, string, number])[];
  readonly expectInDraft: readonly string[];
}

const CASES: readonly Case[] = [
  {
    lang: "en",
    files: {
      "customers.csv":
        "Customer ID,Full Name,E-mail,Created,Notes\nC1,Ann Lee,ann@example.com,25/03/2024,vip\nC2,Bob Ray,bob@example.com,02/04/2024,\n",
      // Named after no entity: recognized by its headers.
      "export_2024.csv":
        'Order Number,Customer,Order Date,Total,Type\nO1,C1,3/26/2024,"$3,000",Purchase\nO2,C2,4/15/2024,"$12,500.50",Refund\n',
    },
    customers: [
      ["C1", "Ann Lee", "ann@example.com", "2024-03-25"],
      ["C2", "Bob Ray", "bob@example.com", "2024-04-02"],
    ],
    orders: [
      ["O1", "C1", "2024-03-26", 3000],
      ["O2", "C2", "2024-04-15", 12500.5],
    ],
    expectInDraft: ['format: "d/M/yyyy"', 'format: "M/d/yyyy"', '"Notes"', '"Refund": refund'],
  },
  {
    lang: "fa",
    files: {
      "مشتریان.csv":
        "شناسه مشتری,نام,ايميل,تاریخ ایجاد,یادداشت\nC1,علی,ali@example.com,1402/12/15,x\nC2,سارا,sara@example.com,1403/01/05,\n",
      "سفارش‌ها.csv":
        'شماره سفارش,شناسه مشتري,تاریخ سفارش,مبلغ\nO1,C1,1402/12/20,"1,200,000"\nO2,C2,1403/01/06,"350,000"\n',
    },
    customers: [
      ["C1", "علی", "ali@example.com", "2024-03-05"],
      ["C2", "سارا", "sara@example.com", "2024-03-24"],
    ],
    orders: [
      ["O1", "C1", "2024-03-10", 1200000],
      ["O2", "C2", "2024-03-25", 350000],
    ],
    expectInDraft: ["calendar: persian", "یادداشت"],
  },
  {
    lang: "ar",
    files: {
      "العملاء.csv":
        "رقم العميل,الاسم,البريد الإلكتروني,تاريخ الانشاء\nC1,سارة,sara@example.com,2024-03-05\nC2,عمر,omar@example.com,2024-03-06\n",
      "الطلبات.csv":
        'رقم الطلب,رقم العميل,تاريخ الطلب,المبلغ\nO1,C1,2024-03-07,"1.234,50"\nO2,C2,2024-03-08,"99,90"\n',
    },
    customers: [
      ["C1", "سارة", "sara@example.com", "2024-03-05"],
      ["C2", "عمر", "omar@example.com", "2024-03-06"],
    ],
    orders: [
      ["O1", "C1", "2024-03-07", 1234.5],
      ["O2", "C2", "2024-03-08", 99.9],
    ],
    expectInDraft: ['number: { decimal: ",", thousands: "." }'],
  },
  {
    lang: "zh",
    files: {
      "客户.csv":
        "客户编号,姓名,邮箱,创建时间\nC1,王伟,wang@example.com,2024-03-05 14:30:00\nC2,李娜,li@example.com,2024-03-06 09:00:00\n",
      "订单.csv":
        "订单号,客户编号,下单时间,金额\nO1,C1,2024-03-07 10:00:00,1234.5\nO2,C2,2024-03-08 11:00:00,88\n",
    },
    customers: [
      ["C1", "王伟", "wang@example.com", "2024-03-05"],
      ["C2", "李娜", "li@example.com", "2024-03-06"],
    ],
    orders: [
      ["O1", "C1", "2024-03-07", 1234.5],
      ["O2", "C2", "2024-03-08", 88],
    ],
    expectInDraft: ['format: "yyyy-M-d H:mm:ss"'],
  },
];

describe("mapping init drafts", () => {
  it.each(CASES)("drafts a mapping that imports $lang headers into DuckDB", async (c) => {
    for (const [name, text] of Object.entries(c.files)) await writeFile(path.join(dir, name), text);
    const draft = await draftMapping(dir, say(c.lang));
    expect(draft.todo).toBe(0);
    expect(draft.recognized).toBe(2);
    for (const part of c.expectInDraft) expect(draft.text).toContain(part);
    // Same folder, same bytes.
    expect((await draftMapping(dir, say(c.lang))).text).toBe(draft.text);
    const mappingFile = path.join(dir, "mapping.yaml");
    await writeFile(mappingFile, draft.text);
    await loadMapping(mappingFile);
    const engine = await openDuckDB(":memory:");
    try {
      const result = await importDataset(engine, dir, { mappingFile });
      expect(result.rowsByEntity.customers).toBe(2);
      expect(result.rowsByEntity.orders).toBe(2);
      const customers = await engine.query({
        sql: "SELECT customer_id, name, email, CAST(CAST(created_at AS DATE) AS VARCHAR) AS d FROM customers ORDER BY customer_id",
        params: [],
      });
      expect(customers.map((r) => [r.customer_id, r.name, r.email, r.d])).toEqual(c.customers);
      const orders = await engine.query({
        sql: "SELECT order_id, customer_id, CAST(CAST(ordered_at AS DATE) AS VARCHAR) AS d, CAST(amount AS DOUBLE) AS amount FROM orders ORDER BY order_id",
        params: [],
      });
      expect(orders.map((r) => [r.order_id, r.customer_id, r.d, r.amount])).toEqual(c.orders);
    } finally {
      await engine.close();
    }
  });

  it("flags required columns it could not find, and files it could not place", async () => {
    await writeFile(path.join(dir, "customers.csv"), "Customer ID,Full Name\nC1,Ann\n");
    await writeFile(path.join(dir, "weird.csv"), "foo,bar\n1,2\n");
    const draft = await draftMapping(dir, say("en"));
    expect(draft.todo).toBe(1);
    expect(draft.text).toContain("# TODO: required column created_at not found");
    expect(draft.text).toContain('weird.csv: entity not recognized (headers "foo", "bar")');
  });

  it("stubs a map for enum values it cannot read", async () => {
    await writeFile(
      path.join(dir, "deals.csv"),
      "Deal ID,Created,Status\nD1,2024-01-01,Closed Won\nD2,2024-01-02,Stalled\nD3,2024-01-03,Closed Lost\n",
    );
    const { text } = await draftMapping(dir, say("en"));
    expect(text).toContain('"Closed Won": won');
    expect(text).toContain('"Closed Lost": lost');
    expect(text).toContain('TODO: map "Stalled" to one of open, won, lost');
  });
});

describe("header and value shapes", () => {
  it("normalizes case, punctuation, camelCase and Arabic/Persian letter variants", () => {
    expect(normalizeHeader("Customer_ID")).toBe("customer id");
    expect(normalizeHeader("customerId")).toBe("customer id");
    expect(normalizeHeader("شناسه مشتري")).toBe(normalizeHeader("شناسه مشتری"));
    expect(normalizeHeader("كد")).toBe(normalizeHeader("کد"));
    expect(normalizeHeader("تاريخ الإنشاء")).toBe(normalizeHeader("تاريخ الانشاء"));
  });

  it("tells dates and numbers apart by their shapes", () => {
    expect(dateShape(["2024-03-05", "2024-03-06T10:00:00Z"])?.pattern).toBeUndefined();
    expect(dateShape(["05/03/2024", "06/03/2024"])).toMatchObject({ pattern: "d/M/yyyy", ambiguous: true });
    expect(dateShape(["12/31/2024 9:05"])).toMatchObject({ pattern: "M/d/yyyy H:mm", ambiguous: false });
    expect(dateShape(["۱۴۰۲/۱۲/۱۵"])).toMatchObject({ pattern: "yyyy/M/d", persian: true });
    expect(dateShape(["soon"])).toBeUndefined();
    expect(numberShape(["$3,000", "$12,500.50"])).toMatchObject({
      thousands: ",",
      decimal: ".",
      currency: "USD",
    });
    expect(numberShape(["1.234,50"])).toMatchObject({ thousands: ".", decimal: "," });
    expect(numberShape(["12,5"])).toMatchObject({ thousands: "", decimal: "," });
    expect(numberShape(["42", "3.5"])?.plain).toBe(true);
    expect(numberShape(["n/a"])).toBeUndefined();
  });
});
