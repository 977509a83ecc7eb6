import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "./exit-codes.js";
import { OUTPUT_FORMATS } from "./format-records.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

// Issue 8 part 6: one name per idea, every format everywhere, `help [command]`,
// segment keys in csv columns, explain counts and precision. Tiny data:
// three customers (two in North), four orders, one amount with float noise.
const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-cli-consistency-"));
const data = path.join(tmp, "data");
const db = path.join(tmp, "crm.duckdb");

beforeAll(async () => {
  mkdirSync(data);
  writeFileSync(
    path.join(data, "customers.csv"),
    "customer_id,name,region,created_at,acquired_at\nC1,Ann,North,2024-01-05,2024-01-05\nC2,Bob,North,2024-01-10,2024-01-10\nC3,Cy,South,2024-01-20,2024-01-20\n",
  );
  writeFileSync(
    path.join(data, "orders.csv"),
    "order_id,customer_id,ordered_at,amount,currency,type\nO1,C1,2024-01-06,84.15,USD,purchase\nO2,C2,2024-01-11,50,USD,purchase\nO3,C3,2024-01-21,20,USD,purchase\nO4,C1,2024-01-25,0.1,USD,purchase\n",
  );
  writeFileSync(
    path.join(data, "crm-kpi.json"),
    JSON.stringify({ base_currency: "USD", timezone: "UTC", activity: "purchase" }),
  );
  const io = captureIo();
  expect(await runCli(["import", data, "--db", db], io), io.err()).toBe(EXIT.ok);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function run(argv: readonly string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi help [command]", () => {
  it("prints the help of a command on stdout with exit 0", async () => {
    const report = await run(["help", "report"]);
    expect(report.code).toBe(EXIT.ok);
    expect(report.out).toContain("--metrics");
    const nested = await run(["help", "goals", "add"]);
    expect(nested.code).toBe(EXIT.ok);
    expect(nested.out).toContain("--target");
  });

  it("is listed, localized, in the program's help", async () => {
    const en = await run(["help"]);
    expect(en.code).toBe(EXIT.ok);
    expect(en.out).toMatch(/help \[command\]\s+show the help of a command/);
    const fa = await run(["--help", "--lang", "fa"]);
    expect(fa.out).toContain("نمایش راهنمای یک فرمان");
  });

  it("rejects an unknown command name", async () => {
    expect((await run(["help", "frobnicate"])).code).toBe(EXIT.usage);
  });
});

describe("one name per idea, every format", () => {
  const dataCommands = [
    ["report"],
    ["explain"],
    ["metrics"],
    ["customers"],
    ["campaigns"],
    ["stuck-deals"],
    ["quality"],
    ["dedupe"],
    ["goals", "list"],
    ["goals", "show"],
    ["goals", "status"],
    ["cohorts"],
    ["tokens", "list"],
    ["predict", "upsell"],
    ["predict", "churn"],
  ];
  it.each(dataCommands)("%s %s offers --format table|csv|ndjson|json|md", async (...command) => {
    const help = await run([...command, "--help"]);
    expect(help.code).toBe(EXIT.ok);
    const option = help.out.slice(help.out.indexOf("--format"));
    const choices = option.slice(0, option.indexOf("default")).replace(/\s+/g, " ");
    for (const format of OUTPUT_FORMATS) expect(choices).toMatch(new RegExp(`\\b${format}\\b`));
  });

  it.each([["report"], ["explain"], ["cohorts"], ["campaigns"], ["goals", "add"]])(
    "%s %s names the grain --period",
    async (...command) => {
      const help = await run([...command, "--help"]);
      expect(help.out).toMatch(/--period <grain>/);
      expect(help.out).not.toMatch(/--grain/);
    },
  );

  it.each([
    ["report", "--db", db, "--metrics", "revenue", "--from", "2024-01", "--to", "2024-01"],
    ["explain", "revenue", "--db", db, "--at", "2024-01"],
    ["metrics"],
    ["customers", "--db", db],
    ["cohorts", "--db", db, "--from", "2024-01", "--to", "2024-01"],
    ["goals", "list", "--db", db],
    ["tokens", "list", "--db", db],
    ["dedupe", "--review", "--db", db],
    ["campaigns", "--db", db],
    ["stuck-deals", "--db", db],
    ["quality", "--db", db, "--as-of", "2024-02-01"],
    ["goals", "status", "--db", db, "--as-of", "2024-01-31"],
  ])("%s prints parseable json", async (...argv) => {
    const result = await run([...argv, "--format", "json"]);
    expect(result.code, result.err).toBe(EXIT.ok);
    expect(() => JSON.parse(result.out)).not.toThrow();
  });
});

describe("report csv", () => {
  it("puts each --by key in its own column", async () => {
    const argv = ["report", "--db", db, "--metrics", "revenue", "--by", "region", "--format", "csv"];
    const { code, out } = await run([...argv, "--from", "2024-01", "--to", "2024-01"]);
    expect(code).toBe(EXIT.ok);
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(/^metric,period,total,region,value,/);
    expect(lines).toContainEqual(expect.stringMatching(/^revenue,2024-01,false,North,134\.25,/));
    expect(lines).toContainEqual(expect.stringMatching(/^revenue,2024-01,true,,154\.25,/));
    expect(out).not.toContain("region=");
  });
});

describe("explain", () => {
  it("prints the segment as region=North, the row counts and amounts at the column's precision", async () => {
    const argv = ["explain", "revenue", "--db", db, "--at", "2024-01", "--segment", "region=North"];
    const all = await run(argv);
    expect(all.code, all.err).toBe(EXIT.ok);
    expect(all.out).toContain("Segment: region=North");
    expect(all.out).toContain("Value: 3 rows");
    // 0.1 next to 84.15: the column has two decimals throughout.
    expect(all.out).toMatch(/O4\s+\$0\.10\b/);
    expect(all.out).toMatch(/O2\s+\$50\.00\b/);
    const cut = await run([...argv, "--limit", "2"]);
    expect(cut.out).toContain("Value: showing 2 of 3 rows");
  });

  it("keeps --period <label> working with a note, and --period is the grain", async () => {
    const old = await run(["explain", "revenue", "--db", db, "--period", "2024-01"]);
    expect(old.code, old.err).toBe(EXIT.ok);
    expect(old.err).toContain("--period <label> is deprecated; use --at <label>");
    expect(old.out).toContain("Value: $154.25");
    const grain = await run(["explain", "revenue", "--db", db, "--at", "2024-Q1", "--period", "quarter"]);
    expect(grain.code, grain.err).toBe(EXIT.ok);
    expect(grain.err).toBe("");
    expect(grain.out).toContain("Value: $154.25");
    expect((await run(["explain", "revenue", "--db", db, "--period", "fortnight"])).code).toBe(EXIT.usage);
  });

  it("writes one csv line per row, the summary on stderr", async () => {
    const argv = ["explain", "revenue", "--db", db, "--at", "2024-01", "--segment", "region=North"];
    const csv = await run([...argv, "--format", "csv", "--limit", "2"]);
    const lines = csv.out.trim().split("\n");
    expect(lines[0]).toBe("metric,period,region,part,entity,record_id,amount,detail");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^revenue,2024-01,North,value,orders,O1,84\.15,/);
    expect(csv.err).toContain("Value: showing 2 of 3 rows");
    const json = JSON.parse((await run([...argv, "--format", "json", "--limit", "2"])).out);
    expect(json.row_counts).toEqual({ value: { total: 3, shown: 2 } });
    expect(json.segment).toEqual({ region: "North" });
  });
});

describe("goals add --period", () => {
  it("takes the grain as --period; --grain still works with a note", async () => {
    const base = ["goals", "add", "--db", db, "--metric", "revenue", "--target", "100"];
    const dates = ["--start", "2024-01-01", "--deadline", "2024-12-31", "--as-of", "2024-01-31"];
    const now = await run([...base, ...dates, "--id", "q1", "--period", "quarter"]);
    expect(now.code, now.err).toBe(EXIT.ok);
    const old = await run([...base, ...dates, "--id", "q2", "--grain", "quarter"]);
    expect(old.code, old.err).toBe(EXIT.ok);
    expect(old.err).toContain("--grain is deprecated; use --period");
    const listed = (await run(["goals", "list", "--db", db, "--format", "ndjson"])).out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { goal_id: string; grain: string });
    expect(listed.filter((g) => g.goal_id.startsWith("q")).map((g) => g.grain)).toEqual([
      "quarter",
      "quarter",
    ]);
    const shown = await run(["goals", "show", "q1", "--db", db, "--as-of", "2024-01-31", "--format", "json"]);
    expect(shown.code, shown.err).toBe(EXIT.ok);
    expect(JSON.parse(shown.out)).toEqual([expect.objectContaining({ goal_id: "q1", grain: "quarter" })]);
  });
});
