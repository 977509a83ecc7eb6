import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCaptured } from "../../../test/support/run-captured.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-mapping-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const customers = "Customer ID,Full Name,E-mail,Created\nC1,Ann,ann@example.com,2024-03-05\n";

describe("crm-kpi mapping init", () => {
  it("prints the draft on stdout without --out", async () => {
    await writeFile(path.join(dir, "customers.csv"), customers);
    const run = await runCaptured(["mapping", "init", dir]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('    - from: "customers.csv"');
    expect(run.out).toContain('        customer_id: "Customer ID"');
    expect(run.err).toBe("");
  });

  it("writes --out, refuses to overwrite it, and overwrites with --force", async () => {
    await writeFile(path.join(dir, "customers.csv"), customers);
    const out = path.join(dir, "draft.yaml");
    const first = await runCaptured(["mapping", "init", dir, "--out", out]);
    expect(first.code).toBe(0);
    expect(first.err).toContain(`Wrote the draft mapping ${out}`);
    expect(await readFile(out, "utf8")).toContain('customer_id: "Customer ID"');
    await writeFile(out, "mine");
    const again = await runCaptured(["mapping", "init", dir, "--out", out, "--lang", "fa"]);
    expect(again.code).toBe(2);
    expect(again.err).toContain("از پیش هست");
    expect(await readFile(out, "utf8")).toBe("mine");
    const forced = await runCaptured(["mapping", "init", dir, "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("version: 1");
  });

  it("writes the draft's comments in the chosen language", async () => {
    await writeFile(path.join(dir, "customers.csv"), customers);
    const run = await runCaptured(["mapping", "init", dir, "--lang", "zh"]);
    expect(run.out).toContain("根据文件名猜测实体为 customers");
  });
});

describe("crm-kpi import --preset", () => {
  const companies =
    "Record ID,Company name,Create Date,City,Country/Region,Industry,Company owner\r\n101,Acme,2024-01-05 10:22:00 UTC,Berlin,Germany,SOFTWARE,Ann\r\n";

  it("names the presets when the one asked for does not exist", async () => {
    const run = await runCaptured(["import", dir, "--db", path.join(dir, "db.duckdb"), "--preset", "nope"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Unknown preset "nope"');
    expect(run.err).toMatch(/Use one of: .*hubspot.*salesforce/);
  });

  it("refuses --preset together with --mapping", async () => {
    const run = await runCaptured([
      "import",
      dir,
      "--db",
      path.join(dir, "db.duckdb"),
      "--preset",
      "hubspot",
      "--mapping",
      "m.yaml",
    ]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("--preset and --mapping exclude each other");
  });

  it("says which preset it recognized, in the user's language", async () => {
    await writeFile(path.join(dir, "hubspot-crm-exports-all-companies.csv"), companies);
    const run = await runCaptured(["import", dir, "--db", path.join(dir, "db.duckdb"), "--lang", "fa"]);
    expect(run.code).toBe(0);
    expect(run.err).toContain("خروجی HubSpot شناخته شد");
    expect(run.err).toContain("presets/hubspot.yaml");
  });

  it("mentions --preset and mapping init when nothing is recognized", async () => {
    await writeFile(path.join(dir, "notes.csv"), "x,y\n1,2\n");
    const run = await runCaptured(["import", dir, "--db", path.join(dir, "db.duckdb")]);
    expect(run.code).not.toBe(0);
    expect(run.err).toContain("--preset <name>");
    expect(run.err).toContain(`crm-kpi mapping init ${dir}`);
  });
});
