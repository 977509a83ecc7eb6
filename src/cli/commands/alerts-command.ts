import { type Command, Option } from "commander";
import type { SentNotice } from "../../alerts/index.js";
import { parseCalendarDate } from "../../calendar/parse-calendar-date.js";
import { localDateOf } from "../../calendar/zoned-time.js";
import type { Engine } from "../../core/engine.js";
import { findMetric } from "../../core/metrics/registry.js";
import { deadlineEndMs } from "../../goals/goal-dates.js";
import { LANGS, type Lang, t } from "../../messages/index.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { type CliContext, collect, dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { calendarOption, dbOption, formatOption, langOption, wholeNumberOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { describeError } from "../format-error.js";
import { formatMetricValue } from "../format-number.js";
import { humanTable, isMachineFormat, machineLines, type OutputFormat } from "../format-records.js";

// The alerts module brings ECharts, fontkit and nodemailer: loaded only when an alerts command runs.
const loadAlerts = () => import("../../alerts/index.js");

export interface AlertsAddOptions {
  readonly db: string;
  readonly id?: string;
  readonly name?: string;
  readonly email?: string[];
  readonly webhook?: string[];
  readonly notifyLang?: Lang;
  readonly calendar?: string;
}

interface DeliveryOptions {
  readonly smtpUrl?: string;
  readonly smtpFrom?: string;
}

/** `crm-kpi alerts add <rule>`: checks the rule and the recipients, then stores the alert (state ok). */
export async function runAlertsAdd(ctx: CliContext, rule: string, o: AlertsAddOptions): Promise<ExitCode> {
  const { addAlert } = await loadAlerts();
  const alert = await withEngine(dbAccess(ctx, o.db, "create"), (engine) =>
    addAlert(engine, {
      rule,
      ...(o.id ? { id: o.id } : {}),
      ...(o.name ? { name: o.name } : {}),
      email: o.email ?? [],
      webhooks: o.webhook ?? [],
      lang: o.notifyLang ?? ctx.lang,
      ...(o.calendar ? { calendar: o.calendar } : {}),
    }),
  );
  writeLine(ctx.io.stdout, t(ctx.lang, "alerts.saved", { id: alert.id, rule: alert.rule }));
  return EXIT.ok;
}

/** `crm-kpi alerts list`: every alert, its rule, state and recipients. */
export async function runAlertsList(
  ctx: CliContext,
  o: { readonly db: string; readonly format: OutputFormat },
): Promise<ExitCode> {
  const { listAlerts } = await loadAlerts();
  const alerts = await withEngine(dbAccess(ctx, o.db, "read"), listAlerts);
  if (isMachineFormat(o.format)) {
    const rows = alerts.map((a) => ({
      id: a.id,
      name: a.name,
      rule: a.rule,
      condition: a.condition,
      state: a.state,
      state_since: a.stateSince,
      checked_at: a.checkedAt,
      email: a.email,
      webhooks: a.webhooks,
      lang: a.lang,
      calendar: a.calendar,
    }));
    const keys = Object.keys(rows[0] ?? { id: 0 });
    for (const line of machineLines(keys, rows, o.format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  if (alerts.length === 0) {
    writeLine(ctx.io.stderr, t(ctx.lang, "alerts.none"));
    return EXIT.ok;
  }
  const { lang } = ctx;
  const columns = (["id", "name", "rule", "state", "since", "recipients"] as const).map((key) => ({
    header: t(lang, `alerts.column.${key}`),
  }));
  const rows = alerts.map((a) => [
    a.id,
    a.name ?? "",
    a.rule,
    t(lang, `alerts.state.${a.state}`),
    a.stateSince?.slice(0, 19).replace("T", " ") ?? "",
    [...a.email, ...a.webhooks.map(webhookLabel)].join(", "),
  ]);
  for (const line of humanTable(o.format, lang, columns, rows)) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

/** `crm-kpi alerts remove <id>`. */
export async function runAlertsRemove(
  ctx: CliContext,
  id: string,
  o: { readonly db: string },
): Promise<ExitCode> {
  const { removeAlert } = await loadAlerts();
  await withEngine(dbAccess(ctx, o.db, "write"), (engine) => removeAlert(engine, id));
  writeLine(ctx.io.stdout, t(ctx.lang, "alerts.removed", { id }));
  return EXIT.ok;
}

/** `crm-kpi alerts test <id>`: judges the rule now and sends a test notice; the state stays as it is. */
export async function runAlertsTest(
  ctx: CliContext,
  id: string,
  o: DeliveryOptions & { readonly db: string; readonly send: boolean; readonly asOf?: string },
): Promise<ExitCode> {
  const alerts = await loadAlerts();
  return withEngine(dbAccess(ctx, o.db, "write"), async (engine) => {
    const pending = await alerts.testAlert(engine, id, await asOfInstant(engine, o.asOf));
    const firstLine = pending.notice.text.split("\n").slice(0, 2).join(" ");
    writeLine(
      ctx.io.stdout,
      t(ctx.lang, "alerts.test.result", {
        id,
        state: t(ctx.lang, `alerts.state.${pending.state}`),
        detail: firstLine,
      }),
    );
    if (!o.send) {
      writeLine(ctx.io.stderr, t(ctx.lang, "alerts.test.noSend"));
      return EXIT.ok;
    }
    const sent = await alerts.deliverPending([pending], alerts.deliveryConfigOf(o, ctx.io.env));
    await alerts.recordDeliveries(engine, sent);
    return printDeliveries(ctx, sent) ? EXIT.ok : EXIT.data;
  });
}

/** `crm-kpi alerts history [id]`: the notices, newest first. */
export async function runAlertsHistory(
  ctx: CliContext,
  id: string | undefined,
  o: { readonly db: string; readonly format: OutputFormat; readonly limit: number },
): Promise<ExitCode> {
  const { getAlert, listHistory } = await loadAlerts();
  const entries = await withEngine(dbAccess(ctx, o.db, "read"), async (engine) => {
    if (id !== undefined) await getAlert(engine, id);
    return listHistory(engine, id, o.limit);
  });
  if (isMachineFormat(o.format)) {
    const rows = entries.map((e) => ({
      alert: e.alertId,
      seq: e.seq,
      at: e.at,
      event: e.event,
      period: e.period,
      value: e.value,
      detail: e.detail,
      delivery: e.delivery,
    }));
    const keys = ["alert", "seq", "at", "event", "period", "value", "detail", "delivery"];
    for (const line of machineLines(keys, rows, o.format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  if (entries.length === 0) {
    writeLine(ctx.io.stderr, t(ctx.lang, "alerts.history.none"));
    return EXIT.ok;
  }
  const { lang } = ctx;
  const columns = (["at", "id", "event", "period", "value", "delivery"] as const).map((key) => ({
    header: t(lang, `alerts.column.${key}`),
  }));
  const rows = entries.map((e) => [
    e.at.slice(0, 19).replace("T", " "),
    e.alertId,
    t(lang, `alerts.event.${e.event}`),
    e.period ?? "",
    formatMetricValue(e.value, unitOf(String(e.detail.metric ?? "")), lang),
    e.delivery
      .map(
        (d) =>
          `${d.channel === "webhook" ? webhookLabel(d.target) : d.target}: ${t(lang, d.ok ? "alerts.delivery.ok" : "alerts.delivery.error")}`,
      )
      .join(", "),
  ]);
  for (const line of humanTable(o.format, lang, columns, rows)) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

/** `crm-kpi alerts run`: every alert once; notices for those that changed state. For cron. */
export async function runAlertsRun(
  ctx: CliContext,
  o: DeliveryOptions & { readonly db: string; readonly asOf?: string },
): Promise<ExitCode> {
  const alerts = await loadAlerts();
  return withEngine(dbAccess(ctx, o.db, "write"), async (engine) => {
    const { checked, sent } = await alerts.runAlerts(
      engine,
      alerts.deliveryConfigOf(o, ctx.io.env),
      await asOfInstant(engine, o.asOf),
    );
    const ok = printDeliveries(ctx, sent);
    writeLine(ctx.io.stdout, runSummary(ctx.lang, checked, sent));
    return ok ? EXIT.ok : EXIT.data;
  });
}

/**
 * After an import: checks the alerts of the database, if it has any, and
 * sends the notices of those that changed state. Notes go to stderr, so the
 * import's summary on stdout stays as it was.
 */
export async function checkAlertsAfterImport(ctx: CliContext, engine: Engine): Promise<void> {
  const { listAlerts } = await import("../../alerts/alert-store.js");
  if ((await listAlerts(engine)).length === 0) return;
  const alerts = await loadAlerts();
  try {
    const config = alerts.deliveryConfigOf({}, ctx.io.env);
    const { checked, sent } = await alerts.runAlerts(engine, config, Date.now());
    printDeliveries(ctx, sent);
    writeLine(ctx.io.stderr, runSummary(ctx.lang, checked, sent));
  } catch (error) {
    // The import is committed: a failing alert is reported, never turned into a failed import.
    for (const line of describeError(error, ctx.lang, ctx.debug)) writeLine(ctx.io.stderr, line);
  }
}

function runSummary(lang: Lang, checked: number, sent: readonly SentNotice[]): string {
  return t(lang, "alerts.run.summary", {
    checked,
    fired: sent.filter((s) => s.event === "fired").length,
    resolved: sent.filter((s) => s.event === "resolved").length,
  });
}

/** One line per channel of each notice; false when any failed. */
function printDeliveries(ctx: CliContext, sent: readonly SentNotice[]): boolean {
  let ok = true;
  let noSmtp = false;
  for (const s of sent) {
    let failed = false;
    writeLine(ctx.io.stdout, s.notice.subject);
    for (const d of s.delivery) {
      const target = d.channel === "webhook" ? webhookLabel(d.target) : d.target;
      if (d.ok) {
        writeLine(ctx.io.stdout, `  ${t(ctx.lang, "alerts.delivery.sent", { target })}`);
        continue;
      }
      ok = false;
      failed = true;
      const detail = d.error === "no_smtp" ? t(ctx.lang, "alerts.delivery.noSmtp") : (d.error ?? "");
      noSmtp ||= d.error === "no_smtp";
      writeLine(ctx.io.stderr, `  ${t(ctx.lang, "alerts.delivery.failed", { target, detail })}`);
    }
    if (failed) writeLine(ctx.io.stderr, t(ctx.lang, "alerts.delivery.failed.fix", { id: s.alert.id }));
  }
  if (noSmtp) writeLine(ctx.io.stderr, t(ctx.lang, "alerts.delivery.noSmtp.fix"));
  return ok;
}

function unitOf(metricId: string): string {
  const metric = findMetric(metricId);
  return metric?.siblingDetails?.[metricId]?.unit ?? metric?.unit ?? "count";
}

/** A webhook URL without its path: Slack's secret is the path. */
function webhookLabel(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname.length > 1 ? `${u.origin}/…` : u.origin;
  } catch {
    return url;
  }
}

/** The end of the as-of day in the dataset's calendar and zone, else now. */
async function asOfInstant(engine: Engine, text: string | undefined): Promise<number> {
  if (text === undefined) return Date.now();
  const settings = await loadDatasetSettings(engine);
  const dayMs = parseCalendarDate(text, settings.calendar, settings.timezone);
  return deadlineEndMs(localDateOf(dayMs, settings.timezone), settings.timezone);
}

/** Adds `crm-kpi alerts add|list|remove|test|history|run` to the program. */
export function registerAlertsCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  const alerts = program.command("alerts").description(t(lang, "alerts.description"));
  const smtpOptions = (command: Command) =>
    command
      .option("--smtp-url <url>", t(lang, "alerts.option.smtpUrl"))
      .option("--smtp-from <address>", t(lang, "alerts.option.smtpFrom"));

  alerts
    .command("add")
    .description(t(lang, "alerts.add.description"))
    .argument("<rule>", t(lang, "alerts.arg.rule"))
    .addOption(dbOption(lang))
    .option("--id <id>", t(lang, "alerts.option.id"))
    .option("--name <name>", t(lang, "alerts.option.name"))
    .option("--email <address>", t(lang, "alerts.option.email"), collect)
    .option("--webhook <url>", t(lang, "alerts.option.webhook"), collect)
    .addOption(new Option("--notify-lang <lang>", t(lang, "alerts.option.notifyLang")).choices(LANGS))
    .addOption(calendarOption(lang, "alerts.option.calendar"))
    .addOption(langOption(lang))
    .action(async (rule: string, o: Omit<AlertsAddOptions, "db"> & { db?: string }) => {
      setExit(await runAlertsAdd(ctx, rule, { ...o, db: dbPath(o.db) }));
    });

  alerts
    .command("list")
    .description(t(lang, "alerts.list.description"))
    .addOption(dbOption(lang))
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .action(async (o: { db?: string; format: OutputFormat }) => {
      setExit(await runAlertsList(ctx, { db: dbPath(o.db), format: o.format }));
    });

  alerts
    .command("remove")
    .description(t(lang, "alerts.remove.description"))
    .argument("<id>", t(lang, "alerts.arg.id"))
    .addOption(dbOption(lang))
    .addOption(langOption(lang))
    .action(async (id: string, o: { db?: string }) => {
      setExit(await runAlertsRemove(ctx, id, { db: dbPath(o.db) }));
    });

  smtpOptions(
    alerts
      .command("test")
      .description(t(lang, "alerts.test.description"))
      .argument("<id>", t(lang, "alerts.arg.id"))
      .addOption(dbOption(lang))
      .option("--as-of <date>", t(lang, "alerts.option.asOf"))
      .option("--no-send", t(lang, "alerts.option.noSend")),
  )
    .addOption(langOption(lang))
    .action(async (id: string, o: DeliveryOptions & { db?: string; send: boolean; asOf?: string }) => {
      setExit(await runAlertsTest(ctx, id, { ...o, db: dbPath(o.db) }));
    });

  alerts
    .command("history")
    .description(t(lang, "alerts.history.description"))
    .argument("[id]", t(lang, "alerts.arg.id"))
    .addOption(dbOption(lang))
    .option("--limit <n>", t(lang, "alerts.option.limit"), wholeNumberOption("--limit", 1), 100)
    .addOption(formatOption(lang))
    .addOption(langOption(lang))
    .action(async (id: string | undefined, o: { db?: string; format: OutputFormat; limit: number }) => {
      setExit(await runAlertsHistory(ctx, id, { ...o, db: dbPath(o.db) }));
    });

  smtpOptions(
    alerts
      .command("run")
      .description(t(lang, "alerts.run.description"))
      .addOption(dbOption(lang))
      .option("--as-of <date>", t(lang, "alerts.option.asOf")),
  )
    .addOption(langOption(lang))
    .action(async (o: DeliveryOptions & { db?: string; asOf?: string }) => {
      setExit(await runAlertsRun(ctx, { ...o, db: dbPath(o.db) }));
    });
}
