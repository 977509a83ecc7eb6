import { describe, expect, it } from "vitest";
import { TEST_ENGINES } from "../../test/support/test-engines.js";
import { CrmKpiError } from "../core/errors.js";
import { addAlert } from "./add-alert.js";
import {
  appendHistory,
  getAlert,
  listAlerts,
  listHistory,
  nextAlertId,
  recordDelivery,
  removeAlert,
  updateAlertState,
} from "./alert-store.js";

describe.each(TEST_ENGINES)("alert store on $name", ({ open }) => {
  it("stores alerts, their state and their history (migration 6)", async () => {
    const engine = await open();
    try {
      await addAlert(
        engine,
        { rule: "nps down 10", email: ["ops@example.com"], lang: "zh" },
        Date.UTC(2024, 0, 1),
      );
      await addAlert(engine, {
        id: "a10",
        rule: "customer_churn_rate above 3%",
        webhooks: ["https://h.example.com/x"],
      });
      await addAlert(engine, { rule: "mrr below 100", webhooks: ["https://h.example.com/y"] });
      expect((await listAlerts(engine)).map((a) => a.id)).toEqual(["a1", "a10", "a11"]);
      expect(await nextAlertId(engine)).toBe("a12");
      const a1 = await getAlert(engine, "a1");
      expect(a1).toMatchObject({
        rule: "nps down 10 per month",
        condition: { kind: "change", metric: "nps", amount: 10, direction: "down" },
        email: ["ops@example.com"],
        webhooks: [],
        lang: "zh",
        calendar: "gregorian",
        state: "ok",
        stateSince: null,
        checkedAt: null,
      });

      await updateAlertState(engine, "a1", "firing", true, Date.UTC(2024, 1, 2, 3, 4, 5));
      await updateAlertState(engine, "a1", "firing", false, Date.UTC(2024, 1, 3));
      expect(await getAlert(engine, "a1")).toMatchObject({
        state: "firing",
        stateSince: "2024-02-02T03:04:05.000Z",
        checkedAt: "2024-02-03T00:00:00.000Z",
      });

      const entry = {
        event: "fired" as const,
        period: "2024-01",
        value: 31.5,
        detail: { metric: "nps" },
        delivery: [],
      };
      expect(await appendHistory(engine, entry, "a1", Date.UTC(2024, 1, 2))).toBe(1);
      expect(
        await appendHistory(engine, { ...entry, event: "resolved", value: null }, "a1", Date.UTC(2024, 2, 2)),
      ).toBe(2);
      await recordDelivery(engine, "a1", 1, [{ channel: "email", target: "ops@example.com", ok: true }]);
      const history = await listHistory(engine, "a1");
      expect(history.map((h) => [h.seq, h.event, h.at, h.value, h.delivery.length])).toEqual([
        [2, "resolved", "2024-03-02T00:00:00.000Z", null, 0],
        [1, "fired", "2024-02-02T00:00:00.000Z", 31.5, 1],
      ]);

      await removeAlert(engine, "a1");
      expect(await listHistory(engine, "a1")).toEqual([]);
      await expect(getAlert(engine, "a1")).rejects.toSatisfy(
        (e) => e instanceof CrmKpiError && e.code === "unknown_alert",
      );
    } finally {
      await engine.close();
    }
  });
});
