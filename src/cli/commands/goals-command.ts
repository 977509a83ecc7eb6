import path from "node:path";
import { type Command, Option } from "commander";
import { localizeDigits } from "../../calendar/localize-digits.js";
import { parseCalendarDate } from "../../calendar/parse-calendar-date.js";
import { GRAINS } from "../../calendar/period-types.js";
import { localDateOf } from "../../calendar/zoned-time.js";
import type { Engine } from "../../core/engine.js";
import { findMetric } from "../../core/metrics/registry.js";
import type { CalendarId } from "../../core/model/settings.js";
import {
  addGoal,
  calendarDateText,
  deadlineEndMs,
  defaultGoalDirection,
  evaluateGoal,
  evaluateGoals,
  type Goal,
  type GoalEvaluation,
  type GoalInput,
  GoalRejectedError,
  getGoal,
  listGoals,
  loadGoalsFile,
  removeGoal,
  type SmartEntry,
} from "../../goals/index.js";
import { type Lang, type MessageKey, metricName, t } from "../../messages/index.js";
import { loadDatasetSettings } from "../../report/dataset-settings.js";
import { type CliContext, collect, dbAccess, parsePairs, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import {
  calendarOption,
  dbOption,
  deprecatedOption,
  formatOption,
  langOption,
  periodOption,
  warnDeprecated,
} from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatMetricValue } from "../format-number.js";
import {
  humanTable,
  isMachineFormat,
  machineLines,
  OUTPUT_FORMATS,
  type OutputFormat,
} from "../format-records.js";

export const GOAL_FORMATS = OUTPUT_FORMATS;
export type GoalFormat = OutputFormat;
const GOAL_KEYS = ["goal_id", "metric", "segment", "direction", "target", "start", "deadline"];

export interface GoalsAddOptions {
  readonly db: string;
  readonly id?: string;
  readonly metric: string;
  readonly target: string;
  readonly direction?: string;
  readonly start?: string;
  readonly deadline?: string;
  readonly segment?: readonly string[];
  readonly owner?: string;
  readonly why?: string;
  readonly grain?: string;
  readonly calendar?: CalendarId;
  readonly asOf?: string;
}

export interface GoalsStatusOptions {
  readonly db: string;
  readonly asOf?: string;
  readonly calendar?: CalendarId;
  readonly format: GoalFormat;
}

/**
 * Adds `crm-kpi goals add|list|show|remove|status|load` to the program.
 *
 * @example registerGoalsCommand(program, ctx, setExit, (o) => resolveDbPath(o, io.env))
 */
export function registerGoalsCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
  dbPath: (option: string | undefined) => string,
): void {
  const { lang } = ctx;
  const goals = program.command("goals").description(t(lang, "goals.description"));
  const asOfOption = () => new Option("--as-of <date>", t(lang, "goals.option.asOf"));

  goals
    .command("add")
    .description(t(lang, "goals.add.description"))
    .addOption(dbOption(lang))
    .option("--id <id>", t(lang, "goals.option.id"))
    .requiredOption("--metric <id>", t(lang, "goals.option.metric"))
    .requiredOption("--target <n>", t(lang, "goals.option.target"))
    .addOption(
      new Option("--direction <direction>", t(lang, "goals.option.direction")).choices([
        "at-least",
        "at-most",
      ]),
    )
    .option("--start <date>", t(lang, "goals.option.start"))
    .option("--deadline <date>", t(lang, "goals.option.deadline"))
    .addOption(
      new Option("--segment <dim=value>", t(lang, "goals.option.segment")).argParser(collect).default([]),
    )
    .option("--owner <id>", t(lang, "goals.option.owner"))
    .option("--why <text>", t(lang, "goals.option.why"))
    .addOption(periodOption(lang, "goals.option.grain"))
    .addOption(deprecatedOption("--grain <grain>").choices(GRAINS))
    .addOption(calendarOption(lang, "goals.option.calendar"))
    .addOption(asOfOption())
    .addOption(langOption(lang))
    .action(async (o: Omit<GoalsAddOptions, "db"> & { db?: string; period?: string }) => {
      // `--period` is the grain, as in every command; `--grain` is its old spelling.
      if (o.grain !== undefined) warnDeprecated(ctx.io, lang, "--grain", "--period");
      const grain = o.period ?? o.grain;
      setExit(await runGoalsAdd(ctx, { ...o, ...(grain ? { grain } : {}), db: dbPath(o.db) }));
    });

  goals
    .command("list")
    .description(t(lang, "goals.list.description"))
    .addOption(dbOption(lang))
    .addOption(formatOption(lang, GOAL_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: { db?: string; format: GoalFormat }) => {
      setExit(await runGoalsList(ctx, { db: dbPath(o.db), format: o.format }));
    });

  goals
    .command("show")
    .description(t(lang, "goals.show.description"))
    .argument("<id>", t(lang, "goals.arg.id"))
    .addOption(dbOption(lang))
    .addOption(asOfOption())
    .addOption(calendarOption(lang, "goals.option.calendar"))
    .addOption(formatOption(lang, GOAL_FORMATS))
    .addOption(langOption(lang))
    .action(
      async (id: string, o: { db?: string; asOf?: string; calendar?: CalendarId; format: GoalFormat }) => {
        setExit(await runGoalsShow(ctx, id, { ...o, db: dbPath(o.db) }));
      },
    );

  goals
    .command("remove")
    .description(t(lang, "goals.remove.description"))
    .argument("<id>", t(lang, "goals.arg.id"))
    .addOption(dbOption(lang))
    .addOption(langOption(lang))
    .action(async (id: string, o: { db?: string }) => {
      setExit(await runGoalsRemove(ctx, id, dbPath(o.db)));
    });

  goals
    .command("status")
    .description(t(lang, "goals.status.description"))
    .addOption(dbOption(lang))
    .addOption(asOfOption())
    .addOption(calendarOption(lang, "goals.option.calendar"))
    .addOption(formatOption(lang, GOAL_FORMATS))
    .addOption(langOption(lang))
    .action(async (o: Omit<GoalsStatusOptions, "db"> & { db?: string }) => {
      setExit(await runGoalsStatus(ctx, { ...o, db: dbPath(o.db) }));
    });

  goals
    .command("load")
    .description(t(lang, "goals.load.description"))
    .argument("<file>", t(lang, "goals.arg.file"))
    .addOption(dbOption(lang))
    .addOption(asOfOption())
    .addOption(calendarOption(lang, "goals.option.calendar"))
    .addOption(langOption(lang))
    .action(async (file: string, o: { db?: string; asOf?: string; calendar?: CalendarId }) => {
      setExit(await runGoalsLoad(ctx, file, { ...o, db: dbPath(o.db) }));
    });
}

/** `crm-kpi goals add`: checks the goal letter by letter, explains each failure, stores it unless S, M or T fail. */
export async function runGoalsAdd(ctx: CliContext, o: GoalsAddOptions): Promise<ExitCode> {
  return withEngine(dbAccess(ctx, o.db, "create"), async (engine) => {
    const asOfMs = await asOfInstant(engine, o.asOf, o.calendar);
    const segment = parsePairs(o.segment ?? [], "cli.error.badSegment");
    const input: GoalInput = {
      metric: o.metric,
      target: o.target,
      // Without --start, defineGoal starts the goal on the as-of day (or the deadline's year).
      ...pick(o, ["id", "direction", "start", "deadline", "owner", "why", "grain", "calendar"]),
      ...(Object.keys(segment).length > 0 ? { segment } : {}),
    };
    try {
      const evaluation = await addGoal(engine, input, asOfMs);
      const zone = (await loadDatasetSettings(engine)).timezone;
      const dates = { calendar: evaluation.goal.calendar, zone };
      for (const line of smartLines(
        ctx.lang,
        evaluation.goal.id,
        evaluation.smart,
        evaluation.goal.metric,
        dates,
      )) {
        writeLine(ctx.io.stdout, line);
      }
      const fallback = defaultGoalDirection(o.metric);
      if (!o.direction && fallback) {
        writeLine(
          ctx.io.stdout,
          t(ctx.lang, "goals.direction.default", { direction: t(ctx.lang, `goals.direction.${fallback}`) }),
        );
      }
      writeLine(ctx.io.stdout, t(ctx.lang, "goals.saved", { id: evaluation.goal.id }));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof GoalRejectedError)) throw error;
      for (const line of smartLines(ctx.lang, String(error.params.goal), error.entries, o.metric)) {
        writeLine(ctx.io.stderr, line);
      }
      writeLine(ctx.io.stderr, t(ctx.lang, "goals.rejected", { id: String(error.params.goal) }));
      return EXIT.data;
    }
  });
}

export async function runGoalsList(
  ctx: CliContext,
  o: { db: string; format: GoalFormat },
): Promise<ExitCode> {
  const [goals, zone] = await withEngine(
    dbAccess(ctx, o.db, "read"),
    async (engine) => [await listGoals(engine), (await loadDatasetSettings(engine)).timezone] as const,
  );
  if (isMachineFormat(o.format)) {
    const records = goals.map((goal) => goalJson(goal, zone));
    const keys = records[0] ? Object.keys(records[0]) : GOAL_KEYS;
    for (const line of machineLines(keys, records, o.format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  if (goals.length === 0) {
    writeLine(ctx.io.stdout, t(ctx.lang, "goals.none"));
    return EXIT.ok;
  }
  const { lang } = ctx;
  const table = humanTable(
    o.format,
    lang,
    (["id", "metric", "segment", "target", "deadline", "owner"] as const).map((c) => ({
      header: t(lang, `goals.column.${c}`),
    })),
    goals.map((g) => [
      g.id,
      g.metric,
      segmentText(g.segment),
      `${t(lang, `goals.direction.${g.direction}`)} ${formatMetricValue(g.target, unitOf(g.metric), lang)}`,
      g.deadline === null ? "" : localizeDigits(calendarDateText(g.deadline, g.calendar, zone), lang),
      g.owner ?? "",
    ]),
  );
  for (const line of table) writeLine(ctx.io.stdout, line);
  return EXIT.ok;
}

export async function runGoalsShow(ctx: CliContext, id: string, o: GoalsStatusOptions): Promise<ExitCode> {
  const [evaluation, zone] = await withEngine(dbAccess(ctx, o.db, "read"), async (engine) => {
    const goal = await getGoal(engine, id);
    // --as-of is written in the calendar the user names (else the dataset's), not the goal's.
    const asOfMs = await asOfInstant(engine, o.asOf, o.calendar);
    return [await evaluateGoal(engine, goal, asOfMs), (await loadDatasetSettings(engine)).timezone] as const;
  });
  const { lang } = ctx;
  const out = ctx.io.stdout;
  if (isMachineFormat(o.format)) {
    // The record `goals status` writes for this goal.
    const record = evaluationJson(evaluation, zone, lang);
    for (const line of machineLines(Object.keys(record), [record], o.format)) writeLine(out, line);
    return EXIT.ok;
  }
  const g = evaluation.goal;
  const unit = unitOf(g.metric);
  const value = (v: number | null) => formatMetricValue(v, unit, lang);
  writeLine(
    out,
    t(lang, "goals.show.goal", {
      id: g.id,
      metric: metricName(lang, g.metric),
      segment: g.segment ? ` [${segmentText(g.segment)}]` : "",
      direction: t(lang, `goals.direction.${g.direction}`),
      target: value(g.target),
      start: dateText(g.start, g, zone, lang),
      deadline: g.deadline === null ? "—" : dateText(g.deadline, g, zone, lang),
      mode: t(lang, `goals.mode.${evaluation.mode}`),
    }),
  );
  if (g.owner) writeLine(out, t(lang, "goals.show.owner", { owner: g.owner }));
  for (const line of smartLines(lang, g.id, evaluation.smart, g.metric, { calendar: g.calendar, zone }))
    writeLine(out, line);
  writeLine(
    out,
    t(lang, "goals.show.progress", {
      baseline: value(evaluation.baseline),
      current: value(evaluation.current),
      progress: formatMetricValue(evaluation.progress, "fraction", lang),
    }),
  );
  writeLine(
    out,
    t(lang, "goals.show.projection", {
      projection: value(evaluation.projection.value),
      method: methodText(lang, evaluation),
    }),
  );
  writeLine(
    out,
    t(lang, "goals.show.status", {
      status: t(lang, `goals.status.${evaluation.status}`),
      reason: t(lang, `goals.reason.${evaluation.reason}`),
    }),
  );
  return EXIT.ok;
}

export async function runGoalsRemove(ctx: CliContext, id: string, db: string): Promise<ExitCode> {
  await withEngine(dbAccess(ctx, db, "write"), (engine) => removeGoal(engine, id));
  writeLine(ctx.io.stdout, t(ctx.lang, "goals.removed", { id }));
  return EXIT.ok;
}

/** `crm-kpi goals status`: one row (or ndjson line) per goal. */
export async function runGoalsStatus(ctx: CliContext, o: GoalsStatusOptions): Promise<ExitCode> {
  const [evaluations, zone] = await withEngine(dbAccess(ctx, o.db, "read"), async (engine) => {
    const goals = await listGoals(engine);
    // One as-of for every goal, read in the calendar the user names (else the dataset's).
    const asOfMs = await asOfInstant(engine, o.asOf, o.calendar);
    const result = await evaluateGoals(engine, goals, asOfMs);
    return [result, (await loadDatasetSettings(engine)).timezone] as const;
  });
  const { lang } = ctx;
  if (isMachineFormat(o.format)) {
    // csv carries the nested achievability and SMART entries as JSON text.
    const records = evaluations.map((e) => evaluationJson(e, zone, lang));
    const keys = records[0] ? Object.keys(records[0]) : GOAL_KEYS;
    for (const line of machineLines(keys, records, o.format)) writeLine(ctx.io.stdout, line);
    return EXIT.ok;
  }
  if (evaluations.length === 0) {
    writeLine(ctx.io.stdout, t(lang, "goals.none"));
    return EXIT.ok;
  }
  const columns = [
    "id",
    "metric",
    "segment",
    "target",
    "deadline",
    "baseline",
    "current",
    "progress",
    "projection",
    "status",
  ] as const;
  const table = humanTable(
    o.format,
    lang,
    columns.map((c) => ({
      header: t(lang, `goals.column.${c}`),
      ...(["baseline", "current", "progress", "projection"].includes(c) ? { align: "right" as const } : {}),
    })),
    evaluations.map((e) => {
      const g = e.goal;
      const unit = unitOf(g.metric);
      return [
        g.id,
        g.metric,
        segmentText(g.segment),
        `${t(lang, `goals.direction.${g.direction}`)} ${formatMetricValue(g.target, unit, lang)}`,
        g.deadline === null ? "" : dateText(g.deadline, g, zone, lang),
        formatMetricValue(e.baseline, unit, lang),
        formatMetricValue(e.current, unit, lang),
        formatMetricValue(e.progress, "fraction", lang),
        formatMetricValue(e.projection.value, unit, lang),
        t(lang, `goals.status.${e.status}`),
      ];
    }),
  );
  for (const line of table) writeLine(ctx.io.stdout, line);
  writeLine(ctx.io.stdout);
  for (const e of evaluations) {
    writeLine(
      ctx.io.stdout,
      `${e.goal.id}: ${t(lang, `goals.reason.${e.reason}`)}; ${t(lang, "goals.column.projection")}: ${methodText(lang, e)}`,
    );
  }
  return EXIT.ok;
}

export async function runGoalsLoad(
  ctx: CliContext,
  file: string,
  o: { db: string; asOf?: string; calendar?: CalendarId },
): Promise<ExitCode> {
  const evaluations = await withEngine(dbAccess(ctx, o.db, "create"), async (engine) =>
    loadGoalsFile(engine, file, await asOfInstant(engine, o.asOf, o.calendar)),
  );
  for (const e of evaluations) {
    for (const line of smartLines(ctx.lang, e.goal.id, e.smart, e.goal.metric))
      writeLine(ctx.io.stdout, line);
  }
  writeLine(
    ctx.io.stdout,
    t(ctx.lang, "goals.loaded", { count: evaluations.length, file: path.basename(file) }),
  );
  return EXIT.ok;
}

/** The end of the `--as-of` day (a status "as of Dec 31" counts Dec 31), else now. */
async function asOfInstant(
  engine: Engine,
  text: string | undefined,
  calendar: CalendarId | undefined,
): Promise<number> {
  if (text === undefined) return Date.now();
  const settings = await loadDatasetSettings(engine);
  const dayMs = parseCalendarDate(text, calendar ?? settings.calendar, settings.timezone);
  return deadlineEndMs(localDateOf(dayMs, settings.timezone), settings.timezone);
}

/** `dates`: the goal's calendar and the dataset's zone, so that SMART dates read as the user wrote them. */
function smartLines(
  lang: Lang,
  id: string,
  entries: readonly SmartEntry[],
  metric: string,
  dates?: { readonly calendar: CalendarId; readonly zone: string },
): string[] {
  const unit = unitOf(metric);
  return [
    t(lang, "goals.smart.title", { id }),
    ...entries.map(
      (e) =>
        `  ${e.ok ? "✓" : "✗"} ${e.letter} ${t(lang, `goals.letter.${e.letter}`)}: ${smartText(lang, e, unit, dates)}`,
    ),
  ];
}

function smartText(
  lang: Lang,
  e: SmartEntry,
  unit: string,
  dates?: { readonly calendar: CalendarId; readonly zone: string },
): string {
  const params: Record<string, string | number> = { ...e.params };
  for (const key of ["deadline", "start"]) {
    const v = e.params[key];
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
    params[key] = localizeDigits(dates ? calendarDateText(v, dates.calendar, dates.zone) : v, lang);
  }
  for (const key of ["needed", "typical", "best"]) {
    const v = e.params[key];
    if (typeof v === "number") params[key] = formatMetricValue(v, unit, lang);
  }
  if (typeof e.params.periods === "number") params.periods = localizeDigits(String(e.params.periods), lang);
  return t(lang, `goals.smart.${e.code}` as MessageKey, params);
}

function methodText(lang: Lang, e: GoalEvaluation): string {
  return t(lang, `goals.method.${e.projection.method}`, {
    basis: localizeDigits(String(e.projection.basis), lang),
  });
}

function dateText(iso: string, goal: Goal, zone: string, lang: Lang): string {
  return localizeDigits(calendarDateText(iso, goal.calendar, zone), lang);
}

function segmentText(segment: Goal["segment"]): string {
  return segment
    ? Object.entries(segment)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ")
    : "";
}

function unitOf(metric: string): string {
  return findMetric(metric)?.unit ?? "";
}

function goalJson(goal: Goal, zone: string): Record<string, unknown> {
  return {
    goal_id: goal.id,
    metric: goal.metric,
    segment: goal.segment,
    direction: goal.direction,
    target: goal.target,
    start: goal.start,
    deadline: goal.deadline,
    calendar: goal.calendar,
    deadline_local: goal.deadline === null ? null : calendarDateText(goal.deadline, goal.calendar, zone),
    grain: goal.grain,
    owner: goal.owner,
    why: goal.why,
  };
}

/** One ndjson line of `goals status`: the goal, its numbers, and one SMART entry per letter. */
export function evaluationJson(e: GoalEvaluation, zone: string, lang: Lang): Record<string, unknown> {
  const unit = unitOf(e.goal.metric);
  return {
    ...goalJson(e.goal, zone),
    mode: e.mode,
    as_of: new Date(e.asOf).toISOString(),
    baseline: e.baseline,
    current: e.current,
    current_period: e.currentPeriod,
    progress: e.progress,
    projection: e.projection.value,
    projection_method: e.projection.method,
    status: e.status,
    status_reason: e.reason,
    achievability: {
      class: e.achievability.class,
      needed_per_period: e.achievability.neededPerPeriod,
      typical_change: e.achievability.typicalChange,
      best_change: e.achievability.bestChange,
      history_periods: e.achievability.historyPeriods,
    },
    smart: Object.fromEntries(
      e.smart.map((s) => [
        s.letter,
        { ok: s.ok, code: s.code, message: smartText(lang, s, unit), params: s.params },
      ]),
    ),
  };
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (o[key] !== undefined) result[key] = o[key];
  return result;
}
