import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { rangeText } from "../src/core/metrics/definition/metric-params.js";
import { METRICS } from "../src/core/metrics/registry.js";
import { type ColumnDef, ENTITIES } from "../src/core/model/entities.js";
import { DEFAULT_SETTINGS } from "../src/core/model/settings.js";
import { lookupMessage, metricDescription, metricName } from "../src/messages/index.js";

const FAMILY_TITLES: Record<string, string> = {
  customers: "1. The customer base",
  revenue: "2. Revenue",
  value: "3. Customer value and acquisition cost",
  sales: "4. Sales",
  service: "5. Service and satisfaction",
  marketing: "6. Marketing",
};

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** docs/metrics.md, rendered from the registry and the message catalogs so it cannot drift. */
export function renderMetricCatalog(): string {
  const lines = [
    "# Metric catalog",
    "",
    "Generated from the metric registry (`npm run docs`); do not edit by hand. The exact",
    "definitions are in `../shared/spec/METRICS.md`; the choices crm-kpi made where the spec is",
    "silent are in [choices.md](choices.md).",
    "",
    "Columns: **kind** says how the value follows from numerator and denominator (`ratio`: n / d,",
    "`mean`: sum / count, `nps`: 100 × (promoters − detractors) / responses, `count` and `sum`:",
    "a value only); **breakdowns** are the built-in segment rows a report prints by default;",
    "**by** says whether `--by <customer dimension>` splits the metric.",
    "",
    ...BREAKDOWN_RULES,
  ];
  for (const [family, title] of Object.entries(FAMILY_TITLES)) {
    const metrics = METRICS.filter((m) => m.family === family);
    if (metrics.length === 0) continue;
    lines.push(`## ${title}`, "");
    lines.push("| id | name | formula | kind, unit | good | needs | parameters | breakdowns | by |");
    lines.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const m of metrics) {
      const siblings = m.siblings?.length ? `<br>also ${m.siblings.map((s) => `\`${s}\``).join(", ")}` : "";
      const params =
        (m.params ?? [])
          .map((p) => `\`${p.name}\` (default ${p.default || "—"}; ${rangeText(p.range)})`)
          .join(", ") || "—";
      const breakdowns = (m.builtInBreakdowns ?? []).map((b) => `{${b.keys.join(", ")}}`).join(" ") || "—";
      const by = cell(byCell(m));
      const good = m.direction === "up" ? "↑" : m.direction === "down" ? "↓" : "·";
      const name = `${metricName("en", m.id)}<br>${metricName("fa", m.id)} · ${metricName("ar", m.id)} · ${metricName("zh", m.id)}`;
      lines.push(
        `| \`${m.id}\`${siblings} | ${cell(name)} | ${cell(m.formula)} | ${m.kind}, ${m.unit} | ${good} | ${m.requires.join(", ")} | ${cell(params)} | ${breakdowns} | ${by} |`,
      );
    }
    lines.push("");
    for (const m of metrics) {
      const description = metricDescription("en", m.id);
      if (description) lines.push(`- \`${m.id}\`: ${description}`);
    }
    lines.push("");
  }
  lines.push(...laterValuesSection());
  lines.push(...COHORT_RETENTION_SECTION);
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The metrics whose past values read later records (`readsLater`), for readers and for reused reports. */
function laterValuesSection(): string[] {
  const rows = METRICS.filter((m) => (m.readsLater ?? []).length > 0).map((m) => {
    const reads = (m.readsLater ?? [])
      .map((r) => {
        const days = r.days?.({}, DEFAULT_SETTINGS);
        return `${r.entity} ${days === undefined ? "of any later date" : `up to ${days} days later (by default)`}`;
      })
      .join("; ");
    return `| \`${m.id}\` | ${cell(reads)} |`;
  });
  return [
    "## Values that change after their period",
    "",
    "A period's value reads the records dated before the period ends, as they stand now: it",
    "changes when such a record is added or corrected later (a lead created in March that converts",
    "in May raises March's `lead_conversion_rate`). The metrics below also read records dated",
    "*after* the period: new records change their last periods (up to the days shown) or any",
    "period (of any later date). test/conformance/later-records.test.ts checks that no other metric",
    "reads later records:",
    "",
    "| id | reads |",
    "| --- | --- |",
    ...rows,
    "",
    "The server keeps its last report of each request and, after an import, computes again only",
    "the periods that the changed records can reach by these rules (src/report/reuse-report.ts;",
    "[dashboard.md](dashboard.md), Reports after an import).",
    "",
  ];
}

/** Issue 8 part 10: which metrics split by customer dimensions, and why the others do not. */
const BREAKDOWN_RULES = [
  "## Breakdowns by customer dimension",
  "",
  "`--by region` (or any customer column: `segment`, `acquisition_channel`, `rfm_segment`…)",
  "splits every metric whose rows belong to customers; the segment's value is the definition",
  "restricted to the segment's customers, numerator and denominator both (clv of a channel:",
  "that channel's revenue, buyers and churn base). A row belongs to a customer through its",
  "`customer_id`: orders, terms, tickets, survey responses and deals directly, a lead through",
  "the customer it converted into, a campaign's customers by first touch. A row without a",
  "customer (an open lead, a deal with no customer_id) falls in the `null` bucket, with the",
  "customers whose column is empty, so the segments add up to the total (orders of unknown",
  "customers count only in the total, as METRICS.md says). When every row has a customer, a",
  "dimension with one value for every customer reproduces every total",
  "(test/conformance/breakdown-invariant.test.ts). Metrics",
  "without a total split inside their built-in rows: per stage and region, per survey kind and",
  "region, per campaign and region.",
  "",
  "A metric that cannot split says why in one line under the report (stderr for ndjson/csv):",
  "",
  "| metric | by | why not the other dimensions |",
  "| --- | --- | --- |",
  ...METRICS.filter((m) => m.customerDimensions !== "all").map(
    (m) =>
      `| \`${m.id}\` | ${byDimensions(m)} | ${cell(lookupMessage("en", m.noBreakdownReason ?? "metrics.breakdown.reason.notCustomers") ?? "")} |`,
  ),
  "",
  "`--by deal_owner` and `--by pipeline` are columns of deals: only deal metrics split by them.",
  "",
];

function byDimensions(m: (typeof METRICS)[number]): string {
  if (m.customerDimensions === "all") return "any";
  return m.customerDimensions === "none" ? "—" : m.customerDimensions.join(", ");
}

/** The **by** cell: the dimensions, and the built-in keys a split is nested in. */
function byCell(m: (typeof METRICS)[number]): string {
  const within = m.breakdownWithin?.length ? ` (per ${m.breakdownWithin.join(", ")})` : "";
  return `${byDimensions(m)}${within}`;
}

/** Cohort retention is a table of its own (src/report/cohorts.ts), not a registry metric. */
const COHORT_RETENTION_SECTION = [
  "## Cohort retention",
  "",
  "`crm-kpi cohorts [--period month] [--calendar persian] [--from 2024-01] [--to 2024-12]",
  "[--measure customers|revenue] [--format table|csv|json]`, `GET /api/v1/cohorts`, and the",
  "heatmap of the Customers view all read `runCohorts` (src/report/cohorts.ts).",
  "",
  "- **Cohort**: the customers whose `acquired_at` (METRICS.md §1: the explicit one, else the first",
  "  won deal, order or subscription term) falls in a period of the range; prospects are in none.",
  "  Periods are report periods: any grain, any calendar (a Jalali month for `--calendar persian`),",
  "  in the dataset's time zone. Cohorts without customers are left out.",
  "- **Offset** k: the k-th period after the acquisition period, up to the range's last period (so",
  "  the table is a triangle).",
  "- **customers**: cohort customers active at some instant of the period, by the dataset's activity",
  "  rule (subscription terms, or orders plus `inactivity_days`; `auto` decides per customer).",
  "  Offset 0 always holds the whole cohort: the acquisition itself is activity.",
  "- **revenue**: the cohort's order revenue in the period as `revenue` counts it (base currency,",
  "  refunds subtract) plus the amounts of subscription terms that start in the period.",
  "- **customerShare** = customers / cohort size (1 at offset 0); **revenueShare** = revenue / the",
  "  cohort's offset-0 revenue (undefined when that is 0; above 1 when the cohort spends more later).",
  "",
];

function describeColumn(c: ColumnDef): string {
  const parts: string[] = [c.kind];
  if (c.values) parts.push(`one of ${c.values.map((v) => `\`${v}\``).join(", ")}`);
  if (c.default) parts.push(`default \`${c.default}\``);
  if (c.currencyColumn) parts.push(`currency in \`${c.currencyColumn}\``);
  if (c.fxDateColumns) parts.push(`fx date: ${c.fxDateColumns.map((d) => `\`${d}\``).join(" or ")}`);
  if (c.references) parts.push(`→ ${c.references.entity}.${c.references.column} (unknown = warning)`);
  return parts.join("; ");
}

/** docs/data-model.md, rendered from src/core/model/entities.ts. */
export function renderDataModel(): string {
  const lines = [
    "# Canonical data model",
    "",
    "Generated from `src/core/model/entities.ts` (`npm run docs`); do not edit by hand.",
    "",
    "A dataset is a folder with one file per entity, `NAME.csv`, `NAME.ndjson` or `NAME.json`",
    "(an array of objects), and optionally `crm-kpi.json` with the dataset settings. Only",
    "`customers` is required; a metric whose entities are missing reports *not available*.",
    "Other export formats come in through a mapping file ([mapping.md](mapping.md)).",
    "",
    "Value rules: cells are trimmed and an empty cell is missing (never zero); ids are 1..200",
    "characters; timestamps are ISO 8601 (`2024-03-05`, `2024-03-05T14:30:00`, with `Z` or",
    "`+03:30`), and without an offset they are wall-clock time in the dataset's `timezone`; money",
    "is a decimal with `.` and no thousands separator, converted exactly to the base currency",
    "with the latest `fx_rates` row on or before its date; enums are the lower-case words listed;",
    "Persian and Arabic-Indic digits are read as ASCII digits, and in numbers the Arabic decimal",
    "separator `٫` (U+066B) as `.` and the Arabic thousands separator `٬` (U+066C, between groups",
    "of three) is dropped: `۱۲۳٫۵` is 123.5, `۱٬۲۳۴` is 1234. An unquoted `1.234,50` splits its",
    "row at the comma; the error names its column and suggests `1234.50`.",
    "",
    "Files are UTF-8 (a BOM is fine) or UTF-16 with a BOM; text that is not valid in the",
    "encoding is an error naming the file and line. `import --encoding windows-1256` (or",
    "`windows-1252`, `latin1`, `utf-16le`, any WHATWG name) reads other encodings, for mapped",
    "sources too; a BOM wins over the option. CSV cells are separated by commas; `--delimiter ';'`",
    "(or `'\\t'`, `'|'`) sets another separator for the canonical files (a mapping sets it per",
    "source). A header naming a column twice, an empty file, and a header of one column holding",
    "`;` or a tab (a file with another separator) are errors that say which; a file with a header",
    "but no rows is a warning.",
    "",
    "Errors name file, line, column, value and reason (a value longer than 60 characters is cut,",
    "with its length); unknown references, time inconsistencies and a non-integer NPS score are",
    "warnings, and the row is imported. An import applies whole or not at",
    "all unless `--skip-invalid` is given; re-importing the same rows changes nothing (rows are",
    "replaced by their key).",
    "",
  ];
  for (const entity of ENTITIES) {
    lines.push(`## ${entity.name}`, "", `Key: ${entity.key.map((k) => `\`${k}\``).join(", ")}`, "");
    lines.push("| column | required | kind |", "| --- | --- | --- |");
    for (const c of entity.columns)
      lines.push(`| \`${c.name}\` | ${c.required ? "yes" : ""} | ${cell(describeColumn(c))} |`);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export const GENERATED_DOCS: readonly { path: string; render: () => string }[] = [
  { path: resolve(import.meta.dirname, "../docs/metrics.md"), render: renderMetricCatalog },
  { path: resolve(import.meta.dirname, "../docs/data-model.md"), render: renderDataModel },
];

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const doc of GENERATED_DOCS) {
    writeFileSync(doc.path, doc.render());
    console.log(`wrote ${doc.path}`);
  }
}
