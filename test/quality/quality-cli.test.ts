import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { insertRows } from "../support/tiny-dataset.js";

let dir: string;
let db: string;

// Three customers, two of them one person written twice (email case, Persian/Arabic letters).
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "crm-kpi-quality-"));
  db = path.join(dir, "q.duckdb");
  const engine = await openDuckDB(db);
  await insertRows(engine, {
    customers: [
      {
        customer_id: "c1",
        name: "شیرین کریمی",
        email: "shirin@mail.ir",
        country: "IR",
        created_at: "2024-01-05 10:00:00",
      },
      {
        customer_id: "c2",
        name: "شيرين كريمي",
        email: "SHIRIN@MAIL.IR",
        phone: "09121234567",
        country: "IR",
        created_at: "2024-02-05 10:00:00",
      },
      {
        customer_id: "c3",
        name: "Ana Rossi",
        email: "not-an-email",
        country: "XX",
        created_at: "2024-01-10 10:00:00",
      },
    ],
    orders: [
      { order_id: "o1", customer_id: "c1", ordered_at: "2024-01-06 10:00:00", amount: 10 },
      { order_id: "o2", customer_id: "c2", ordered_at: "2024-02-06 10:00:00", amount: 20 },
      { order_id: "o3", customer_id: "ghost", ordered_at: "2024-02-07 10:00:00", amount: 30 },
    ],
  });
  await engine.close();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function cli(...argv: string[]) {
  const io = captureIo();
  const code = await runCli([...argv, "--db", db], io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi quality", () => {
  it("prints one finding per line with a kind in ndjson", async () => {
    const { code, out } = await cli("quality", "--format", "ndjson", "--as-of", "2024-03-01");
    expect(code).toBe(0);
    const findings = out
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const f of findings) expect(typeof f.kind).toBe("string");
    const duplicate = findings.find((f) => f.kind === "duplicate_customers");
    expect(duplicate?.customer_ids).toEqual(["c1", "c2"]);
    expect(duplicate?.score).toBe(1);
    expect(String(duplicate?.reason)).toContain("same email");
    expect(findings.some((f) => f.kind === "orphans" && f.entity === "orders" && f.count === 1)).toBe(true);
    expect(findings.some((f) => f.kind === "validity" && f.column === "email" && f.invalid === 1)).toBe(true);
    expect(findings.some((f) => f.kind === "validity" && f.column === "country" && f.invalid === 1)).toBe(
      true,
    );
    expect(findings.at(-1)?.kind).toBe("data_health_score");
  });

  it("prints the score and a table in Persian", async () => {
    const { code, out } = await cli("quality", "--lang", "fa", "--no-impact");
    expect(code).toBe(0);
    expect(out).toContain("امتیاز سلامت داده");
    expect(out).toContain("مشتریان تکراری");
  });

  it("makes the report warn about the open findings that touch its metrics", async () => {
    await cli("quality", "--no-impact");
    const { code, err } = await cli("report", "--metrics", "new_customers", "--format", "ndjson");
    expect(code).toBe(0);
    expect(err).toContain("Data quality warning (Duplicate customers, 1)");
    expect(err).toContain("New customers");
  });
});

describe("crm-kpi dedupe", () => {
  it("reviews, applies and undoes a merge", async () => {
    const review = await cli("dedupe", "--review", "--format", "ndjson");
    const cluster = JSON.parse(review.out.trim().split("\n")[0] ?? "{}") as { cluster_id: string };
    expect(cluster.cluster_id).toBe("dup-c1");

    const applied = await cli("dedupe", "--apply", cluster.cluster_id, "--format", "ndjson");
    expect(applied.code).toBe(0);
    const merge = JSON.parse(applied.out.trim()) as {
      merge_id: string;
      survivor_id: string;
      merged_ids: string[];
    };
    expect(merge).toMatchObject({ survivor_id: "c1", merged_ids: ["c2"] });

    // The merged duplicate no longer warns.
    const report = await cli("report", "--metrics", "new_customers", "--format", "ndjson");
    expect(report.err).not.toContain("Duplicate customers");
    expect((await cli("dedupe", "--review")).out).toContain(merge.merge_id);

    const undone = await cli("dedupe", "--undo", merge.merge_id);
    expect(undone.out.trim()).toBe(merge.merge_id);
    expect((await cli("dedupe", "--review", "--format", "ndjson")).out).toContain('"dup-c1"');
  });

  it("says what to do without an action and rejects unknown ids", async () => {
    expect((await cli("dedupe")).code).toBe(2);
    const bad = await cli("dedupe", "--apply", "dup-nope");
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain("dedupe --review");
  });
});
