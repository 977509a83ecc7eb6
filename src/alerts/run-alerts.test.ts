import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSmtpSink } from "../../test/support/smtp-sink.js";
import { insertRows, type TinyRow, tinyDataset } from "../../test/support/tiny-dataset.js";
import type { Engine } from "../core/engine.js";
import { addGoal } from "../goals/add-goal.js";
import { addAlert } from "./add-alert.js";
import { getAlert, listHistory } from "./alert-store.js";
import { deliverPending, evaluateAlerts, recordDeliveries, runAlerts } from "./run-alerts.js";

const customer = (id: string, day: string): TinyRow => ({
  customer_id: id,
  created_at: `${day} 09:00:00`,
  acquired_at: `${day} 09:00:00`,
  region: "North",
});

/** New customers: one in January 2024, three in February; the data ends on March 1, so February is the last complete month. */
async function dataset(): Promise<Engine> {
  return tinyDataset({
    customers: [
      customer("c1", "2024-01-10"),
      customer("c2", "2024-02-05"),
      customer("c3", "2024-02-10"),
      customer("c4", "2024-02-15"),
      customer("c5", "2024-03-01"),
    ],
  });
}

interface Hook {
  readonly url: string;
  readonly bodies: unknown[];
  close(): Promise<void>;
}

/** A real HTTP server on loopback that keeps the JSON posted to it. */
async function startHook(status = 200): Promise<Hook> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (text += c));
    req.on("end", () => {
      bodies.push({ contentType: req.headers["content-type"], json: JSON.parse(text) as unknown });
      res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret`,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe("alert evaluation and delivery", () => {
  it("fires once per change of state: ok → firing sends, firing → firing does not, firing → ok resolves", async () => {
    const engine = await dataset();
    cleanups.push(() => engine.close());
    const hook = await startHook();
    cleanups.push(hook.close);
    await addAlert(engine, { rule: "new_customers above 2", webhooks: [hook.url] });

    const first = await evaluateAlerts(engine, Date.UTC(2024, 2, 2));
    expect(first.notices.map((n) => n.event)).toEqual(["fired"]);
    expect(first.notices[0]?.reading).toMatchObject({ period: "2024-02", value: 3, previous: 1 });
    const sent = await deliverPending(first.notices, {});
    await recordDeliveries(engine, sent);
    expect(sent[0]?.delivery).toEqual([{ channel: "webhook", target: hook.url, ok: true }]);
    expect(hook.bodies).toHaveLength(1);
    const posted = hook.bodies[0] as { contentType: string; json: { text: string; blocks: unknown[] } };
    expect(posted.contentType).toContain("application/json");
    expect(posted.json.text).toContain("New customers above 2 in a month");
    expect(posted.json.text).toContain("February 2024: 3");
    expect(posted.json.blocks.length).toBeGreaterThan(1);
    expect((await getAlert(engine, "a1")).state).toBe("firing");

    const second = await evaluateAlerts(engine, Date.UTC(2024, 2, 3));
    expect(second.notices).toEqual([]);

    // March completes with two new customers: the rule no longer holds.
    await insertRows(engine, { customers: [customer("c6", "2024-03-10"), customer("c7", "2024-04-02")] });
    const third = await evaluateAlerts(engine, Date.UTC(2024, 3, 3));
    expect(third.notices.map((n) => n.event)).toEqual(["resolved"]);
    expect(third.notices[0]?.reading).toMatchObject({ period: "2024-03", value: 2 });
    expect((await getAlert(engine, "a1")).state).toBe("ok");

    const history = await listHistory(engine, "a1");
    expect(history.map((h) => [h.seq, h.event, h.period, h.value])).toEqual([
      [2, "resolved", "2024-03", 2],
      [1, "fired", "2024-02", 3],
    ]);
    expect(history[1]?.delivery).toEqual([{ channel: "webhook", target: hook.url, ok: true }]);
  });

  it("emails the digest over SMTP in the recipient's language and calendar, the SVG chart inline", async () => {
    const engine = await dataset();
    cleanups.push(() => engine.close());
    const smtp = await startSmtpSink();
    cleanups.push(smtp.close);
    await addAlert(engine, {
      rule: "new_customers above 2",
      name: "رشد مشتری",
      email: ["ops@example.com", "ceo@example.com"],
      lang: "fa",
      calendar: "jalali",
    });
    const { sent } = await runAlerts(
      engine,
      { smtpUrl: smtp.url, smtpFrom: "crm-kpi <alerts@example.com>" },
      Date.UTC(2024, 2, 2),
    );
    expect(sent[0]?.delivery.map((d) => [d.target, d.ok])).toEqual([
      ["ops@example.com", true],
      ["ceo@example.com", true],
    ]);
    expect(smtp.messages).toHaveLength(1);
    const mail = smtp.messages[0];
    expect(mail?.from).toBe("alerts@example.com");
    expect(mail?.to).toEqual(["ops@example.com", "ceo@example.com"]);
    expect(mail?.headers.subject).toBe("[crm-kpi] هشدار: رشد مشتری");
    expect(mail?.headers["content-language"]).toBe("fa");
    const html = mail?.parts.find((p) => p.headers["content-type"]?.startsWith("text/html"))?.body ?? "";
    expect(html).toContain('<html lang="fa" dir="rtl">');
    // Persian digits, and the Jalali month: February 2024 ends in Esfand 1402.
    expect(html).toMatch(/[۰-۹]/);
    expect(html).toContain("۱۴۰۲");
    expect(html).toContain("مشتریان جدید");
    const chart = mail?.parts.find((p) => p.headers["content-type"]?.startsWith("image/svg+xml"));
    expect(chart?.headers["content-id"]).toBe("<chart-a1@crm-kpi>");
    expect(chart?.headers["content-disposition"]).toContain("inline");
    expect(chart?.body.startsWith("<svg")).toBe(true);
    expect(html).toContain('src="cid:chart-a1@crm-kpi"');
    const text = mail?.parts.find((p) => p.headers["content-type"]?.startsWith("text/plain"))?.body ?? "";
    expect(text).toContain("هشدار رشد مشتری فعال شد");

    const history = await listHistory(engine, "a1");
    expect(history[0]?.delivery.map((d) => d.ok)).toEqual([true, true]);
  });

  it("records a failed delivery (no SMTP server, a webhook answering 500) without changing the state machine", async () => {
    const engine = await dataset();
    cleanups.push(() => engine.close());
    const hook = await startHook(500);
    cleanups.push(hook.close);
    await addAlert(engine, {
      rule: "new_customers above 2",
      email: ["ops@example.com"],
      webhooks: [hook.url],
    });
    const { sent } = await runAlerts(engine, {}, Date.UTC(2024, 2, 2));
    expect(sent[0]?.delivery).toEqual([
      { channel: "email", target: "ops@example.com", ok: false, error: "no_smtp" },
      { channel: "webhook", target: hook.url, ok: false, error: "HTTP 500" },
    ]);
    expect((await getAlert(engine, "a1")).state).toBe("firing");
    expect((await listHistory(engine, "a1"))[0]?.delivery.map((d) => d.ok)).toEqual([false, false]);
  });

  it("a change rule compares with the period before; unknown data keeps the state", async () => {
    const engine = await dataset();
    cleanups.push(() => engine.close());
    const hook = await startHook();
    cleanups.push(hook.close);
    await addAlert(engine, { id: "up", rule: "new_customers up 2", webhooks: [hook.url] });
    await addAlert(engine, { id: "rel", rule: "new_customers up 300% relative", webhooks: [hook.url] });
    await addAlert(engine, { id: "none", rule: "nps below 0", webhooks: [hook.url] });
    const { notices } = await evaluateAlerts(engine, Date.UTC(2024, 2, 2));
    // 1 → 3: up by 2 (fires), by 200 % (does not reach 300 %); no survey data: nps is unknown.
    expect(notices.map((n) => [n.alert.id, n.event])).toEqual([["up", "fired"]]);
    expect((await getAlert(engine, "none")).state).toBe("ok");
  });

  it("a goal rule fires when its goal is off track, and says the goal's status", async () => {
    const engine = await dataset();
    cleanups.push(() => engine.close());
    const hook = await startHook();
    cleanups.push(hook.close);
    const asOf = Date.UTC(2024, 2, 2);
    await addGoal(
      engine,
      {
        id: "g1",
        metric: "new_customers",
        target: 100,
        start: "2024-01-01",
        deadline: "2024-06-30",
        why: "fund the hires",
      },
      asOf,
    );
    await addAlert(engine, { rule: "goal g1 at risk", webhooks: [hook.url] });
    const { sent } = await runAlerts(engine, {}, asOf);
    expect(sent.map((s) => [s.event, s.reading.goalStatus, s.reading.value])).toEqual([
      ["fired", "off_track", 5],
    ]);
    const posted = hook.bodies[0] as { json: { text: string } };
    expect(posted.json.text).toContain("goal g1 at risk, off track or missed");
    expect(posted.json.text).toContain("Goal g1: off track");
    // A goal that is gone is unknown: the state stays, nothing is sent.
    await engine.execute("DELETE FROM goals");
    expect((await evaluateAlerts(engine, asOf)).notices).toEqual([]);
    expect((await getAlert(engine, "a1")).state).toBe("firing");
  });
});
