import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../messages/index.js";
import type { DuplicateCluster, FieldEvidence } from "../quality/find-duplicates.js";
import { LINKAGE_FIELDS } from "../quality/linkage/types.js";
import { clusterCsvRecords, clusterLines, clusterRecords, signedWeight } from "./format-duplicates.js";
import { machineLines } from "./format-records.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

const field = (
  name: FieldEvidence["field"],
  level: FieldEvidence["level"],
  weight: number,
  a: string | null,
  b: string | null,
): FieldEvidence => ({ field: name, level, weight, a, b });

const fields = (overrides: Partial<Record<FieldEvidence["field"], FieldEvidence>>): FieldEvidence[] =>
  LINKAGE_FIELDS.map((f) => overrides[f] ?? field(f, "missing", 0, null, null));

// One sure match and one namesake pair in the review band, as the model returns them.
const CLUSTERS: DuplicateCluster[] = [
  {
    cluster_id: "dup-c1",
    customer_ids: ["c1", "c2"],
    score: 1,
    rules: ["email"],
    reason: "same email (ana@example.com); match weight 21.5",
    weight: 21.5,
    band: "match",
    pairs: [
      {
        a: "c1",
        b: "c2",
        weight: 21.5,
        probability: 1,
        band: "match",
        fields: fields({
          name: field("name", "normalized", 9.25, "شیرین کریمی", "شيرين كريمي"),
          email: field("email", "exact", 14.1, "ana@example.com", "ana@example.com"),
          city: field("city", "different", -3.4, "Tehran", "Shiraz"),
        }),
      },
    ],
  },
  {
    cluster_id: "review-c3",
    customer_ids: ["c3", "c4"],
    score: 0.8,
    rules: ["name_company"],
    reason: "similar name + company (Ana Rossi / Initech); match weight 2",
    weight: 2,
    band: "review",
    pairs: [
      {
        a: "c3",
        b: "c4",
        weight: 2,
        probability: 0.8,
        band: "review",
        fields: fields({
          name: field("name", "exact", 10.3, "Ana Rossi", "Ana Rossi"),
          company: field("company", "exact", 4.33, "Initech", "Initech"),
          segment: field("segment", "different", -0.85, "smb", "enterprise"),
        }),
      },
    ],
  },
];

describe("signedWeight", () => {
  it("writes the sign and two decimals, in the reader's digits", () => {
    expect(signedWeight(4.331, "en")).toBe("+4.33");
    expect(signedWeight(-0.85, "en")).toBe("−0.85");
    expect(signedWeight(0, "en")).toBe("0.00");
    expect(signedWeight(12.5, "fa")).toBe("+۱۲٫۵۰");
    expect(signedWeight(-3.4, "ar")).toBe("−٣٫٤٠");
  });
});

describe("dedupe --review, for people", () => {
  it("shows per cluster its band and weight, per pair its weight, probability and evidence", () => {
    const text = clusterLines("table", "en", CLUSTERS).join("\n");
    expect(text).toContain(t("en", "linkage.display.band.review"));
    expect(text).toContain(
      t("en", "linkage.display.cluster", {
        cluster: "review-c3",
        band: t("en", "linkage.display.band.review"),
        weight: "+2.00",
        customers: "c3, c4",
      }),
    );
    expect(text).toContain(
      t("en", "linkage.display.pair", { a: "c1", b: "c2", weight: "+21.50", probability: "100%" }),
    );
    // one evidence line per field: label, level, signed weight, both values
    const cityLine = text.split("\n").find((l) => l.startsWith("city"));
    expect(cityLine).toMatch(/^city\s+different\s+−3\.40\s+Tehran\s+Shiraz$/);
    expect(text.split("\n").filter((l) => /^segment\s/.test(l))).toEqual([
      expect.stringMatching(/^segment\s+missing\s+0\.00\s+—\s+—$/),
      expect.stringMatching(/^segment\s+different\s+−0\.85\s+smb\s+enterprise$/),
    ]);
  });

  it("writes Markdown tables for md", () => {
    const md = clusterLines("md", "en", CLUSTERS);
    expect(md).toContain("### dup-c1 (match): match weight +21.50, customers c1, c2");
    expect(md).toContain("| email | exact | +14.10 | ana@example.com | ana@example.com |");
  });

  it("is localized: Persian labels and digits, right to left", () => {
    const text = clusterLines("table", "fa", CLUSTERS).join("\n");
    expect(text).toContain(t("fa", "linkage.display.band.review"));
    expect(text).toContain(t("fa", "linkage.display.field.company"));
    expect(text).toContain(t("fa", "linkage.display.level.different"));
    expect(text).toContain("−۳٫۴۰");
    expect(text).not.toContain("different");
    // Latin digits only inside ids (c1, dup-c1)
    expect(text.replace(/[A-Za-z][\w-]*\d+/g, "")).not.toMatch(/[0-9]/);
  });
});

describe("dedupe --review, for programs", () => {
  it("nests the pairs and their field evidence in json and ndjson records", () => {
    const [first] = clusterRecords(CLUSTERS);
    expect(first).toMatchObject({ cluster_id: "dup-c1", band: "match", weight: 21.5 });
    const pairs = first?.pairs as { fields: FieldEvidence[] }[];
    expect(pairs[0]?.fields.map((f) => f.field)).toEqual(LINKAGE_FIELDS);
    expect(pairs[0]?.fields[1]).toEqual(field("email", "exact", 14.1, "ana@example.com", "ana@example.com"));
  });

  it("gives csv a row per cluster, pair and field", () => {
    const rows = clusterCsvRecords(CLUSTERS);
    expect(rows.map((r) => r.kind)).toEqual([
      "duplicate_customers",
      "pair",
      ...LINKAGE_FIELDS.map(() => "field"),
      "duplicate_customers",
      "pair",
      ...LINKAGE_FIELDS.map(() => "field"),
    ]);
    const lines = machineLines(
      ["kind", "cluster_id", "weight", "field", "level", "value_a", "value_b"],
      rows,
      "csv",
    );
    expect(lines).toContain("field,dup-c1,-3.4,city,different,Tehran,Shiraz");
    expect(lines).toContain("pair,review-c3,2,,,,");
  });
});

describe("crm-kpi dedupe --review on the reference data", () => {
  const reference = fileURLToPath(new URL("../../../shared/data/reference/", import.meta.url));
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "crm-kpi-dedupe-review-"));
    db = path.join(dir, "crm.duckdb");
    expect(await runCli(["import", reference, "--db", db], captureIo())).toBe(0);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const review = async (...args: string[]) => {
    const io = captureIo();
    expect(await runCli(["dedupe", "--review", "--db", db, ...args], io), io.err()).toBe(0);
    return io.out();
  };

  it("prints every cluster with the evidence of its pairs, the same bytes each time", async () => {
    const json = await review("--format", "json");
    const records = JSON.parse(json) as { kind: string; band: string; pairs: { fields: unknown[] }[] }[];
    const clusters = records.filter((r) => r.kind === "duplicate_customers");
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) {
      expect(["match", "review"]).toContain(c.band);
      expect(c.pairs.length).toBeGreaterThan(0);
      for (const p of c.pairs) expect(p.fields).toHaveLength(LINKAGE_FIELDS.length);
    }
    expect(await review("--format", "json")).toBe(json);
    const ndjson = (await review("--format", "ndjson")).trim().split("\n");
    expect(ndjson.map((l) => JSON.parse(l))).toEqual(records.map((r) => JSON.parse(JSON.stringify(r))));
    const table = await review("--lang", "fa");
    expect(table).toContain(t("fa", "linkage.display.field.email"));
    expect(table).toContain(t("fa", "linkage.display.column.fieldWeight"));
  }, 120_000);
});
