import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { runReport } from "../../src/report/run-report.js";
import { generateStripeExport, type StripeExpected } from "./generate-stripe-export.js";
import { importWithPreset, one, removeDir, rows, sharedExport, tempDir } from "./preset-import.js";

let engine: Engine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe("presets/stripe.yaml on generated Dashboard exports", () => {
  let dir = "";
  let expected: StripeExpected;
  beforeAll(async () => {
    dir = await tempDir("stripe");
    expected = await generateStripeExport(dir);
  });
  afterAll(() => removeDir(dir));

  it("imports customers, subscriptions and the re-saved payments file with no errors", async () => {
    const imported = await importWithPreset(dir, "stripe");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    expect(imported.result.rowsByEntity).toMatchObject({
      customers: expected.customers,
      subscriptions: expected.subscriptions,
      orders: expected.orders,
    });
  });

  it("reads amounts, UTC times and the running subscriptions' MRR exactly", async () => {
    engine = (await importWithPreset(dir, "stripe")).engine;
    expect(await one(engine, "SELECT (sum(amount) * 100)::BIGINT::VARCHAR AS cents FROM orders")).toEqual({
      cents: String(expected.orderCents),
    });
    const created = await rows(
      engine,
      "SELECT customer_id, strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at FROM customers",
    );
    expect(Object.fromEntries(created.map((c) => [c.customer_id, c.at]))).toEqual(expected.firstPaymentAt);
    const s = expected.sampleOrder;
    expect(
      await one(
        engine,
        `SELECT (amount * 100)::BIGINT::VARCHAR AS cents, strftime(ordered_at AT TIME ZONE 'UTC', '%Y-%m-%d %H:%M:%S') AS at
         FROM orders WHERE order_id = '${s.customerId}@${s.createdAt}'`,
      ),
    ).toEqual({ cents: s.amount.replace(".", ""), at: s.createdAt });
    // The mrr metric at the end of October 2023 (the generator's mrrAt).
    const report = await runReport(engine, {
      metrics: ["mrr"],
      grain: "month",
      from: "2023-10",
      to: "2023-10",
    });
    expect(report.values).toHaveLength(1);
    expect(report.values[0]?.value).toBeCloseTo(expected.mrrCents / 100, 2);
    expect(
      await one(engine, "SELECT count(*) FILTER (WHERE end_at IS NOT NULL)::INTEGER AS n FROM subscriptions"),
    ).toEqual({ n: expected.canceled });
  });
});

describe("presets/stripe.yaml on real and connector-shaped samples", () => {
  it("imports the real payments export (re-saved with semicolons) in its settlement currency", async () => {
    const folder = sharedExport("stripe/stripe-country-revenue-calculator");
    const imported = await importWithPreset(folder, "stripe", { base_currency: "THB" });
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    // 197 distinct Customer ID cells, one of them empty (guest charges)
    expect(imported.result.rowsByEntity.customers).toBe(196);
    // What the file says, counted independently: paid, captured rows with a customer.
    const lines = (await readFile(path.join(folder, "payments.csv"), "utf8")).trim().split(/\r?\n/).slice(1);
    const kept = lines
      .map((l) => l.split(";"))
      .filter((c) => c[8] === "Paid" && c[3] === "TRUE" && c[13] !== "");
    const cents = kept.reduce((sum, c) => sum + Math.round(Number(c[4]) * 100), 0);
    expect(imported.result.rowsByEntity.orders).toBe(kept.length);
    expect(await one(engine, "SELECT (sum(amount) * 100)::BIGINT::VARCHAR AS cents FROM orders")).toEqual({
      cents: String(cents),
    });
  });

  it("imports Fivetran's Stripe seed tables without errors", async () => {
    const imported = await importWithPreset(sharedExport("stripe/fivetran-dbt_stripe"), "stripe");
    engine = imported.engine;
    expect(imported.result.errors).toEqual([]);
    // 11 live customers of 12; 2 of 14 subscription items have both their plan and
    // subscription in the seed; every seed charge failed.
    expect(imported.result.rowsByEntity).toMatchObject({ customers: 11, subscriptions: 2, orders: 0 });
    // plan zb1: 1500.00 a month, quantity 1; plan ab2: 1500.00 a month, quantity 2 (amounts in cents)
    expect(await one(engine, "SELECT sum(amount)::DOUBLE AS mrr FROM subscriptions")).toEqual({ mrr: 4500 });
  });
});

describe("presets/stripe.yaml on Fivetran-shaped charges with refunds", () => {
  it("reads cents as major units (not for zero-decimal currencies) and a refund as a negative order", async () => {
    const dir = await tempDir("stripe-fivetran");
    try {
      // The seed's header, cut to the columns that matter; its charges all failed, so these are made up.
      await writeFile(
        path.join(dir, "customer.csv"),
        "id,created,email,name,invoice_prefix,delinquent,is_deleted,phone,address_city,address_country\n" +
          "cus_A,2024-01-02 09:00:00,a@example.com,A,AAA1,FALSE,FALSE,,,\n" +
          "cus_B,2024-01-03 09:00:00,b@example.com,B,BBB1,FALSE,TRUE,,,\n",
      );
      await writeFile(
        path.join(dir, "charge.csv"),
        "id,amount,amount_refunded,captured,created,currency,customer_id,status\n" +
          "ch_1,2999,0,TRUE,2024-02-01 10:00:00,usd,cus_A,succeeded\n" +
          "ch_2,10000,2500,TRUE,2024-02-02 10:00:00,usd,cus_A,succeeded\n" +
          "ch_4,7000,0,FALSE,2024-02-04 10:00:00,usd,cus_A,failed\n",
      );
      await writeFile(path.join(dir, "crm-kpi.json"), '{ "base_currency": "USD" }');
      const imported = await importWithPreset(dir, "stripe");
      engine = imported.engine;
      expect(imported.result.errors).toEqual([]);
      expect(
        await rows(
          engine,
          "SELECT order_id, amount::DOUBLE AS amount, currency, type FROM orders ORDER BY order_id",
        ),
      ).toEqual([
        { order_id: "ch_1", amount: 29.99, currency: "USD", type: "purchase" },
        { order_id: "ch_2", amount: 100, currency: "USD", type: "purchase" },
        { order_id: "ch_2-refund", amount: -25, currency: "USD", type: "refund" },
      ]);
      expect(imported.result.rowsByEntity.customers).toBe(1);
      await engine.close();
      // Another currency than the base needs rates: a canonical fx_rates.csv in the folder.
      await writeFile(
        path.join(dir, "charge.csv"),
        "id,amount,amount_refunded,captured,created,currency,customer_id,status\n" +
          "ch_5,1000,0,TRUE,2024-02-05 10:00:00,eur,cus_A,succeeded\n",
      );
      await writeFile(path.join(dir, "fx_rates.csv"), "date,currency,rate\n2024-01-01,EUR,1.25\n");
      engine = (await importWithPreset(dir, "stripe")).engine;
      expect(
        await rows(engine, "SELECT amount::DOUBLE AS amount, amount_base::DOUBLE AS base FROM orders"),
      ).toEqual([{ amount: 10, base: 12.5 }]);
      await rm(path.join(dir, "fx_rates.csv"));
      await engine.close();
      // A zero-decimal currency has no cents: ¥5000 is written 5000 (a JPY account).
      await writeFile(path.join(dir, "crm-kpi.json"), '{ "base_currency": "JPY" }');
      await writeFile(
        path.join(dir, "charge.csv"),
        "id,amount,amount_refunded,captured,created,currency,customer_id,status\n" +
          "ch_3,5000,0,true,2024-02-03 10:00:00,jpy,cus_A,succeeded\n",
      );
      engine = (await importWithPreset(dir, "stripe")).engine;
      expect(await rows(engine, "SELECT order_id, amount::DOUBLE AS amount, currency FROM orders")).toEqual([
        { order_id: "ch_3", amount: 5000, currency: "JPY" },
      ]);
    } finally {
      await removeDir(dir);
    }
  });
});
