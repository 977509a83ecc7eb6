import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startSmtpSink } from "../../../test/support/smtp-sink.js";
import { listHistory } from "../../alerts/alert-store.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-io.js";

const CUSTOMERS = [
  "customer_id,name,created_at,acquired_at",
  "C1,Ann,2024-01-05,2024-01-05",
  "C2,Bob,2024-02-10,2024-02-10",
  "C3,Cy,2024-02-12,2024-02-12",
  "C4,Di,2024-03-02,2024-03-02",
].join("\n");

async function folder(): Promise<{ dir: string; db: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-alerts-cli-"));
  const data = path.join(dir, "data");
  await mkdir(data);
  await writeFile(path.join(data, "customers.csv"), `${CUSTOMERS}\n`);
  await writeFile(path.join(data, "crm-kpi.json"), JSON.stringify({ base_currency: "USD", timezone: "UTC" }));
  return { dir: data, db: path.join(dir, "crm.duckdb") };
}

async function cli(argv: string[], env: Record<string, string> = {}) {
  const io = captureIo(env);
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

describe("crm-kpi alerts", () => {
  it("adds, lists, runs (once per change), shows the history and removes an alert", async () => {
    const { dir, db } = await folder();
    expect((await cli(["import", dir, "--db", db])).code).toBe(0);
    const smtp = await startSmtpSink();
    try {
      const env = { CRM_KPI_SMTP_URL: smtp.url, CRM_KPI_SMTP_FROM: "alerts@example.com" };
      const added = await cli([
        "alerts",
        "add",
        "new_customers above 1",
        "--email",
        "ops@example.com",
        "--name",
        "Growth",
        "--db",
        db,
      ]);
      expect(added).toMatchObject({ code: 0 });
      expect(added.out).toContain("Alert a1 saved: new_customers above 1 per month");

      const listed = await cli(["alerts", "list", "--db", db, "--format", "json"]);
      const rows = JSON.parse(listed.out) as { id: string; state: string; email: string[] }[];
      expect(rows.map((r) => [r.id, r.state, r.email])).toEqual([["a1", "ok", ["ops@example.com"]]]);

      const run = await cli(["alerts", "run", "--db", db], env);
      expect(run.code).toBe(0);
      expect(run.out).toContain("[crm-kpi] Alert: Growth");
      expect(run.out).toContain("Sent to ops@example.com.");
      expect(run.out).toContain("1 alerts checked: 1 fired, 0 resolved.");
      expect(smtp.messages.map((m) => m.headers.subject)).toEqual(["[crm-kpi] Alert: Growth"]);

      const again = await cli(["alerts", "run", "--db", db], env);
      expect(again.out).toContain("1 alerts checked: 0 fired, 0 resolved.");
      expect(smtp.messages).toHaveLength(1);

      const history = await cli(["alerts", "history", "a1", "--db", db, "--format", "ndjson"]);
      const lines = history.out
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => [l.event, l.period, l.value])).toEqual([["fired", "2024-02", 2]]);

      const tested = await cli(["alerts", "test", "a1", "--db", db, "--no-send"], env);
      expect(tested.code).toBe(0);
      expect(tested.out).toContain("Alert a1 is firing now");
      expect(smtp.messages).toHaveLength(1);

      const removed = await cli(["alerts", "remove", "a1", "--db", db]);
      expect(removed.out).toContain("Alert a1 removed.");
      expect((await cli(["alerts", "list", "--db", db])).err).toContain("No alerts yet");
    } finally {
      await smtp.close();
    }
  });

  it("checks the alerts after every import", async () => {
    const { dir, db } = await folder();
    const engine = await openDuckDB(db);
    await engine.close();
    expect(
      (await cli(["alerts", "add", "new_customers above 1", "--email", "ops@example.com", "--db", db])).code,
    ).toBe(0);
    // No SMTP server set: the import succeeds, the notice is recorded as not delivered and the fix is shown.
    const imported = await cli(["import", dir, "--db", db]);
    expect(imported.code).toBe(0);
    expect(imported.err).toContain("1 alerts checked: 1 fired, 0 resolved.");
    expect(imported.err).toContain("CRM_KPI_SMTP_URL");
    const check = await openDuckDB(db);
    try {
      const history = await listHistory(check, "a1");
      expect(history.map((h) => [h.event, h.delivery.map((d) => d.ok)])).toEqual([["fired", [false]]]);
    } finally {
      await check.close();
    }
  });

  it("explains a bad rule, address and id in the user's language", async () => {
    const { db } = await folder();
    await (await openDuckDB(db)).close(); // a crm-kpi database without alerts
    const badRule = await cli([
      "alerts",
      "add",
      "nps sideways 3",
      "--email",
      "a@example.com",
      "--db",
      db,
      "--lang",
      "fa",
    ]);
    expect(badRule.code).toBe(1);
    expect(badRule.err).toContain("قاعدهٔ «nps sideways 3» خوانا نیست");
    const badEmail = await cli(["alerts", "add", "nps below 0", "--email", "nobody", "--db", db]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.err).toContain('"nobody" is not an email address');
    const noChannel = await cli(["alerts", "add", "nps below 0", "--db", db, "--lang", "zh"]);
    expect(noChannel.err).toContain("--email");
    const unknown = await cli(["alerts", "remove", "a42", "--db", db, "--lang", "ar"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("لا يوجد تنبيه بالمعرّف «a42»");
  });

  it("serve refuses an alerts schedule that is not cron, before it opens anything", async () => {
    const { db } = await folder();
    const refused = await cli(["serve", "--db", db, "--port", "0", "--alerts-schedule", "every morning"]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('"every morning" is not a cron pattern');
    expect(refused.err).toContain("0 8 * * *");
    expect(existsSync(db)).toBe(false);
  });

  it("has localized help", async () => {
    const help = await cli(["alerts", "--help", "--lang", "fa"]);
    expect(help.out).toContain("هشدار روی شاخص‌ها");
    for (const command of ["add", "list", "remove", "test", "history", "run"])
      expect(help.out).toContain(command);
  });
});
