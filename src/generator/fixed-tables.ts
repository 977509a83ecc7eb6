import { CAC_USD, CAMPAIGN_CHANNELS, type Channel, type Language, PIPELINES, type Team } from "./catalog.js";
import { addMonths, DAY, formatDate } from "./clock.js";
import type { CsvSink } from "./csv-sink.js";
import { FxSeries } from "./fx-series.js";
import { makePerson, type NamePools } from "./people.js";
import { type Random, WeightedPick } from "./random.js";
import { padId, type RepInfo, type World } from "./world.js";

const REGIONS = ["North America", "Europe", "Middle East", "Asia Pacific"];
const repLanguage = new WeightedPick<Language>([
  ["en", 5],
  ["fa", 2],
  ["ar", 2],
  ["zh", 1],
]);

export interface Staff {
  readonly salesReps: Readonly<Record<Team, readonly RepInfo[]>>;
  readonly supportReps: readonly RepInfo[];
}

/** Sales teams and support grow with the square root of the business, as real teams do. */
export function writeReps(sink: CsvSink, random: Random, pools: NamePools, scale: number): Staff {
  const grow = Math.sqrt(scale);
  let n = 0;
  const add = (team: string, role: "sales" | "support" | "other"): RepInfo => {
    const id = padId("U", ++n, 5);
    const person = makePerson(random, pools, repLanguage.pick(random));
    // role is optional in the model; some exports leave it empty for sales staff
    const roleCell = role === "sales" && random.chance(0.15) ? undefined : role;
    sink.write([id, person.name, `rep${n}@crm-kpi.example`, team, random.pick(REGIONS), roleCell]);
    return { id, team, speed: random.uniform(0.6, 1.6) };
  };
  const salesReps: Record<Team, RepInfo[]> = { SMB: [], "Mid-Market": [], Enterprise: [] };
  const sizes: readonly [Team, number][] = [
    ["SMB", 4],
    ["Mid-Market", 3],
    ["Enterprise", 2],
  ];
  for (const [team, size] of sizes) {
    for (let i = 0; i < Math.max(1, Math.round(size * grow)); i++) salesReps[team].push(add(team, "sales"));
  }
  const supportReps = Array.from({ length: Math.max(2, Math.round(5 * grow)) }, () =>
    add("Support", "support"),
  );
  add("Ops", "other");
  return { salesReps, supportReps };
}

export function writePipelineStages(sink: CsvSink): void {
  for (const pipeline of Object.values(PIPELINES)) {
    pipeline.stages.forEach(([stage, probability], i) => {
      sink.write([pipeline.name, stage, i + 1, probability]);
    });
  }
}

export interface CampaignSlot {
  readonly id: string;
  readonly channel: Channel;
  readonly startAt: number;
  readonly endAt: number;
}

/** Two campaigns per campaign channel per calendar quarter, back to back, covering the whole span. */
export function planCampaigns(start: number, end: number): CampaignSlot[] {
  const slots: CampaignSlot[] = [];
  const first = new Date(start);
  let quarter = Date.UTC(first.getUTCFullYear(), Math.floor(first.getUTCMonth() / 3) * 3, 1);
  while (quarter < end) {
    const next = addMonths(quarter, 3);
    const middle = quarter + 45 * DAY;
    const d = new Date(quarter);
    const label = `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    for (const channel of CAMPAIGN_CHANNELS) {
      slots.push({ id: `CMP-${channel}-${label}-1`, channel, startAt: quarter, endAt: middle });
      slots.push({ id: `CMP-${channel}-${label}-2`, channel, startAt: middle, endAt: next });
    }
    quarter = next;
  }
  return slots;
}

export function campaignLookup(
  slots: readonly CampaignSlot[],
): (channel: Channel, ms: number) => string | undefined {
  return (channel, ms) => slots.find((s) => s.channel === channel && s.startAt <= ms && ms < s.endAt)?.id;
}

const CAMPAIGN_NAMES: Readonly<Record<Language, (channel: string, label: string) => string>> = {
  en: (channel, label) => `${channel} push ${label}`,
  fa: (channel, label) => `کمپین ${channel} ${label}`,
  ar: (channel, label) => `حملة ${channel} ${label}`,
  zh: (channel, label) => `${label} ${channel} 推广活动`,
};

/**
 * Spend follows what was acquired: new customers of a channel in a month
 * times that channel's cost per customer, with noise, so CAC comes out near
 * the catalog's figures. Campaign channels spend through their campaigns.
 */
export function writeSpendAndCampaigns(w: World, slots: readonly CampaignSlot[], scale: number): void {
  const r = w.random;
  const base = w.fx.baseCurrency;
  const foreign = w.fx.currencies[0];
  const toBase = (usd: number): number => FxSeries.fromUsd(usd, base);
  const months = w.stats.months;
  const monthStart = (m: number): number => addMonths(Date.UTC(yearOf(w.start), monthOf(w.start), 1), m);
  const monthly = (channel: Channel, m: number): number =>
    Math.max(w.stats.newByChannel[channel][m] ?? 0, 0.5 * scale) * CAC_USD[channel] * r.uniform(0.85, 1.15);

  const byChannelMonth = new Map<Channel, number[]>();
  for (const channel of CAMPAIGN_CHANNELS) {
    byChannelMonth.set(
      channel,
      Array.from({ length: months }, (_, m) => monthly(channel, m)),
    );
  }
  for (const slot of slots) {
    let usd = 0;
    for (let m = 0; m < months; m++) {
      const from = Math.max(monthStart(m), slot.startAt, w.start);
      const to = Math.min(monthStart(m + 1), slot.endAt, w.end);
      if (to <= from) continue;
      const share = (to - from) / (monthStart(m + 1) - monthStart(m));
      usd += (byChannelMonth.get(slot.channel)?.[m] ?? 0) * share;
    }
    const label = slot.id.split("-")[2] ?? "";
    const name = CAMPAIGN_NAMES[repLanguage.pick(r)](slot.channel, label);
    const startAt = Math.max(slot.startAt, w.start);
    const endAt = Math.min(slot.endAt, w.end);
    w.sinks.campaigns.write([
      slot.id,
      name,
      slot.channel,
      formatDate(startAt),
      formatDate(endAt),
      (Math.round(toBase(usd) * r.uniform(0.95, 1.25)) || 100).toFixed(2),
    ]);
    // email tools bill in euros (or pounds when the base is euro): a spend currency to convert
    const currency = slot.channel === "email" && foreign ? foreign : base;
    const amount = FxSeries.fromUsd(usd, currency);
    w.sinks.spend.write([
      undefined,
      formatDate(startAt),
      formatDate(endAt),
      "marketing",
      slot.channel,
      slot.id,
      amount.toFixed(2),
      currency,
    ]);
  }

  for (let m = 0; m < months; m++) {
    const from = formatDate(Math.max(monthStart(m), w.start));
    const to = formatDate(Math.min(monthStart(m + 1), w.end));
    for (const channel of ["referral", "organic"] as const) {
      w.sinks.spend.write([
        undefined,
        from,
        to,
        "marketing",
        channel,
        undefined,
        toBase(monthly(channel, m)).toFixed(2),
        base,
      ]);
    }
    w.sinks.spend.write([
      undefined,
      from,
      to,
      "sales",
      "phone",
      undefined,
      toBase(monthly("phone", m)).toFixed(2),
      base,
    ]);
    // the sales team's cost that belongs to no channel
    let newTotal = 0;
    for (const counts of Object.values(w.stats.newByChannel)) newTotal += counts[m] ?? 0;
    const overhead = Math.max(newTotal, scale) * 90 * r.uniform(0.9, 1.1);
    w.sinks.spend.write([
      undefined,
      from,
      to,
      "sales",
      undefined,
      undefined,
      toBase(overhead).toFixed(2),
      undefined,
    ]);
    // a few one-day social boosts outside any campaign
    for (let i = r.int(1, 3); i > 0; i--) {
      const day = Math.max(monthStart(m), w.start) + r.int(0, 27) * DAY;
      if (day >= w.end) continue;
      const usd = r.uniform(50, 400) * Math.sqrt(scale);
      w.sinks.spend.write([
        formatDate(day),
        undefined,
        undefined,
        "marketing",
        "social",
        undefined,
        toBase(usd).toFixed(2),
        base,
      ]);
    }
  }
}

/** Monthly quota per sales rep, set from what the rep and the team actually won, so attainment hovers near 100 %. */
export function writeQuotas(w: World, staff: Staff): void {
  const r = w.random;
  const months = w.stats.months;
  const monthStart = (m: number): number => addMonths(Date.UTC(yearOf(w.start), monthOf(w.start), 1), m);
  for (const reps of Object.values(staff.salesReps)) {
    const won = reps.map((rep) => w.stats.wonByRep.get(rep.id) ?? new Float64Array(months));
    for (let i = 0; i < reps.length; i++) {
      const rep = reps[i];
      if (!rep) continue;
      for (let m = 0; m < months; m++) {
        let teamTotal = 0;
        for (const series of won) teamTotal += series[m] ?? 0;
        const own = won[i]?.[m] ?? 0;
        const target = (0.4 * own + (0.6 * teamTotal) / reps.length) * r.uniform(0.95, 1.3);
        const amount = Math.max(100, Math.round(target / 10) * 10);
        w.sinks.quotas.write([
          rep.id,
          rep.team,
          formatDate(Math.max(monthStart(m), w.start)),
          formatDate(Math.min(monthStart(m + 1), w.end)),
          amount.toFixed(2),
          r.chance(0.2) ? undefined : w.fx.baseCurrency,
        ]);
      }
    }
  }
}

function yearOf(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

function monthOf(ms: number): number {
  return new Date(ms).getUTCMonth();
}
