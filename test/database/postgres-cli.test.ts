import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import { openPostgres } from "../../src/engines/postgres/open-postgres.js";
import { runCaptured } from "../support/run-captured.js";

const REFERENCE = path.resolve(import.meta.dirname, "../../../shared/data/reference");
const cli = (...argv: string[]) => runCaptured(argv);

describe("--db postgres://… that cannot be reached", () => {
  it("names the database without its password and says what to check", async () => {
    const result = await cli("report", "--db", "postgres://me:secret@127.0.0.1:1/crm");
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain("postgres://me:***@127.0.0.1:1/crm");
    expect(result.err).toContain("Check the URL");
    expect(result.err).not.toContain("secret");
  });
});

// The same commands on a PostgreSQL server give what they give on DuckDB (.ci/run always provides one).
const server = process.env.CRM_KPI_TEST_PG;
describe.runIf(server !== undefined)("the CLI on a PostgreSQL server", () => {
  const name = `crm_kpi_cli_${process.pid}`;
  let url = "";
  const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-pgcli-"));
  const duckdb = path.join(tmp, "same.duckdb");

  beforeAll(async () => {
    const admin = await openPostgres(server as string, { migrate: false });
    await admin.execute(`CREATE DATABASE ${name}`);
    await admin.close();
    const target = new URL(server as string);
    target.pathname = `/${name}`;
    url = target.toString();
    expect(await cli("import", REFERENCE, "--db", url)).toMatchObject({ code: EXIT.ok });
    expect(await cli("import", REFERENCE, "--db", duckdb)).toMatchObject({ code: EXIT.ok });
  }, 120_000);
  afterAll(async () => {
    rmSync(tmp, { recursive: true, force: true });
    const admin = await openPostgres(server as string, { migrate: false });
    await admin.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it("reports the same table as on DuckDB", async () => {
    const args = [
      "report",
      "--metrics",
      "revenue,customer_churn_rate,nps",
      "--by",
      "region",
      "--from",
      "2024-01",
      "--to",
      "2024-06",
    ];
    const onPostgres = await cli(...args, "--db", url);
    expect(onPostgres.code).toBe(EXIT.ok);
    expect(onPostgres.out).toBe((await cli(...args, "--db", duckdb)).out);
  });

  it("explains, keeps goals, finds duplicates and merges them back and forth", async () => {
    const explain = await cli("explain", "customer_churn_rate", "--at", "2024-02", "--db", url);
    expect(explain.out).toBe(
      (await cli("explain", "customer_churn_rate", "--at", "2024-02", "--db", duckdb)).out,
    );
    const goal = [
      "goals",
      "add",
      "--metric",
      "new_customers",
      "--target",
      "12",
      "--deadline",
      "2025-12-31",
      "--why",
      "growth",
    ];
    expect(await cli(...goal, "--db", url)).toMatchObject({ code: EXIT.ok });
    expect(await cli(...goal, "--db", duckdb)).toMatchObject({ code: EXIT.ok });
    expect((await cli("goals", "status", "--db", url)).out).toContain("new_customers");
    const review = await cli("dedupe", "--review", "--format", "json", "--db", url);
    expect(review.out).toBe((await cli("dedupe", "--review", "--format", "json", "--db", duckdb)).out);
    expect(await cli("dedupe", "--apply", "all", "--db", url)).toMatchObject({ code: EXIT.ok });
    expect(await cli("dedupe", "--undo", "all", "--db", url)).toMatchObject({ code: EXIT.ok });
    const after = await cli("report", "--metrics", "new_customers", "--db", url);
    expect(after.out).toBe((await cli("report", "--metrics", "new_customers", "--db", duckdb)).out);
  });

  it("refuses a database that holds tables of its own", async () => {
    const target = new URL(server as string);
    const admin = await openPostgres(server as string, { migrate: false });
    const foreign = `${name}_foreign`;
    await admin.execute(`CREATE DATABASE ${foreign}`);
    target.pathname = `/${foreign}`;
    const other = await openPostgres(target.toString(), { migrate: false });
    await other.execute("CREATE TABLE invoices (id INTEGER)");
    await other.close();
    const result = await cli("import", REFERENCE, "--db", target.toString());
    expect(result.code).toBe(EXIT.database);
    expect(result.err).toContain("not a crm-kpi one");
    await admin.execute(`DROP DATABASE ${foreign} WITH (FORCE)`);
    await admin.close();
  });
});
