import type { EntityName } from "../core/model/entities.js";
import type { Channel, Language, Team } from "./catalog.js";
import type { CsvSink } from "./csv-sink.js";
import type { FxSeries } from "./fx-series.js";
import type { NamePools, Person } from "./people.js";
import type { Random } from "./random.js";

export interface RepInfo {
  readonly id: string;
  readonly team: string;
  /** Multiplies this rep's response and resolution times (support) so reps differ. */
  readonly speed: number;
}

/** Running id counters; ids are zero-padded so they sort like the order they were made in. */
export interface IdCounters {
  customer: number;
  lead: number;
  deal: number;
  subscription: number;
  term: number;
  order: number;
  ticket: number;
  response: number;
  subscriber: number;
}

/** What the per-customer simulation learns that the monthly tables (spend, quotas) are built from. */
export interface Stats {
  readonly months: number;
  readonly newByChannel: Readonly<Record<Channel, Float64Array>>;
  /** Won deal amounts in the base currency per sales rep and month. */
  readonly wonByRep: Map<string, Float64Array>;
}

/** Everything the simulation shares: the random stream, the output files, the cast of reps and campaigns. */
export interface World {
  readonly random: Random;
  readonly pools: NamePools;
  /** First instant of the dataset and the instant it ends (exclusive), wall-clock ms. */
  readonly start: number;
  readonly end: number;
  readonly fx: FxSeries;
  readonly sinks: Readonly<Record<EntityName, CsvSink>>;
  readonly salesReps: Readonly<Record<Team, readonly RepInfo[]>>;
  readonly supportReps: readonly RepInfo[];
  readonly campaignAt: (channel: Channel, ms: number) => string | undefined;
  readonly ids: IdCounters;
  readonly stats: Stats;
  readonly namesakes: Namesakes;
  readonly truth: GeneratedTruth;
  /** Set only for the demo (`GenerateOptions.propensitySignal`): see propensity-signal.ts. */
  readonly signal?: PropensitySignal;
}

/** What the demo's planted propensity signal needs: a stream of its own and the current customer's upgrades. */
export interface PropensitySignal {
  readonly random: Random;
  /** Instants the customer being simulated upgraded their plan (emptied for each customer). */
  readonly upgrades: number[];
}

/** Earlier people a new customer may share a full name with. */
export interface Namesakes {
  /** A stream of its own, so namesakes change names and companies and leave every other table as it was. */
  readonly random: Random;
  readonly recent: Record<Language, NamesakeEntry[]>;
}

export interface NamesakeEntry {
  readonly id: string;
  readonly person: Person;
  readonly company: string | undefined;
}

/** What the generator planted, for tests that measure duplicate detection. */
export interface GeneratedTruth {
  /** [original id, duplicate id]: one person entered twice. */
  readonly duplicates: [string, string][];
  /** [earlier id, later id]: two different people with one full name. */
  readonly namesakes: [string, string][];
}

export function padId(prefix: string, n: number, width: number): string {
  return `${prefix}${String(n).padStart(width, "0")}`;
}
