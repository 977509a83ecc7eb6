import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { METRICS } from "../src/core/metrics/registry.js";
import { metricDescription, metricName } from "../src/messages/index.js";

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
        (m.params ?? []).map((p) => `\`${p.name}\` (default ${p.default || "—"})`).join(", ") || "—";
      const breakdowns = (m.builtInBreakdowns ?? []).map((b) => `{${b.keys.join(", ")}}`).join(" ") || "—";
      const by =
        m.customerDimensions === "all"
          ? "any"
          : m.customerDimensions === "none"
            ? "—"
            : m.customerDimensions.join(", ");
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
  return `${lines.join("\n").trimEnd()}\n`;
}

export const METRIC_CATALOG_PATH = resolve(import.meta.dirname, "../docs/metrics.md");

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeFileSync(METRIC_CATALOG_PATH, renderMetricCatalog());
  console.log(`wrote ${METRIC_CATALOG_PATH}`);
}
