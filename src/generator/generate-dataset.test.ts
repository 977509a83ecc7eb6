import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CrmKpiError } from "../core/errors.js";
import { ENTITIES, type EntityName, entityDef } from "../core/model/entities.js";
import { datasetSettingsSchema } from "../core/model/settings.js";
import { generateDataset } from "./generate-dataset.js";

type Row = Record<string, string>;

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

let root: string;
const dirs: Record<string, string> = {};

async function generate(name: string, scale: number, extra: Record<string, unknown> = {}) {
  const dir = join(root, name);
  const result = await generateDataset(dir, { scale, seed: 7, ...extra });
  dirs[name] = dir;
  return result;
}

async function readRows(dir: string, entity: EntityName): Promise<{ header: string[]; rows: Row[] }> {
  const text = await readFile(join(dir, `${entity}.csv`), "utf8");
  const records = parse(text, { columns: false, skip_empty_lines: true }) as string[][];
  const [header = [], ...body] = records;
  return { header, rows: body.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]))) };
}

async function readAll(dir: string): Promise<Record<EntityName, Row[]>> {
  const out = {} as Record<EntityName, Row[]>;
  for (const e of ENTITIES) out[e.name] = (await readRows(dir, e.name)).rows;
  return out;
}

const ms = (text: string): number => Date.parse(text.length === 10 ? `${text}T00:00:00Z` : `${text}Z`);

describe("generateDataset", () => {
  let small: Awaited<ReturnType<typeof generate>>;
  let large: Awaited<ReturnType<typeof generate>>;
  let data: Record<EntityName, Row[]>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "crm-kpi-gen-"));
    small = await generate("a", 0.5);
    await generate("a-again", 0.5);
    large = await generate("b", 1.5);
    data = await readAll(dirs.a as string);
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("writes the same bytes for the same seed and different data for another seed", async () => {
    const files = (await readdir(dirs.a as string)).sort();
    expect(files).toEqual([...ENTITIES.map((e) => `${e.name}.csv`), "crm-kpi.json"].sort());
    for (const file of files) {
      const first = await readFile(join(dirs.a as string, file));
      const again = await readFile(join(dirs["a-again"] as string, file));
      expect(first.equals(again), file).toBe(true);
    }
    const other = join(root, "other-seed");
    await generateDataset(other, { scale: 0.5, seed: 8 });
    const a = await readFile(join(dirs.a as string, "customers.csv"), "utf8");
    const b = await readFile(join(other, "customers.csv"), "utf8");
    expect(a).not.toEqual(b);
  });

  it("reports row counts and bytes that match the files", async () => {
    let bytes = 0;
    for (const file of await readdir(dirs.a as string))
      bytes += (await readFile(join(dirs.a as string, file))).length;
    expect(small.bytes).toBe(bytes);
    for (const e of ENTITIES) expect(small.rows[e.name], e.name).toBe(data[e.name].length);
  });

  it("scales the per-customer entities linearly", () => {
    expect(small.rows.customers).toBeGreaterThan(950);
    expect(small.rows.customers).toBeLessThan(1050);
    const scaled: EntityName[] = [
      "customers",
      "leads",
      "deals",
      "deal_stages",
      "subscriptions",
      "orders",
      "tickets",
      "survey_responses",
      "email_events",
    ];
    for (const name of scaled) {
      const ratio = large.rows[name] / small.rows[name];
      expect(ratio, name).toBeGreaterThan(2.5);
      expect(ratio, name).toBeLessThan(3.5);
    }
    // about ten orders per customer, as in a business of 2,000 customers and 20,000 orders
    expect(small.rows.orders / small.rows.customers).toBeGreaterThan(6);
    expect(small.rows.orders / small.rows.customers).toBeLessThan(14);
  });

  it("writes every canonical column in model order", async () => {
    for (const e of ENTITIES) {
      const { header } = await readRows(dirs.a as string, e.name);
      expect(header, e.name).toEqual(e.columns.map((c) => c.name));
    }
  });

  it("satisfies the model's cell rules: required cells, enums, timestamps, money, keys", () => {
    for (const def of ENTITIES) {
      const seen = new Set<string>();
      for (const [index, row] of data[def.name].entries()) {
        const where = `${def.name}.csv:${index + 2}`;
        for (const col of def.columns) {
          const value = row[col.name] ?? "";
          if (value === "") {
            expect(col.required ?? false, `${where} ${col.name} is required`).toBe(false);
            continue;
          }
          switch (col.kind) {
            case "enum":
              expect(col.values, `${where} ${col.name}`).toContain(value);
              break;
            case "timestamp":
            case "date":
              expect(value, `${where} ${col.name}`).toMatch(col.kind === "date" ? DATE : TIMESTAMP);
              expect(Number.isNaN(ms(value)), `${where} ${col.name}`).toBe(false);
              break;
            case "money":
            case "decimal":
            case "number":
              expect(value, `${where} ${col.name}`).toMatch(DECIMAL);
              break;
            case "integer":
              expect(value, `${where} ${col.name}`).toMatch(/^\d+$/);
              break;
            case "currency":
              expect(value, `${where} ${col.name}`).toMatch(/^[A-Z]{3}$/);
              break;
            case "id":
              expect(value.length, `${where} ${col.name}`).toBeLessThanOrEqual(200);
              expect(value.trim(), `${where} ${col.name}`).toBe(value);
              break;
            case "text":
              break;
          }
        }
        const key = def.key.map((k) => row[k] ?? "").join("\u0000");
        expect(seen.has(key), `${where} repeats key ${key}`).toBe(false);
        seen.add(key);
      }
    }
  });

  it("keeps every reference inside the dataset", () => {
    for (const def of ENTITIES) {
      for (const col of def.columns) {
        if (!col.references) continue;
        const { entity, column } = col.references;
        const known = new Set(data[entity].map((r) => r[column]));
        for (const row of data[def.name]) {
          const value = row[col.name];
          if (value) expect(known.has(value), `${def.name}.${col.name} ${value}`).toBe(true);
        }
      }
    }
  });

  it("keeps time consistent and inside the three years", () => {
    const start = ms("2023-01-01");
    const end = ms("2026-01-01");
    for (const c of data.customers) {
      expect(ms(c.created_at as string)).toBeGreaterThanOrEqual(start);
      expect(ms(c.created_at as string)).toBeLessThan(end);
      if (c.acquired_at) expect(ms(c.acquired_at)).toBeGreaterThanOrEqual(ms(c.created_at as string));
    }
    const deals = new Map(data.deals.map((d) => [d.deal_id, d]));
    for (const d of data.deals) {
      if (d.status === "open") expect(d.closed_at).toBe("");
      else expect(ms(d.closed_at as string)).toBeGreaterThanOrEqual(ms(d.created_at as string));
      if (d.closed_at) expect(ms(d.closed_at)).toBeLessThan(end);
    }
    for (const s of data.deal_stages) {
      const deal = deals.get(s.deal_id);
      expect(ms(s.entered_at as string)).toBeGreaterThanOrEqual(ms(deal?.created_at as string));
      if (deal?.closed_at) expect(ms(s.entered_at as string)).toBeLessThanOrEqual(ms(deal.closed_at));
      expect(ms(s.entered_at as string)).toBeLessThan(end);
    }
    for (const t of data.subscriptions) {
      if (t.end_at) expect(ms(t.end_at)).toBeGreaterThan(ms(t.start_at as string));
      if (t.canceled_at) expect(ms(t.canceled_at)).toBeGreaterThan(ms(t.start_at as string));
      expect(ms(t.start_at as string)).toBeLessThan(end);
    }
    for (const o of data.orders) expect(ms(o.ordered_at as string)).toBeLessThan(end);
    for (const k of data.tickets) {
      if (k.first_response_at)
        expect(ms(k.first_response_at)).toBeGreaterThanOrEqual(ms(k.created_at as string));
      if (k.resolved_at) expect(ms(k.resolved_at)).toBeGreaterThanOrEqual(ms(k.first_response_at as string));
      expect(k.status === "open").toBe(k.resolved_at === "");
    }
    for (const l of data.leads) {
      expect(l.status === "converted").toBe(Boolean(l.customer_id && l.converted_at));
      if (l.converted_at) expect(ms(l.converted_at)).toBeGreaterThanOrEqual(ms(l.created_at as string));
    }
  });

  it("answers surveys inside their scale and leaves some unanswered", () => {
    const range = { nps: [0, 10], ces: [1, 5], csat: [1, 5] } as const;
    let unanswered = 0;
    for (const r of data.survey_responses) {
      const [min, max] = range[r.survey as keyof typeof range];
      if (r.scale_min) expect([Number(r.scale_min), Number(r.scale_max)]).toEqual([min, max]);
      if (r.score === "") {
        unanswered++;
        expect(r.responded_at).toBe("");
        continue;
      }
      expect(Number(r.score)).toBeGreaterThanOrEqual(min);
      expect(Number(r.score)).toBeLessThanOrEqual(max);
      expect(ms(r.responded_at as string)).toBeGreaterThanOrEqual(ms(r.sent_at as string));
    }
    expect(unanswered).toBeGreaterThan(0);
    expect(new Set(data.survey_responses.map((r) => r.survey))).toEqual(new Set(["nps", "ces", "csat"]));
  });

  it("has an exchange rate on or before every foreign amount's date", () => {
    const firstRate = new Map<string, number>();
    for (const r of data.fx_rates) {
      const at = ms(r.date as string);
      firstRate.set(r.currency as string, Math.min(firstRate.get(r.currency as string) ?? at, at));
    }
    expect([...firstRate.keys()].sort()).toEqual(["EUR", "GBP"]);
    for (const def of ENTITIES) {
      const moneyCols = def.columns.filter((c) => c.kind === "money" && c.currencyColumn);
      for (const row of data[def.name]) {
        for (const col of moneyCols) {
          const currency = row[col.currencyColumn as string];
          if (!row[col.name] || !currency || currency === "USD") continue;
          const dateCol = col.fxDateColumns?.find((c) => row[c]);
          const first = firstRate.get(currency);
          expect(first, `${def.name} ${currency}`).toBeDefined();
          expect(first as number).toBeLessThanOrEqual(ms((row[dateCol as string] as string).slice(0, 10)));
        }
      }
    }
  });

  it("looks like a real business: every status, type, channel and a few planted duplicates", () => {
    const values = (entity: EntityName, column: string) => new Set(data[entity].map((r) => r[column]));
    expect(values("deals", "status")).toEqual(new Set(["won", "lost", "open"]));
    for (const type of ["new_business", "upsell", "renewal"]) expect(values("deals", "type")).toContain(type);
    expect(values("subscriptions", "interval")).toEqual(new Set(["month", "quarter", "year"]));
    for (const type of ["purchase", "upsell", "refund"]) expect(values("orders", "type")).toContain(type);
    for (const c of ["ads", "referral", "email", "social", "organic", "phone"]) {
      expect(values("customers", "acquisition_channel")).toContain(c);
    }
    for (const e of ["subscribed", "unsubscribed", "bounced", "complained"]) {
      expect(values("email_events", "event")).toContain(e);
    }
    expect(values("email_events", "list_id").size).toBe(2);
    expect(values("spend", "category")).toEqual(new Set(["sales", "marketing"]));
    expect(values("leads", "status")).toEqual(new Set(["open", "converted", "disqualified"]));
    expect(values("orders", "currency")).toEqual(new Set(["", "USD", "EUR", "GBP"]));
    // renewals: several terms share one subscription_id; reactivations: a customer with two subscription ids
    const termsPerSub = new Map<string, number>();
    const subsPerCustomer = new Map<string, Set<string>>();
    for (const t of data.subscriptions) {
      termsPerSub.set(t.subscription_id as string, (termsPerSub.get(t.subscription_id as string) ?? 0) + 1);
      const set = subsPerCustomer.get(t.customer_id as string) ?? new Set();
      set.add(t.subscription_id as string);
      subsPerCustomer.set(t.customer_id as string, set);
    }
    expect([...termsPerSub.values()].some((n) => n > 1)).toBe(true);
    expect([...subsPerCustomer.values()].some((s) => s.size > 1)).toBe(true);
    expect(data.subscriptions.some((t) => t.canceled_at)).toBe(true);
    // scripts of all four languages in names
    const names = data.customers.map((c) => c.name).join(" ");
    for (const script of [/[A-Za-z]/, /[\u0600-\u06ff]/, /\p{Script=Han}/u]) expect(names).toMatch(script);
    const emails = data.customers.map((c) => c.email?.toLowerCase()).filter(Boolean);
    expect(new Set(emails).size).toBeLessThan(emails.length);
  });

  it("plants namesakes and duplicates and says which ids they are", async () => {
    const byId = new Map(data.customers.map((c) => [c.customer_id, c]));
    const { namesakes, duplicates } = small.truth;
    // about a tenth of the people share a full name with someone earlier, often at their company
    expect(namesakes.length).toBeGreaterThan(data.customers.length * 0.07);
    expect(namesakes.length).toBeLessThan(data.customers.length * 0.13);
    let sameCompany = 0;
    for (const [a, b] of namesakes) {
      const ca = byId.get(a);
      const cb = byId.get(b);
      expect(ca?.name).toBe(cb?.name);
      expect(ca?.email === "" || ca?.email !== cb?.email).toBe(true);
      if (ca?.company && ca.company === cb?.company) sameCompany++;
    }
    expect(sameCompany).toBeGreaterThan(namesakes.length * 0.2);
    expect(duplicates.length).toBeGreaterThan(0);
    for (const [original, copy] of duplicates) {
      expect(byId.get(original)?.company).toBe(byId.get(copy)?.company);
      expect(original < copy).toBe(true);
    }
    const again = await generateDataset(join(root, "truth-again"), { scale: 0.5, seed: 7 });
    expect(again.truth).toEqual(small.truth);
  });

  it("writes settings the model accepts and honours time zone and base currency", async () => {
    const dir = join(root, "tehran");
    await generateDataset(dir, { scale: 0.05, seed: 3, timeZone: "Asia/Tehran", baseCurrency: "EUR" });
    const settings = datasetSettingsSchema.parse(
      JSON.parse(await readFile(join(dir, "crm-kpi.json"), "utf8")),
    );
    expect(settings.timezone).toBe("Asia/Tehran");
    expect(settings.base_currency).toBe("EUR");
    const { rows } = await readRows(dir, "fx_rates");
    expect(new Set(rows.map((r) => r.currency))).toEqual(new Set(["GBP", "USD"]));
    expect(entityDef("fx_rates").columns.map((c) => c.name)).toEqual(Object.keys(rows[0] ?? {}));
  });

  it("rejects a scale that is not a positive number", async () => {
    await expect(generateDataset(join(root, "bad"), { scale: 0 })).rejects.toBeInstanceOf(CrmKpiError);
    await expect(generateDataset(join(root, "bad"), { scale: 1, baseCurrency: "XYZ" })).rejects.toMatchObject(
      {
        code: "bad_argument",
      },
    );
  });
});
