import { isRightToLeft, type Lang, type MessageKey, t } from "../messages/index.js";
import type { DuplicateCluster, FieldEvidence, PairEvidence } from "../quality/find-duplicates.js";
import { FSI, PDI, RLM } from "./bidi-visual.js";
import { formatNumber } from "./format-number.js";
import { type HumanFormat, humanTable } from "./format-records.js";

/**
 * How `crm-kpi dedupe --review` writes clusters with their evidence: nested
 * records for json and ndjson, one flat row per cluster, pair and field for
 * csv, and for people a summary table then each pair's evidence table.
 * Clusters come in id order (as found), pairs strongest first, fields in the
 * model's order, so the same data gives the same bytes.
 */

/** One machine record per cluster; `pairs` holds each link with its field evidence. */
export function clusterRecords(clusters: readonly DuplicateCluster[]): Record<string, unknown>[] {
  return clusters.map((c) => ({
    kind: "duplicate_customers",
    cluster_id: c.cluster_id,
    band: c.band,
    weight: c.weight,
    customer_ids: c.customer_ids,
    score: c.score,
    reason: c.reason,
    pairs: c.pairs.map((p) => ({
      a: p.a,
      b: p.b,
      weight: p.weight,
      probability: p.probability,
      band: p.band,
      fields: p.fields.map((f) => ({ field: f.field, level: f.level, weight: f.weight, a: f.a, b: f.b })),
    })),
  }));
}

/** The json keys of a cluster record, in order (merge records add theirs after). */
export const CLUSTER_JSON_KEYS = [
  "kind",
  "cluster_id",
  "band",
  "weight",
  "customer_ids",
  "score",
  "reason",
  "pairs",
] as const;

/** The csv columns, in order: a row's `kind` says which ones it fills. */
export const CLUSTER_CSV_KEYS = [
  "kind",
  "cluster_id",
  "band",
  "weight",
  "probability",
  "customer_ids",
  "score",
  "reason",
  "a",
  "b",
  "field",
  "level",
  "value_a",
  "value_b",
] as const;

/**
 * Flat csv rows: a `duplicate_customers` row per cluster, then a `pair` row
 * per link (its weight and probability) and a `field` row per field (the
 * field's weight, level and the two values).
 */
export function clusterCsvRecords(clusters: readonly DuplicateCluster[]): Record<string, unknown>[] {
  return clusters.flatMap((c) => [
    {
      kind: "duplicate_customers",
      cluster_id: c.cluster_id,
      band: c.band,
      weight: c.weight,
      customer_ids: c.customer_ids.join(" "),
      score: c.score,
      reason: c.reason,
    },
    ...c.pairs.flatMap((p) => [
      {
        kind: "pair",
        cluster_id: c.cluster_id,
        band: p.band,
        weight: p.weight,
        probability: p.probability,
        a: p.a,
        b: p.b,
      },
      ...p.fields.map((f) => ({
        kind: "field",
        cluster_id: c.cluster_id,
        weight: f.weight,
        a: p.a,
        b: p.b,
        field: f.field,
        level: f.level,
        value_a: f.a,
        value_b: f.b,
      })),
    ]),
  ]);
}

/** A match weight with its sign and two decimals, in the reader's digits: `+12.40`, `−3.10`, `0.00`. */
export function signedWeight(weight: number, lang: Lang): string {
  const text = formatNumber(weight, lang, 2, 2);
  return weight > 0 ? `+${text}` : text;
}

function percent(probability: number, lang: Lang): string {
  const sign = lang === "fa" || lang === "ar" ? "٪" : "%";
  return `${formatNumber(probability * 100, lang, 2)}${sign}`;
}

export const bandLabel = (band: DuplicateCluster["band"], lang: Lang): string =>
  t(lang, `linkage.display.band.${band}` as MessageKey);
export const fieldLabel = (field: FieldEvidence["field"], lang: Lang): string =>
  t(lang, `linkage.display.field.${field}` as MessageKey);
export const levelLabel = (level: FieldEvidence["level"], lang: Lang): string =>
  t(lang, `linkage.display.level.${level}` as MessageKey);

/** A heading line: in fa and ar it starts right to left and its ids are isolated, as table cells are. */
function headingLine(lang: Lang, text: string): string {
  return isRightToLeft(lang) ? `${RLM}${text}` : text;
}
const id = (lang: Lang, text: string): string => (isRightToLeft(lang) ? `${FSI}${text}${PDI}` : text);

function pairLines(format: HumanFormat, lang: Lang, pair: PairEvidence): string[] {
  const heading = t(lang, "linkage.display.pair", {
    a: id(lang, pair.a),
    b: id(lang, pair.b),
    weight: signedWeight(pair.weight, lang),
    probability: percent(pair.probability, lang),
  });
  const columns = [
    { header: t(lang, "linkage.display.column.field") },
    { header: t(lang, "linkage.display.column.level") },
    { header: t(lang, "linkage.display.column.fieldWeight"), align: "right" as const },
    { header: pair.a },
    { header: pair.b },
  ];
  const rows = pair.fields.map((f) => [
    fieldLabel(f.field, lang),
    levelLabel(f.level, lang),
    signedWeight(f.weight, lang),
    f.a ?? "—",
    f.b ?? "—",
  ]);
  const table = humanTable(format, lang, columns, rows);
  return format === "md"
    ? [headingLine(lang, `**${heading}**`), "", ...table, ""]
    : [headingLine(lang, heading), ...table, ""];
}

/** The human `--review` output: a summary table, then per cluster its pairs and their evidence. */
export function clusterLines(
  format: HumanFormat,
  lang: Lang,
  clusters: readonly DuplicateCluster[],
): string[] {
  const columns = [
    { header: t(lang, "cli.dedupe.column.cluster") },
    { header: t(lang, "linkage.display.column.band") },
    { header: t(lang, "cli.dedupe.column.customers") },
    { header: t(lang, "linkage.display.column.weight"), align: "right" as const },
    { header: t(lang, "cli.dedupe.column.score"), align: "right" as const },
  ];
  const rows = clusters.map((c) => [
    c.cluster_id,
    bandLabel(c.band, lang),
    c.customer_ids.join(", "),
    signedWeight(c.weight, lang),
    formatNumber(c.score, lang, 3, 3),
  ]);
  const lines = [...humanTable(format, lang, columns, rows), ""];
  for (const c of clusters) {
    const heading = t(lang, "linkage.display.cluster", {
      cluster: id(lang, c.cluster_id),
      band: bandLabel(c.band, lang),
      weight: signedWeight(c.weight, lang),
      customers: id(lang, c.customer_ids.join(", ")),
    });
    lines.push(format === "md" ? `### ${headingLine(lang, heading)}` : headingLine(lang, heading), "");
    for (const pair of c.pairs) lines.push(...pairLines(format, lang, pair));
  }
  while (lines.at(-1) === "") lines.pop();
  return lines;
}
