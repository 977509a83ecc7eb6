import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { runCaptured } from "../support/run-captured.js";
import { insertRows } from "../support/tiny-dataset.js";

// `--match-weight` and `--review-weight` on `dedupe` and `quality`. Five
// customers: c1/c2 one person (same email, name, city), n1/n2 namesakes
// (one name, everything else different: a pair far below the review band).
let dir: string;
let db: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "crm-kpi-thresholds-"));
  db = path.join(dir, "t.duckdb");
  const engine = await openDuckDB(db);
  await insertRows(engine, {
    customers: [
      {
        customer_id: "c1",
        name: "Shirin Karimi",
        email: "shirin@mail.ir",
        phone: "09121234567",
        company: "Nikan",
        city: "Tehran",
        country: "IR",
        created_at: "2024-01-05 10:00:00",
      },
      {
        customer_id: "c2",
        name: "Shirin Karimi",
        email: "SHIRIN@MAIL.IR",
        city: "Tehran",
        country: "IR",
        created_at: "2024-02-05 10:00:00",
      },
      {
        customer_id: "c3",
        name: "Ana Rossi",
        email: "ana@mail.it",
        city: "Rome",
        country: "IT",
        created_at: "2024-01-10 10:00:00",
      },
      {
        customer_id: "n1",
        name: "John Smith",
        email: "john.smith1@mail.com",
        company: "Acme",
        city: "Boston",
        region: "MA",
        segment: "enterprise",
        country: "US",
        created_at: "2024-01-11 10:00:00",
      },
      {
        customer_id: "n2",
        name: "John Smith",
        email: "jsmith@other.com",
        company: "Globex",
        city: "Denver",
        region: "CO",
        segment: "smb",
        country: "US",
        created_at: "2024-01-12 10:00:00",
      },
    ],
  });
  await engine.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface ClusterRecord {
  kind: string;
  cluster_id: string;
  band: "match" | "review";
  weight: number;
  customer_ids: string[];
}

async function review(...extra: string[]): Promise<ClusterRecord[]> {
  const run = await runCaptured(["dedupe", "--review", "--db", db, "--format", "ndjson", ...extra]);
  expect(run.code, run.err).toBe(0);
  return run.out
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ClusterRecord)
    .filter((r) => r.kind === "duplicate_customers");
}

const summary = (clusters: readonly ClusterRecord[]) =>
  clusters.map((c) => ({ id: c.cluster_id, band: c.band, customers: c.customer_ids }));

describe("dedupe --match-weight / --review-weight", () => {
  it("moves a cluster from match to review when the match weight is above its weight", async () => {
    const byDefault = await review();
    expect(summary(byDefault)).toEqual([{ id: "dup-c1", band: "match", customers: ["c1", "c2"] }]);
    const weight = byDefault[0]?.weight ?? Number.NaN;
    expect(weight).toBeGreaterThan(4);
    const raised = await review("--match-weight", String(Math.ceil(weight) + 1));
    expect(summary(raised)).toEqual([{ id: "review-c1", band: "review", customers: ["c1", "c2"] }]);
    // The weight of the pair does not depend on the threshold, only its band does.
    expect(raised[0]?.weight).toBe(weight);
  });

  it("adds review clusters when the review weight is lowered", async () => {
    const lowered = await review("--review-weight", "-1000");
    expect(summary(lowered)).toEqual([
      { id: "dup-c1", band: "match", customers: ["c1", "c2"] },
      { id: "review-n1", band: "review", customers: ["n1", "n2"] },
    ]);
    const namesakes = lowered[1]?.weight ?? Number.NaN;
    expect(namesakes).toBeLessThan(-2);
    // Just below the namesakes' weight they are in; just above, out. `=` and a negative value both parse.
    expect(await review(`--review-weight=${Math.floor(namesakes)}`)).toHaveLength(2);
    expect(await review("--review-weight", String(Math.ceil(namesakes)))).toHaveLength(1);
  });

  it("applies a cluster by the id it has under the same thresholds", async () => {
    const raised = ["--match-weight", "100"];
    // At 100, `--apply all` (the match band) merges nothing; the review cluster merges when named.
    const all = await runCaptured(["dedupe", "--apply", "all", "--db", db, ...raised]);
    expect(all.code, all.err).toBe(0);
    expect(all.out).toBe("");
    const named = await runCaptured(["dedupe", "--apply", "review-c1", "--db", db, ...raised]);
    expect(named.code, named.err).toBe(0);
    const mergeId = named.out.trim();
    expect(mergeId).toMatch(/^M\d+$/);
    const undone = await runCaptured(["dedupe", "--undo", mergeId, "--db", db]);
    expect(undone.out.trim()).toBe(mergeId);
    // Under the default thresholds that id does not exist.
    const missing = await runCaptured(["dedupe", "--apply", "review-c1", "--db", db]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain("review-c1");
  });
});

describe("quality --match-weight / --review-weight", () => {
  async function duplicateFindings(...extra: string[]) {
    const argv = ["quality", "--db", db, "--format", "ndjson", "--no-impact", "--as-of", "2024-03-01"];
    const run = await runCaptured([...argv, ...extra]);
    expect(run.code, run.err).toBe(0);
    const findings = run.out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return {
      clusters: findings.filter((f) => f.kind === "duplicate_customers").map((f) => f.cluster_id),
      rate: findings.find((f) => f.kind === "duplicate_rate"),
    };
  }

  it("counts the same clusters as dedupe: a raised match weight leaves none to count", async () => {
    const byDefault = await duplicateFindings();
    expect(byDefault.clusters).toEqual(["dup-c1"]);
    expect(byDefault.rate).toMatchObject({ clusters: 1, duplicate_records: 1 });
    const raised = await duplicateFindings("--match-weight", "100");
    expect(raised.clusters).toEqual([]);
    expect(raised.rate).toMatchObject({ clusters: 0, duplicate_records: 0 });
    // Review clusters are never counted, however wide the band.
    expect((await duplicateFindings("--review-weight", "-1000")).clusters).toEqual(["dup-c1"]);
  });
});

describe("threshold errors", () => {
  it.each([
    ["dedupe", "--review"],
    ["quality", "--no-impact"],
  ])("%s rejects a value that is not a number, naming the option", async (...command) => {
    for (const value of ["abc", "4x", "", "Infinity", "0x10"]) {
      const run = await runCaptured([...command, "--db", db, "--match-weight", value]);
      expect(run.code, value).toBe(2);
      expect(run.err).toContain(`The value "${value}" of --match-weight is not a number`);
    }
  });

  it("rejects a review weight above the match weight, given or default, in the user's language", async () => {
    const above = await runCaptured(["dedupe", "--review", "--db", db, "--review-weight", "5"]);
    expect(above.code).toBe(2);
    expect(above.err).toContain("The review weight 5 is above the match weight 4");
    expect(above.err).toContain("Give a review weight of at most 4");
    const both = ["--match-weight", "1", "--review-weight", "2"];
    const fa = await runCaptured(["quality", "--db", db, ...both, "--lang", "fa"]);
    expect(fa.code).toBe(2);
    expect(fa.err).toContain("وزن بررسی 2 از وزن تطابق 1 بیشتر است");
    const zh = await runCaptured(["dedupe", "--review", "--db", db, ...both, "--lang", "zh"]);
    expect(zh.err).toContain("审核权重 2 高于匹配权重 1");
    // Equal is allowed (an empty band), and a low match weight caps the default review weight.
    expect(
      (await runCaptured(["dedupe", "--review", "--db", db, "--match-weight", "3", "--review-weight", "3"]))
        .code,
    ).toBe(0);
    expect((await runCaptured(["dedupe", "--review", "--db", db, "--match-weight", "-5"])).code).toBe(0);
  });

  it("accepts Persian digits and the minus sign the help writes", async () => {
    expect(summary(await review("--review-weight", "−۱۰۰۰"))).toHaveLength(2);
  });

  it("describes both options in each command's help, with their defaults", async () => {
    for (const command of ["dedupe", "quality"]) {
      const help = await runCaptured([command, "--help"]);
      expect(help.out).toMatch(/--match-weight <number>\s+lowest match weight[\s\S]*\(default: 4\)/);
      expect(help.out).toMatch(
        /--review-weight <number>\s+lowest match weight shown for review[\s\S]*\(default: −2\)/,
      );
      const ar = await runCaptured([command, "--help", "--lang", "ar"]);
      expect(ar.out).toContain("أدنى وزن تطابق");
    }
  });
});
