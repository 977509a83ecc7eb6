import type { Command } from "commander";
import type { Engine } from "../../core/engine.js";
import { CrmKpiError } from "../../core/errors.js";
import { t } from "../../messages/index.js";
import type { DuplicateCluster, DuplicateOptions } from "../../quality/find-duplicates.js";
import { checkThresholds } from "../../quality/linkage/thresholds.js";
import { listMerges, type MergeRecord, mergeCustomers, undoMerges } from "../../quality/merge-customers.js";
import { closeDuplicateFindings } from "../../quality/stored-findings.js";
import { type CliContext, dbAccess, resolveDbPath, withEngine } from "../cli-context.js";
import { writeLine } from "../cli-io.js";
import { dbOption, formatOption, langOption } from "../common-options.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import {
  CLUSTER_CSV_KEYS,
  CLUSTER_JSON_KEYS,
  clusterCsvRecords,
  clusterLines,
  clusterRecords,
} from "../format-duplicates.js";
import { isMachineFormat, machineLines, OUTPUT_FORMATS, type OutputFormat } from "../format-records.js";
import { matchWeightOption, reviewWeightOption } from "../linkage-options.js";

export const DEDUPE_FORMATS = OUTPUT_FORMATS;
export type DedupeFormat = OutputFormat;

export interface DedupeCommandOptions {
  readonly db: string;
  readonly format: DedupeFormat;
  readonly review?: boolean;
  readonly apply?: readonly string[];
  readonly undo?: readonly string[];
  /** The thresholds of the model (`--match-weight`, `--review-weight`); `--apply` uses them too, so ids agree. */
  readonly matchWeight?: number;
  readonly reviewWeight?: number;
}

/**
 * `crm-kpi dedupe --review | --apply all|CLUSTER_ID… | --undo MERGE_ID…|all`.
 * `--apply` and `--undo` print one merge id per line (ndjson: one object each; csv and json: records).
 */
export async function runDedupeCommand(ctx: CliContext, options: DedupeCommandOptions): Promise<ExitCode> {
  const out = (line: string) => writeLine(ctx.io.stdout, line);
  const thresholds = checkThresholds(options);
  if (options.apply && options.apply.length > 0) {
    const merges = await withEngine(dbAccess(ctx, options.db, "write"), (engine) =>
      applyClusters(engine, options.apply ?? [], thresholds),
    );
    if (options.format === "csv" || options.format === "json") {
      const records = merges as unknown as Record<string, unknown>[];
      const keys = records[0] ? Object.keys(records[0]) : ["merge_id"];
      for (const line of machineLines(keys, records, options.format)) out(line);
      return EXIT.ok;
    }
    for (const m of merges) out(options.format === "ndjson" ? JSON.stringify(m) : m.merge_id);
    return EXIT.ok;
  }
  if (options.undo && options.undo.length > 0) {
    const which = options.undo.includes("all") ? "all" : options.undo;
    const undone = await withEngine(dbAccess(ctx, options.db, "write"), (engine) =>
      undoMerges(engine, which),
    );
    if (options.format === "csv" || options.format === "json") {
      const records = undone.map((id) => ({ merge_id: id, undone: true }));
      for (const line of machineLines(["merge_id", "undone"], records, options.format)) out(line);
      return EXIT.ok;
    }
    for (const id of undone)
      out(options.format === "ndjson" ? JSON.stringify({ merge_id: id, undone: true }) : id);
    return EXIT.ok;
  }
  if (!options.review) {
    writeLine(ctx.io.stderr, t(ctx.lang, "cli.dedupe.needAction"));
    return EXIT.usage;
  }
  const { clusters, merges } = await withEngine(dbAccess(ctx, options.db, "read"), async (engine) => ({
    clusters: await duplicateClusters(engine, thresholds),
    merges: await listMerges(engine),
  }));
  if (isMachineFormat(options.format)) {
    const mergeRecords = merges.map((m) => ({ kind: "merge", ...m }));
    if (options.format === "ndjson") {
      for (const r of [...clusterRecords(clusters), ...mergeRecords]) out(JSON.stringify(r));
      return EXIT.ok;
    }
    // csv and json: one record shape, the keys of every kind (empty where a kind has none);
    // json nests each cluster's pairs and their field evidence, csv gives them rows of their own.
    const records =
      options.format === "csv"
        ? [...clusterCsvRecords(clusters), ...mergeRecords]
        : [...clusterRecords(clusters), ...mergeRecords];
    const first = options.format === "csv" ? CLUSTER_CSV_KEYS : CLUSTER_JSON_KEYS;
    const keys = [...new Set([...first, ...records.flatMap(Object.keys)])];
    for (const line of machineLines(keys, records, options.format)) out(line);
    return EXIT.ok;
  }
  if (clusters.length === 0) out(t(ctx.lang, "cli.dedupe.none"));
  else for (const line of clusterLines(options.format, ctx.lang, clusters)) out(line);
  if (merges.length > 0) {
    out("");
    out(t(ctx.lang, "cli.dedupe.merges", { count: merges.length }));
    for (const m of merges) out(`${m.merge_id}  ${m.survivor_id} ← ${m.merged_ids.join(", ")}`);
  }
  return EXIT.ok;
}

/** Finds the clusters afresh and merges all or the named ones. */
/** Loaded on demand: only dedupe needs the record-linkage model (and libphonenumber). */
async function duplicateClusters(engine: Engine, thresholds: DuplicateOptions): Promise<DuplicateCluster[]> {
  const { loadCustomerIdentities } = await import("../../quality/customer-identities.js");
  const { findDuplicateClusters } = await import("../../quality/find-duplicates.js");
  return findDuplicateClusters(await loadCustomerIdentities(engine), thresholds);
}

async function applyClusters(
  engine: Engine,
  ids: readonly string[],
  thresholds: DuplicateOptions,
): Promise<MergeRecord[]> {
  const clusters = await duplicateClusters(engine, thresholds);
  let chosen: DuplicateCluster[];
  // "all" is the match band; a review-band cluster is merged only when named.
  if (ids.includes("all")) chosen = clusters.filter((c) => c.band === "match");
  else {
    chosen = ids.map((id) => {
      const found = clusters.find((c) => c.cluster_id === id);
      if (!found) {
        throw new CrmKpiError(
          "bad_argument",
          `there is no duplicate cluster ${id}; \`crm-kpi dedupe --review\` lists the current ones`,
          { value: id },
          { value: id },
        );
      }
      return found;
    });
  }
  const merges = await mergeCustomers(engine, chosen);
  await closeDuplicateFindings(
    engine,
    merges.flatMap((m) => [m.survivor_id, ...m.merged_ids]),
  );
  return merges;
}

/** Adds `crm-kpi dedupe` to the program. */
export function registerDedupeCommand(
  program: Command,
  ctx: CliContext,
  setExit: (code: number) => void,
): void {
  const { lang } = ctx;
  program
    .command("dedupe")
    .description(t(lang, "cli.dedupe.description"))
    .addOption(dbOption(lang))
    .option("--review", t(lang, "cli.dedupe.option.review"))
    .option("--apply <ids...>", t(lang, "cli.dedupe.option.apply"))
    .option("--undo <ids...>", t(lang, "cli.dedupe.option.undo"))
    .addOption(matchWeightOption(lang))
    .addOption(reviewWeightOption(lang))
    .addOption(formatOption(lang, DEDUPE_FORMATS, "cli.quality.option.format"))
    .addOption(langOption(lang))
    .action(async (o: Omit<DedupeCommandOptions, "db"> & { db?: string }) => {
      setExit(await runDedupeCommand(ctx, { ...o, db: resolveDbPath(o.db, ctx.io.env) }));
    });
}
