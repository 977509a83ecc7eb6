import { type Language, LOST_REASONS, type PipelineDef } from "./catalog.js";
import { formatTimestamp, HOUR, monthIndex } from "./clock.js";
import { padId, type World } from "./world.js";

export type DealOutcome =
  | { readonly status: "won"; readonly closedAt: number }
  | { readonly status: "lost"; readonly closedAt: number; readonly language: Language }
  | { readonly status: "open" };

export interface DealSpec {
  readonly customerId: string | undefined;
  readonly leadId: string | undefined;
  readonly ownerId: string;
  readonly pipeline: PipelineDef;
  readonly type: "new_business" | "upsell" | "renewal";
  readonly amount: number;
  readonly currency: string;
  readonly createdAt: number;
  readonly outcome: DealOutcome;
}

/** Writes a deal and its stage history; won amounts feed the quotas. */
export function writeDeal(w: World, spec: DealSpec): string {
  const r = w.random;
  const id = padId("D", ++w.ids.deal, 8);
  const stages = spec.pipeline.stages;
  const { outcome } = spec;
  let reached: number;
  let spanEnd: number;
  if (outcome.status === "won") {
    reached = stages.length;
    spanEnd = outcome.closedAt;
  } else if (outcome.status === "lost") {
    // most deals are lost early in the funnel
    reached = 1 + Math.min(stages.length - 1, Math.floor(r.exponential(1.3)));
    spanEnd = spec.createdAt + (outcome.closedAt - spec.createdAt) * r.uniform(0.5, 0.95);
  } else {
    reached = r.int(1, stages.length - 1);
    spanEnd = spec.createdAt + (w.end - HOUR - spec.createdAt) * r.uniform(0.3, 0.95);
  }
  const fractions = Array.from({ length: reached - 1 }, () => r.next()).sort((a, b) => a - b);
  const dealStages = w.sinks.deal_stages;
  dealStages.write([id, stages[0]?.[0], formatTimestamp(spec.createdAt)]);
  for (let i = 1; i < reached; i++) {
    const at = spec.createdAt + (fractions[i - 1] ?? 0) * (spanEnd - spec.createdAt);
    dealStages.write([id, stages[i]?.[0], formatTimestamp(at)]);
  }

  const closedAt = outcome.status === "open" ? undefined : outcome.closedAt;
  let lostReason: string | undefined;
  if (outcome.status === "lost" && r.chance(0.7)) {
    lostReason = r.pick(r.chance(0.5) ? LOST_REASONS.en : LOST_REASONS[outcome.language]);
  }
  w.sinks.deals.write([
    id,
    spec.customerId,
    spec.leadId,
    spec.ownerId,
    r.chance(0.1) && spec.pipeline.name === "default" ? undefined : spec.pipeline.name,
    spec.type === "new_business" && r.chance(0.3) ? undefined : spec.type,
    spec.amount.toFixed(2),
    currencyCell(w, spec.currency),
    formatTimestamp(spec.createdAt),
    closedAt === undefined ? undefined : formatTimestamp(closedAt),
    outcome.status,
    stages[reached - 1]?.[0],
    lostReason,
  ]);

  if (outcome.status === "won") {
    const month = monthIndex(outcome.closedAt, w.start);
    let byMonth = w.stats.wonByRep.get(spec.ownerId);
    if (!byMonth) {
      byMonth = new Float64Array(w.stats.months);
      w.stats.wonByRep.set(spec.ownerId, byMonth);
    }
    if (month >= 0 && month < w.stats.months) {
      byMonth[month] = (byMonth[month] ?? 0) + spec.amount * w.fx.rate(spec.currency, outcome.closedAt);
    }
  }
  return id;
}

export interface LeadSpec {
  readonly createdAt: number;
  readonly source: string;
  readonly campaignId: string | undefined;
  readonly ownerId: string | undefined;
  readonly status: "open" | "converted" | "disqualified";
  readonly convertedAt?: number;
  readonly customerId?: string;
}

export function writeLead(w: World, spec: LeadSpec): string {
  const id = padId("L", ++w.ids.lead, 8);
  w.sinks.leads.write([
    id,
    formatTimestamp(spec.createdAt),
    spec.source,
    spec.campaignId,
    spec.ownerId,
    spec.status,
    spec.convertedAt === undefined ? undefined : formatTimestamp(spec.convertedAt),
    spec.customerId,
  ]);
  return id;
}

/** The base currency is sometimes left empty, as real exports do; it means the same. */
export function currencyCell(w: World, currency: string): string | undefined {
  return currency === w.fx.baseCurrency && w.random.chance(0.25) ? undefined : currency;
}
