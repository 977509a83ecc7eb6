import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CrmKpiError } from "../../core/errors.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../import-dataset.js";
import { detectPreset, scorePresets } from "./detect-preset.js";
import { listPresets, PRESETS_DIR, presetFile } from "./preset-files.js";

const SHARED = fileURLToPath(new URL("../../../../shared/data/crm-exports/", import.meta.url));

let dir: string;
let presets: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-presets-"));
  presets = path.join(dir, "presets");
  await mkdir(path.join(dir, "data"), { recursive: true });
  await mkdir(presets);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const data = (name: string, text: string) => writeFile(path.join(dir, "data", name), text);
const preset = (name: string, text: string) => writeFile(path.join(presets, `${name}.yaml`), text);

const alpha = `
entities:
  customers:
    - from: "**/*.csv"
      match_columns: [Alpha ID, Alpha Created]
      optional: true
      columns: { customer_id: Alpha ID, created_at: Alpha Created }
  orders:
    - from: "**/*.csv"
      match_columns: [Alpha Order, Alpha ID, Alpha Total]
      optional: true
      columns: { order_id: Alpha Order, customer_id: Alpha ID, ordered_at: Alpha Date, amount: Alpha Total }
`;
const beta = `
entities:
  customers:
    - from: "**/*.csv"
      match_columns: [Beta ID, Created]
      optional: true
      columns: { customer_id: Beta ID, created_at: Created }
`;

describe("preset files", () => {
  it("lists and resolves the presets of a folder", async () => {
    await preset("beta", beta);
    await preset("alpha", alpha);
    await writeFile(path.join(presets, "README.md"), "not a preset");
    expect(await listPresets(presets)).toEqual(["alpha", "beta"]);
    expect(await presetFile("beta", presets)).toBe(path.join(presets, "beta.yaml"));
  });

  it("rejects an unknown preset with the list of presets", async () => {
    await preset("alpha", alpha);
    const error = await presetFile("gamma", presets).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmKpiError);
    expect((error as CrmKpiError).code).toBe("bad_argument");
    expect((error as CrmKpiError).message).toContain('unknown preset "gamma"; the presets are: alpha');
  });

  it("finds the shipped presets from the module's own location", async () => {
    const shipped = await listPresets();
    expect(shipped).toEqual(
      expect.arrayContaining(["hubspot", "pipedrive", "salesforce", "stripe", "zendesk"]),
    );
    expect(await presetFile("hubspot")).toBe(path.join(PRESETS_DIR, "hubspot.yaml"));
  });
});

describe("detectPreset", () => {
  it("picks the preset whose sources recognize the most files", async () => {
    await preset("alpha", alpha);
    await preset("beta", beta);
    await data("a.csv", "Alpha ID,Alpha Created\nA1,2024-01-01\n");
    await data("b.csv", "Alpha Order,Alpha ID,Alpha Date,Alpha Total\nO1,A1,2024-01-02,10\n");
    await data("c.csv", "Beta ID,Created\nB1,2024-01-01\n");
    const scores = await scorePresets(path.join(dir, "data"), presets);
    expect(scores.map((s) => [s.name, s.files])).toEqual([
      ["alpha", ["a.csv", "b.csv"]],
      ["beta", ["c.csv"]],
    ]);
    expect((await detectPreset(path.join(dir, "data"), presets))?.name).toBe("alpha");
  });

  it("needs every match column: a file with only some is not recognized", async () => {
    await preset("alpha", alpha);
    await data("a.csv", "Alpha ID,Other\nA1,x\n");
    expect(await detectPreset(path.join(dir, "data"), presets)).toBeUndefined();
  });

  it("refuses to choose between presets that fit equally well", async () => {
    await preset("beta", beta);
    await preset("beta2", beta);
    await data("c.csv", "Beta ID,Created\nB1,2024-01-01\n");
    const error = await detectPreset(path.join(dir, "data"), presets).catch((e: unknown) => e);
    expect((error as CrmKpiError).code).toBe("bad_argument");
    expect((error as CrmKpiError).params.presets).toBe("beta, beta2");
  });

  it("recognizes nothing in a folder of other files", async () => {
    await preset("alpha", alpha);
    await data("notes.csv", "x,y\n1,2\n");
    expect(await detectPreset(path.join(dir, "data"), presets)).toBeUndefined();
  });

  it.each([
    ["hubspot/fivetran-dbt_hubspot_source", "hubspot"],
    ["hubspot/okikio-utils", "hubspot"],
    ["pipedrive/okikio-utils", "pipedrive"],
    ["salesforce/fivetran-dbt_salesforce_source", "salesforce"],
    ["stripe/fivetran-dbt_stripe", "stripe"],
    ["stripe/stripe-country-revenue-calculator", "stripe"],
    ["zendesk/fivetran-dbt_zendesk_source", "zendesk"],
  ])("recognizes the shipped preset of ../shared/data/crm-exports/%s", async (folder, expected) => {
    expect((await detectPreset(path.join(SHARED, folder)))?.name).toBe(expected);
  });

  it("recognizes no shipped preset in a folder of canonical-looking but unknown files", async () => {
    await data("clients.csv", "id,nom,date\n1,a,2024-01-01\n");
    expect(await detectPreset(path.join(dir, "data"))).toBeUndefined();
  });
});

describe("importDataset with presets", () => {
  const hubspotCompanies = [
    "Record ID,Company name,Create Date,City,Country/Region,Industry,Company owner",
    "101,Acme,2024-01-05 10:22:00 UTC,Berlin,Germany,SOFTWARE,Ann",
    "102,Beta,2024-02-01 08:00:00 UTC,Paris,France,RETAIL,Bob",
  ].join("\r\n");

  it("recognizes a HubSpot export without flags and says so in the result", async () => {
    await data("hubspot-crm-exports-all-companies-2024-01-05.csv", `\uFEFF${hubspotCompanies}\r\n`);
    const engine = await openDuckDB(":memory:");
    try {
      const seen: string[] = [];
      const result = await importDataset(engine, path.join(dir, "data"), {
        onPreset: (p) => seen.push(p.name),
      });
      expect(seen).toEqual(["hubspot"]);
      expect(result.preset).toMatchObject({
        name: "hubspot",
        shownFile: "presets/hubspot.yaml",
        detected: true,
      });
      expect(result.rowsByEntity.customers).toBe(2);
      const rows = await engine.query({
        sql: "SELECT customer_id, name, CAST(created_at AS VARCHAR) AS created FROM customers ORDER BY customer_id",
        params: [],
      });
      expect(rows.map((r) => [r.customer_id, r.name])).toEqual([
        ["101", "Acme"],
        ["102", "Beta"],
      ]);
      expect(String(rows[0]?.created)).toContain("2024-01-05 10:22:00");
    } finally {
      await engine.close();
    }
  });

  it("uses a named preset, which is not detected", async () => {
    await data("companies.csv", `${hubspotCompanies}\n`);
    const engine = await openDuckDB(":memory:");
    try {
      const result = await importDataset(engine, path.join(dir, "data"), { preset: "hubspot" });
      expect(result.preset).toMatchObject({ name: "hubspot", detected: false });
      expect(result.rowsByEntity.customers).toBe(2);
    } finally {
      await engine.close();
    }
  });

  it("rejects --preset with --mapping, and an unknown preset", async () => {
    const engine = await openDuckDB(":memory:");
    try {
      const both = await importDataset(engine, dir, { preset: "hubspot", mappingFile: "m.yaml" }).catch(
        (e: unknown) => e,
      );
      expect((both as CrmKpiError).params.messageKey).toBe("presets.error.presetAndMapping");
      const unknown = await importDataset(engine, dir, { preset: "nope" }).catch((e: unknown) => e);
      expect((unknown as CrmKpiError).code).toBe("bad_argument");
      expect((unknown as CrmKpiError).params.presets).toContain("hubspot");
    } finally {
      await engine.close();
    }
  });

  it("says how to go on when nothing in the folder is recognized", async () => {
    await data("notes.csv", "x,y\n1,2\n");
    const engine = await openDuckDB(":memory:");
    try {
      const error = await importDataset(engine, path.join(dir, "data")).catch((e: unknown) => e);
      expect((error as CrmKpiError).code).toBe("import_no_files");
      expect((error as CrmKpiError).params.messageKey).toBe("presets.error.noFiles");
    } finally {
      await engine.close();
    }
  });
});
