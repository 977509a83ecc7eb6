import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CrmKpiError } from "../core/errors.js";
import { ENTITIES, type EntityName } from "../core/model/entities.js";
import { datasetSettingsSchema } from "../core/model/settings.js";
import { CHANNEL_WEIGHTS, COUNTRIES } from "./catalog.js";
import { addMonths, DAY, monthIndex, parseIsoDate } from "./clock.js";
import { CsvSink } from "./csv-sink.js";
import {
  campaignLookup,
  planCampaigns,
  writePipelineStages,
  writeQuotas,
  writeReps,
  writeSpendAndCampaigns,
} from "./fixed-tables.js";
import { FxSeries } from "./fx-series.js";
import { buildNamePools } from "./people.js";
import { Random } from "./random.js";
import { simulateCustomer } from "./simulate-customer.js";
import type { GeneratedTruth, World } from "./world.js";

export interface GenerateOptions {
  /** 1 ≈ 2,000 customers and 20,000 orders over three years; rows grow linearly with it. */
  readonly scale: number;
  readonly seed?: number;
  /** ISO date of the first day; default: `years` before 2026-01-01. */
  readonly start?: string;
  readonly years?: number;
  /** IANA zone the wall-clock timestamps are in (written to crm-kpi.json). */
  readonly timeZone?: string;
  readonly baseCurrency?: string;
  /**
   * Plant a learnable upsell and churn signal (propensity-signal.ts). Only
   * `crm-kpi demo` sets it: the reference and bench data do not change.
   */
  readonly propensitySignal?: boolean;
}

export interface GenerateResult {
  readonly rows: Record<EntityName, number>;
  readonly bytes: number;
  /** The planted duplicates and namesakes (customer id pairs). */
  readonly truth: GeneratedTruth;
}

const CUSTOMERS_PER_SCALE = 2000;
/** Sign-ups per year grow over the span: the density at the end is 1 + GROWTH times the start's. */
const GROWTH = 1.1;

/**
 * Writes a realistic, deterministic demo dataset in the canonical format
 * (one CSV per entity plus crm-kpi.json) into `dir`, streaming every file.
 *
 * @example await generateDataset("demo", { scale: 1, seed: 7 })
 */
export async function generateDataset(dir: string, options: GenerateOptions): Promise<GenerateResult> {
  const { scale } = options;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new CrmKpiError("bad_argument", "scale must be a positive number such as 1, 10 or 100.", {
      value: String(scale),
    });
  }
  const years = options.years ?? 3;
  if (!Number.isFinite(years) || years <= 0 || years > 30) {
    throw new CrmKpiError("bad_argument", "years must be between 0 and 30 (default 3).", {
      value: String(years),
    });
  }
  const seed = options.seed ?? 1;
  const start = parseIsoDate(options.start ?? `${2026 - Math.ceil(years)}-01-01`);
  if (Number.isNaN(start)) {
    throw new CrmKpiError("bad_argument", "start must be an ISO date such as 2023-01-01.", {
      value: String(options.start),
    });
  }
  const end = addMonths(start, Math.round(years * 12));
  const parsed = datasetSettingsSchema.safeParse({
    base_currency: options.baseCurrency ?? "USD",
    timezone: options.timeZone ?? "UTC",
  });
  if (!parsed.success) {
    throw new CrmKpiError("settings_invalid", `Invalid generator settings: ${parsed.error.message}`);
  }
  const settings = parsed.data;

  await mkdir(dir, { recursive: true });
  const random = new Random(seed);
  const pools = buildNamePools(seed);
  const fx = new FxSeries(
    random,
    settings.base_currency,
    [...COUNTRIES.map((c) => c.currency), "EUR"],
    start,
    end,
  );
  const sinks = Object.fromEntries(
    ENTITIES.map((e) => [
      e.name,
      new CsvSink(
        join(dir, `${e.name}.csv`),
        e.columns.map((c) => c.name),
      ),
    ]),
  ) as Record<EntityName, CsvSink>;

  const staff = writeReps(sinks.reps, random, pools, scale);
  writePipelineStages(sinks.pipeline_stages);
  const slots = planCampaigns(start, end);
  const months = monthIndex(end - 1, start) + 1;
  const world: World = {
    random,
    pools,
    start,
    end,
    fx,
    sinks,
    salesReps: staff.salesReps,
    supportReps: staff.supportReps,
    campaignAt: campaignLookup(slots),
    ids: {
      customer: 0,
      lead: 0,
      deal: 0,
      subscription: 0,
      term: 0,
      order: 0,
      ticket: 0,
      response: 0,
      subscriber: 0,
    },
    stats: {
      months,
      newByChannel: Object.fromEntries(
        CHANNEL_WEIGHTS.map(([channel]) => [channel, new Float64Array(months)]),
      ) as World["stats"]["newByChannel"],
      wonByRep: new Map(),
    },
    namesakes: { random: new Random(seed * 7919 + 17), recent: { en: [], fa: [], ar: [], zh: [] } },
    truth: { duplicates: [], namesakes: [] },
    ...(options.propensitySignal ? { signal: { random: new Random(seed * 104_729 + 3), upgrades: [] } } : {}),
  };

  const allSinks = Object.values(sinks);
  for (const createdAt of signUpTimes(random, Math.round(CUSTOMERS_PER_SCALE * scale), start, end)) {
    simulateCustomer(world, createdAt);
    for (const sink of allSinks) if (sink.needsDrain) await sink.drain();
  }

  writeSpendAndCampaigns(world, slots, scale);
  writeQuotas(world, staff);
  fx.writeTo(sinks.fx_rates);

  const settingsText = `${JSON.stringify(settings, null, 2)}\n`;
  await writeFile(join(dir, "crm-kpi.json"), settingsText);
  let bytes = Buffer.byteLength(settingsText);
  const rows = {} as Record<EntityName, number>;
  for (const [name, sink] of Object.entries(sinks) as [EntityName, CsvSink][]) {
    bytes += await sink.close();
    rows[name] = sink.rows;
  }
  return { rows, bytes, truth: world.truth };
}

/** Sorted record-creation times with growth over the span, so ids follow time as in a real CRM. */
function signUpTimes(random: Random, count: number, start: number, end: number): Float64Array {
  const times = new Float64Array(count);
  const g = GROWTH;
  for (let i = 0; i < count; i++) {
    // inverse CDF of the density 1 + g·t on [0, 1)
    const u = random.next();
    const t = (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
    times[i] = Math.floor((start + t * (end - start - DAY)) / 1000) * 1000;
  }
  return times.sort();
}
