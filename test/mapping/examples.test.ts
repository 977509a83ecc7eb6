import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { mappedSources } from "../../src/import/mapping/index.js";
import type { RawRecord, RawSource } from "../../src/import/raw-record.js";

const repo = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const shared = (p: string) => fileURLToPath(new URL(`../../../shared/data/${p}`, import.meta.url));

async function load(mapping: string, dataDir: string) {
  const { sources, settings } = await mappedSources(repo(mapping), dataDir);
  const byEntity = new Map<string, RawRecord[]>();
  for (const source of sources as RawSource[]) {
    const list = byEntity.get(source.entity) ?? [];
    for await (const record of source.records()) list.push(record);
    byEntity.set(source.entity, list);
  }
  return { records: (entity: string) => byEntity.get(entity) ?? [], settings, sources };
}

/** Data rows of a CSV file without quoted newlines (true of these exports). */
async function countRows(file: string): Promise<number> {
  const text = await readFile(file, "utf8");
  return text.split(/\r?\n/).filter((l) => l !== "").length - 1;
}

/** Exact sum of decimal texts, in hundredths. */
function cents(values: readonly (string | undefined)[]): number {
  return values.reduce((sum, v) => sum + (v ? Math.round(Number(v) * 100) : 0), 0);
}

describe("examples/maven-crm", () => {
  const dir = shared("maven-crm-sales-opportunities");
  let data: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    data = await load("examples/maven-crm/mapping.yaml", dir);
  });

  it("maps every source row of every file", async () => {
    expect(data.records("reps")).toHaveLength(await countRows(`${dir}/sales_teams.csv`));
    expect(data.records("customers")).toHaveLength(await countRows(`${dir}/accounts.csv`));
    expect(data.records("deals")).toHaveLength(await countRows(`${dir}/sales_pipeline.csv`));
    expect(data.settings).toEqual({ base_currency: "USD", timezone: "UTC" });
  });

  it("matches TEST_VECTORS.md: won, lost and open deals, won revenue, Q4 wins", () => {
    const deals = data.records("deals").map((r) => r.values);
    const won = deals.filter((d) => d.status === "won");
    expect(won).toHaveLength(4238);
    expect(deals.filter((d) => d.status === "lost")).toHaveLength(2473);
    expect(deals.filter((d) => d.status === "open")).toHaveLength(2089);
    expect(cents(won.map((d) => d.amount))).toBe(10_005_534 * 100);
    const q4 = won.filter((d) => (d.closed_at ?? "") >= "2017-10-01");
    expect(q4).toHaveLength(1196);
    expect(cents(q4.map((d) => d.amount))).toBe(2_802_496 * 100);
    expect(q4.filter((d) => d.owner_id === "Darcel Schlecht")).toHaveLength(94);
    const closed = deals.filter((d) => d.status !== "open").length;
    expect(Math.round((won.length / closed) * 10_000) / 100).toBe(63.15);
  });

  it("keeps the quirks honest: lost amounts unknown, open deals without customer", () => {
    const deals = data.records("deals").map((r) => r.values);
    expect(deals.filter((d) => d.status === "lost" && d.amount !== "")).toHaveLength(0);
    expect(deals.filter((d) => d.status === "open" && d.customer_id === "")).toHaveLength(1425);
    const prospecting = deals.filter((d) => d.stage === "Prospecting");
    expect(new Set(prospecting.map((d) => d.created_at))).toEqual(new Set(["2017-12-31"]));
    expect(deals.every((d) => d.created_at !== "")).toBe(true);
  });

  it("spot-checks records against the source lines", () => {
    const deal = data.records("deals").find((r) => r.values.deal_id === "Z063OYW0");
    expect(deal).toMatchObject({
      file: "sales_pipeline.csv",
      line: 3,
      values: {
        customer_id: "Isdom",
        owner_id: "Darcel Schlecht",
        amount: "4514",
        closed_at: "2017-03-11",
        status: "won",
      },
    });
    const acme = data.records("customers").find((r) => r.values.customer_id === "Acme Corporation");
    expect(acme?.values).toMatchObject({ industry: "technology", country: "US", created_at: "2016-10-19" });
    const rep = data.records("reps").find((r) => r.values.rep_id === "Anna Snelling");
    expect(rep?.values).toMatchObject({ team: "Dustin Brinkmann", region: "Central", role: "sales" });
  });

  it("produces consistent references and ISO country codes", () => {
    const customers = new Set(data.records("customers").map((r) => r.values.customer_id));
    const reps = new Set(data.records("reps").map((r) => r.values.rep_id));
    const deals = data.records("deals").map((r) => r.values);
    expect(deals.filter((d) => d.customer_id !== "" && !customers.has(d.customer_id))).toEqual([]);
    expect(deals.filter((d) => !reps.has(d.owner_id))).toEqual([]);
    expect(data.records("customers").filter((r) => !/^[A-Z]{2}$/.test(r.values.country ?? ""))).toEqual([]);
  });

  it("writes one stage row at engagement and one at the close", () => {
    const deals = data.records("deals").map((r) => r.values);
    const stages = data.records("deal_stages").map((r) => r.values);
    const engaged = deals.filter((d) => d.stage !== "Prospecting").length;
    const closed = deals.filter((d) => d.status !== "open").length;
    expect(stages.filter((s) => s.stage === "Engaging")).toHaveLength(engaged);
    expect(stages.filter((s) => s.stage !== "Engaging")).toHaveLength(closed);
    expect(stages.every((s) => /^\d{4}-\d{2}-\d{2}$/.test(s.entered_at ?? ""))).toBe(true);
  });
});

describe("examples/telco-churn", () => {
  const dir = shared("telco-customer-churn");
  let data: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    data = await load("examples/telco-churn/mapping.yaml", dir);
  });

  it("maps every customer to one customer and one monthly term", async () => {
    const rows = await countRows(`${dir}/Telco-Customer-Churn.csv`);
    expect(data.records("customers")).toHaveLength(rows);
    expect(data.records("subscriptions")).toHaveLength(rows);
    expect(data.records("subscriptions").every((r) => r.values.interval === "month")).toBe(true);
  });

  it("matches SOURCE.md: churned customers, MRR and churned MRR, churn by contract", () => {
    const subs = data.records("subscriptions").map((r) => r.values);
    const churned = subs.filter((s) => s.end_at !== "");
    expect(churned).toHaveLength(1869);
    expect(cents(subs.map((s) => s.amount))).toBe(45_611_660);
    expect(cents(churned.map((s) => s.amount))).toBe(13_913_085);
    const byPlan = (plan: string) => churned.filter((s) => s.plan === plan).length;
    expect([byPlan("month-to-month"), byPlan("one-year"), byPlan("two-year")]).toEqual([1655, 166, 48]);
  });

  it("dates each term back from the snapshot by its tenure", () => {
    const byId = new Map(data.records("subscriptions").map((r) => [r.values.customer_id, r]));
    // 5575-GNVDE: tenure 34, not churned; 3668-QPYBK: tenure 2, churned.
    expect(byId.get("5575-GNVDE")?.values).toMatchObject({
      start_at: "2021-03-31",
      end_at: "",
      amount: "56.95",
    });
    expect(byId.get("3668-QPYBK")?.values).toMatchObject({ start_at: "2023-11-30", end_at: "2024-01-31" });
    expect(byId.get("4472-LVYGI")?.values.start_at).toBe("2024-01-31");
    expect(byId.get("5575-GNVDE")?.line).toBe(3);
    const subs = data.records("subscriptions").map((r) => r.values);
    // Every churned term started before it ended (no customer churned at tenure 0).
    expect(subs.filter((s) => s.end_at !== "" && (s.start_at ?? "") >= (s.end_at ?? ""))).toEqual([]);
  });
});

describe("examples/olist-funnel", () => {
  const dir = shared("olist-marketing-funnel");
  let data: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    data = await load("examples/olist-funnel/mapping.yaml", dir);
  });

  it("maps every MQL to a lead and every closed deal to a won deal and a customer", async () => {
    expect(data.records("leads")).toHaveLength(
      await countRows(`${dir}/olist_marketing_qualified_leads_dataset.csv`),
    );
    const closed = await countRows(`${dir}/olist_closed_deals_dataset.csv`);
    expect(data.records("deals")).toHaveLength(closed);
    expect(data.records("deals").every((r) => r.values.status === "won")).toBe(true);
    const sellers = new Set(data.records("deals").map((r) => r.values.customer_id));
    expect(data.records("customers")).toHaveLength(sellers.size);
  });

  it("matches SOURCE.md: conversion overall and by origin", () => {
    const leads = data.records("leads").map((r) => r.values);
    const converted = (origin?: string) =>
      leads.filter((l) => l.status === "converted" && (origin === undefined || l.source === origin)).length;
    const total = (origin: string) => leads.filter((l) => l.source === origin).length;
    expect(converted()).toBe(842);
    expect([converted("organic_search"), total("organic_search")]).toEqual([271, 2296]);
    expect([converted("paid_search"), total("paid_search")]).toEqual([195, 1586]);
    expect([converted(""), total("")]).toEqual([14, 60]);
    expect(
      leads.filter((l) => l.status === "converted" && (l.converted_at === "" || l.customer_id === "")),
    ).toEqual([]);
  });

  it("joins the lead's first contact date into the deal and one rep per SDR or SR id", async () => {
    const text = await readFile(`${dir}/olist_closed_deals_dataset.csv`, "utf8");
    const rows = text
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    const repIds = new Set(rows.flatMap((cells) => [cells[2], cells[3]]));
    expect(data.records("reps")).toHaveLength(repIds.size);
    const deal = data.records("deals").find((r) => r.values.deal_id === "5420aad7fec3549a85876ba1c529bd84");
    expect(deal?.values).toMatchObject({ created_at: "2018-02-21", closed_at: "2018-02-26T19:58:54" });
  });
});
