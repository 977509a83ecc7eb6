import { describe, expect, it } from "vitest";
import { startSmtpSink } from "../../test/support/smtp-sink.js";
import { tinyDataset } from "../../test/support/tiny-dataset.js";
import { addAlert } from "../alerts/add-alert.js";
import { getAlert, listHistory } from "../alerts/alert-store.js";
import { CrmKpiError } from "../core/errors.js";
import { assertCronPattern, checkServerAlerts, scheduleAlerts } from "./alerts-runner.js";
import { openServerDatabase } from "./server-database.js";

const customers = ["2024-01-10", "2024-02-05", "2024-02-10", "2024-03-01"].map((day, i) => ({
  customer_id: `c${i}`,
  created_at: `${day} 09:00:00`,
  acquired_at: `${day} 09:00:00`,
}));

describe("the server's alert checks", () => {
  it("the scheduled job checks the alerts and emails the change once, however often it runs", async () => {
    const smtp = await startSmtpSink();
    const db = await openServerDatabase(await tinyDataset({ customers }), { readSessions: 1 });
    try {
      await db.write((e) => addAlert(e, { rule: "new_customers above 1", email: ["ops@example.com"] }));
      const delivery = { smtpUrl: smtp.url, smtpFrom: "alerts@example.com" };
      // The job croner runs: two runs at once are serialized, so the change is sent once.
      const [first, second] = await Promise.all([
        checkServerAlerts(db, delivery),
        checkServerAlerts(db, delivery),
      ]);
      expect(first.sent.map((s) => s.event)).toEqual(["fired"]);
      expect(second.sent).toEqual([]);
      expect(smtp.messages.map((m) => m.to)).toEqual([["ops@example.com"]]);
      expect((await db.read((e) => getAlert(e, "a1"))).state).toBe("firing");
      expect((await db.read((e) => listHistory(e, "a1"))).map((h) => h.event)).toEqual(["fired"]);
    } finally {
      await db.close();
      await smtp.close();
    }
  });

  it("croner triggers the job on its pattern and stops when told", async () => {
    let runs = 0;
    let resolveFirst: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      resolveFirst = resolve;
    });
    // Six fields: every second, the shortest pattern croner has.
    const schedule = scheduleAlerts("* * * * * *", async () => {
      runs++;
      resolveFirst();
    });
    await first;
    schedule.stop();
    const seen = runs;
    expect(seen).toBeGreaterThanOrEqual(1);
    expect(schedule.pattern).toBe("* * * * * *");
  });

  it("refuses a pattern that is not cron, with what to write", () => {
    expect(() => assertCronPattern("0 8 * * *")).not.toThrow();
    try {
      assertCronPattern("every morning");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CrmKpiError);
      expect((error as CrmKpiError).params.messageKey).toBe("alerts.error.schedule");
    }
  });
});
