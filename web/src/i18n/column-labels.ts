/** Localized headers for the fields of API rows (lists, explain, findings, merges), reusing the CLI's column messages. */
import { localDigits } from "./format.js";
import type { I18n } from "./i18n.js";

const COLUMN_KEYS: Readonly<Record<string, string>> = {
  customerId: "customers.column.customer_id",
  customer_id: "customers.column.customer_id",
  name: "customers.column.name",
  company: "customers.column.company",
  segment: "customers.column.segment",
  rfmScore: "customers.column.rfm_score",
  rfmSegment: "customers.column.rfm_segment",
  windowRevenue: "customers.column.window_revenue",
  lifetimeRevenue: "customers.column.lifetime_revenue",
  orders: "customers.column.orders",
  lastOrderAt: "customers.column.last_order",
  mrr: "customers.column.mrr",
  customers: "lists.column.customers",
  dealId: "lists.column.deal",
  ownerId: "lists.column.owner",
  pipeline: "lists.column.pipeline",
  stage: "lists.column.stage",
  enteredAt: "lists.column.enteredAt",
  daysInStage: "lists.column.daysInStage",
  thresholdDays: "lists.column.thresholdDays",
  campaignId: "lists.column.campaign",
  channel: "lists.column.channel",
  entity: "explain.column.entity",
  recordId: "explain.column.id",
  amount: "explain.column.amount",
  detail: "explain.column.detail",
  kind: "quality.column.kind",
  value: "quality.column.value",
  affects: "quality.column.affects",
  cluster_id: "cli.dedupe.column.cluster",
  score: "cli.dedupe.column.score",
  reason: "cli.dedupe.column.reason",
  rfmR: "web.col.rfmR",
  rfmF: "web.col.rfmF",
  rfmM: "web.col.rfmM",
  recencyDays: "web.col.recencyDays",
  part: "web.col.part",
  threshold: "web.col.threshold",
  merge_id: "web.col.merge_id",
  survivor_id: "web.col.survivor_id",
  merged_ids: "web.col.merged_ids",
  column: "web.col.column",
  rule: "web.col.rule",
  count: "web.col.count",
  rows: "web.col.rows",
  unscored: "web.col.unscored",
  file: "web.col.file",
  line: "web.col.line",
  email: "web.col.email",
  phone: "web.col.phone",
  country: "web.col.country",
  created_at: "web.col.created_at",
  rank: "propensity.column.rank",
  drivers: "propensity.column.drivers",
};

export function columnLabel(i18n: I18n, key: string): string {
  const messageKey = COLUMN_KEYS[key];
  return messageKey === undefined ? entityName(i18n, key) : i18n.tk(messageKey);
}

/** An entity's name (`survey_responses` → "Survey responses"), or the id itself. */
export function entityName(i18n: I18n, entity: string): string {
  const key = `web.entity.${entity}`;
  const name = i18n.tk(key);
  return name === key ? entity : name;
}

/** Values that are ids of localized things: RFM segments (`champions`). */
export function cellText(i18n: I18n, key: string, value: string): string {
  if (key === "segment" || key === "rfmSegment") {
    const localized = i18n.tk(`rfm.segment.${value}`);
    if (localized !== `rfm.segment.${value}`) return localized;
  }
  return value;
}

/** A breakdown dimension's name (`acquisition_channel` → "Acquisition channel"), or the id itself. */
/**
 * A segment as the dashboard shows it: its values joined, a decile of a `scored` dimension
 * (the catalog's propensity deciles) as "Decile 3", and whole numbers (a birth year) in the
 * language's digits.
 */
export function segmentName(
  i18n: I18n,
  segment: Readonly<Record<string, string | null>> | null,
  scored: readonly string[],
): string {
  if (segment === null) return "";
  return Object.entries(segment)
    .map(([key, value]) => {
      if (value === null) return "—";
      const digits = /^[0-9]+$/.test(value) ? localDigits(value, i18n.locale.intl) : value;
      return scored.includes(key) ? i18n.t("web.decile", { n: digits }) : digits;
    })
    .join(" · ");
}

export function dimensionName(i18n: I18n, dim: string): string {
  const key = `web.dim.${dim}`;
  const name = i18n.tk(key);
  return name === key ? dim : name;
}
