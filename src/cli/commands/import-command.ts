import { SingleBar } from "cli-progress";
import { localizeDigits } from "../../calendar/index.js";
import type { ImportIssue, ImportResult } from "../../import/import-dataset.js";
import { issueReason } from "../../import/issue-text.js";
import type { PresetUsed } from "../../import/presets/choose-preset.js";
import { productName } from "../../import/presets/preset-files.js";
import type { AccountingRule, SourceAccounting } from "../../import/raw-record.js";
import { type Lang, t } from "../../messages/index.js";
import type { CliContext } from "../cli-context.js";
import { dbAccess, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import { formatNumber } from "../format-number.js";
import { checkAlertsAfterImport } from "./alerts-command.js";

export interface ImportCommandOptions {
  readonly db: string;
  readonly mapping?: string;
  readonly skipInvalid?: boolean;
  readonly rejects?: string;
  /** Encoding of the files (`windows-1256`, `latin1`, `utf-16le`, ...). */
  readonly encoding?: string;
  /** Cell separator of the CSV files: `,`, `;`, `|` or `\t`. */
  readonly delimiter?: string;
  /** A shipped preset (`presets/<name>.yaml`) instead of a mapping file. */
  readonly preset?: string;
}

const MAX_ERRORS_SHOWN = 20;
const MAX_WARNINGS_SHOWN = 5;

/** `crm-kpi import <dir>`: loads a dataset folder and prints a summary, or every rejected row. */
export async function runImportCommand(
  ctx: CliContext,
  dir: string,
  options: ImportCommandOptions,
): Promise<ExitCode> {
  const { importDataset } = await import("../../import/import-dataset.js");
  const progress = ctx.io.isTTY ? createProgress(ctx) : undefined;
  try {
    await withEngine(dbAccess(ctx, options.db, "create"), async (engine) => {
      const imported = await importDataset(engine, dir, {
        ...(options.mapping ? { mappingFile: options.mapping } : {}),
        ...(options.skipInvalid ? { skipInvalid: true } : {}),
        ...(options.rejects ? { rejectsFile: options.rejects } : {}),
        ...(options.encoding ? { encoding: options.encoding } : {}),
        ...(options.delimiter ? { delimiter: options.delimiter } : {}),
        ...(options.preset ? { preset: options.preset } : {}),
        onPreset: (preset: PresetUsed) => printPreset(ctx, preset),
        ...(progress ? { onProgress: progress.update } : {}),
      });
      progress?.stop();
      printSummary(ctx, imported);
      // Alerts are checked after every import (docs/alerts.md).
      await checkAlertsAfterImport(ctx, engine);
    });
    return EXIT.ok;
  } catch (error) {
    progress?.stop();
    const issues = issuesOf(error);
    if (!issues) throw error;
    printRejection(ctx, issues);
    return EXIT.data;
  }
}

/** Which preset read the folder, on stderr: stdout keeps the summary alone. */
function printPreset(ctx: CliContext, preset: PresetUsed): void {
  const key = preset.detected ? "presets.detected" : "presets.used";
  writeLine(
    ctx.io.stderr,
    t(ctx.lang, key, { name: preset.name, product: productName(preset.name), file: preset.shownFile }),
  );
}

/** The errors an `import_rejected` failure carries, if it is one. */
function issuesOf(error: unknown): readonly ImportIssue[] | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const candidate = error as { code?: unknown; issues?: unknown };
  return candidate.code === "import_rejected" && Array.isArray(candidate.issues)
    ? (candidate.issues as ImportIssue[])
    : undefined;
}

/**
 * `orders.csv:118 amount "12,50": reason`, the reason from the catalogs in
 * `lang` (numbers in its digits); a long value shows its start and length.
 */
export function formatIssue(issue: ImportIssue, lang: Lang): string {
  const digits = (n: number) => localizeDigits(String(n), lang);
  let place = issue.file;
  if (issue.line !== null) place += `:${digits(issue.line)}`;
  if (issue.column !== null) place += ` ${issue.column}`;
  let value = issue.value === null ? "" : ` ${JSON.stringify(issue.value)}`;
  if (issue.valueLength !== undefined)
    value += ` ${t(lang, "importer.value.length", { length: formatNumber(issue.valueLength, lang, 0) })}`;
  return `${place}${value}: ${issueReason(issue, lang)}`;
}

function printRejection(ctx: CliContext, issues: readonly ImportIssue[]): void {
  const { lang } = ctx;
  const { stderr } = ctx.io;
  writeLine(
    stderr,
    `${t(ctx.lang, "cli.error.prefix")} ${t(ctx.lang, "import.failed", { count: issues.length })}`,
  );
  for (const issue of issues.slice(0, MAX_ERRORS_SHOWN)) writeLine(stderr, `  ${formatIssue(issue, lang)}`);
  if (issues.length > MAX_ERRORS_SHOWN) {
    writeLine(stderr, `  ${t(ctx.lang, "import.more", { count: issues.length - MAX_ERRORS_SHOWN })}`);
  }
  writeLine(stderr, t(ctx.lang, "import.fix"));
}

function printSummary(ctx: CliContext, result: ImportResult): void {
  const { stdout } = ctx.io;
  const { lang } = ctx;
  const entries = Object.entries(result.rowsByEntity).filter(([, rows]) => rows > 0);
  const total = entries.reduce((sum, [, rows]) => sum + rows, 0);
  writeLine(
    stdout,
    t(lang, "import.summary.title", {
      total: formatNumber(total, lang, 0),
      seconds: formatNumber(result.durationMs / 1000, lang, 1),
    }),
  );
  for (const [entity, rows] of entries) {
    writeLine(stdout, `  ${t(lang, "import.summary.entity", { entity, rows: formatNumber(rows, lang, 0) })}`);
  }
  printAccounting(ctx, result.mappingAccounting ?? []);
  if (result.rejected > 0) {
    writeLine(
      stdout,
      t(lang, "import.summary.rejected", {
        count: formatNumber(result.rejected, lang, 0),
        file: result.rejectsFile ?? "",
      }),
    );
  }
  if (result.warnings.length > 0) {
    writeLine(
      stdout,
      t(lang, "import.summary.warnings", { count: formatNumber(result.warnings.length, lang, 0) }),
    );
    for (const warning of result.warnings.slice(0, MAX_WARNINGS_SHOWN))
      writeLine(stdout, `  ${formatIssue(warning, lang)}`);
    if (result.warnings.length > MAX_WARNINGS_SHOWN) {
      writeLine(
        stdout,
        `  ${t(lang, "import.more", { count: result.warnings.length - MAX_WARNINGS_SHOWN })}`,
      );
    }
  }
}

const ACCOUNTING_MESSAGES = {
  where: "mapping.summary.where",
  dedupe: "mapping.summary.dedupe",
  join_required: "mapping.summary.joinRequired",
  join_unmatched: "mapping.summary.joinUnmatched",
  group_by: "mapping.summary.groupBy",
} as const satisfies Record<AccountingRule, string>;

/** Per mapping source whose rules dropped or merged rows: each rule's count (docs/mapping.md, Accounting). */
function printAccounting(ctx: CliContext, accounting: readonly SourceAccounting[]): void {
  const { stdout } = ctx.io;
  const { lang } = ctx;
  const shown = accounting.filter((a) => a.counts.length > 0);
  if (shown.length === 0) return;
  writeLine(stdout, t(lang, "mapping.summary.title"));
  for (const a of shown) {
    writeLine(
      stdout,
      `  ${t(lang, "mapping.summary.source", {
        entity: a.entity,
        file: a.file,
        source: a.source,
        rows: formatNumber(a.rowsRead, lang, 0),
        records: formatNumber(a.recordsYielded, lang, 0),
      })}`,
    );
    for (const c of a.counts) {
      writeLine(
        stdout,
        `    ${t(lang, ACCOUNTING_MESSAGES[c.rule], { count: formatNumber(c.rows, lang, 0), path: c.path })}`,
      );
    }
  }
}

interface Progress {
  update(p: { file: string; bytesRead: number; bytesTotal: number; rows: number }): void;
  stop(): void;
}

/** One bar per file, drawn on stderr (only on a terminal). */
function createProgress(ctx: CliContext): Progress {
  const format = t(ctx.lang, "import.progress", {
    file: "{file}",
    bar: "{bar}",
    percentage: "{percentage}",
    rows: "{rows}",
  });
  const bar = new SingleBar({
    format,
    stream: ctx.io.stderr as NodeJS.WritableStream,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  let currentFile: string | undefined;
  let stopped = false;
  return {
    update(p) {
      if (p.file !== currentFile) {
        if (currentFile !== undefined) bar.stop();
        currentFile = p.file;
        bar.start(Math.max(1, p.bytesTotal), p.bytesRead, { file: p.file, rows: p.rows });
        stopped = false;
      } else {
        bar.update(p.bytesRead, { rows: p.rows });
      }
    },
    stop() {
      if (currentFile !== undefined && !stopped) bar.stop();
      stopped = true;
    },
  };
}
