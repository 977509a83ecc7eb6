import { ar } from "./ar.js";
import { en, type MessageKey } from "./en.js";
import { fa } from "./fa.js";
import { zh } from "./zh.js";

export type { MessageKey } from "./en.js";

export const LANGS = ["en", "fa", "ar", "zh"] as const;
export type Lang = (typeof LANGS)[number];
export type MessageParams = Readonly<Record<string, string | number>>;

/** Every catalog by language; each has exactly the keys of `en` (parity.test.ts). */
export const CATALOGS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = { en, fa, ar, zh };

const placeholderPattern = /\{(\w+)\}/g;

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Languages written right to left: tables are mirrored and right-aligned for them. */
export function isRightToLeft(lang: Lang): boolean {
  return lang === "fa" || lang === "ar";
}

/**
 * The message `key` in `lang` with `{param}` placeholders filled; falls back to
 * English when the locale lacks the key. Unknown placeholders stay visible.
 * Example: `t("fa", "import.summary.warnings", { count: 3 })` → "هشدارها: 3".
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return fillTemplate(CATALOGS[lang][key] ?? en[key], params);
}

/** A message whose key is built at run time (`metric.<id>.name`); undefined when no catalog has it. */
export function lookupMessage(lang: Lang, key: string, params: MessageParams = {}): string | undefined {
  const template = CATALOGS[lang][key] ?? CATALOGS.en[key];
  return template === undefined ? undefined : fillTemplate(template, params);
}

export function fillTemplate(template: string, params: MessageParams): string {
  return template.replace(placeholderPattern, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The placeholder names of a template, sorted: `"{a} of {b}"` → `["a", "b"]`. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(placeholderPattern)].map((m) => m[1] ?? ""))].sort();
}

const statisticSuffixes = [
  ["_median", "metric.stat.median"],
  ["_p90", "metric.stat.p90"],
] as const;

/**
 * The localized name of a metric id. Statistic siblings (`sales_cycle_days_p90`)
 * are named from their base metric; an id without a message shows as itself.
 */
export function metricName(lang: Lang, id: string): string {
  const direct = lookupMessage(lang, `metric.${id}.name`);
  if (direct !== undefined) return direct;
  for (const [suffix, key] of statisticSuffixes) {
    if (id.endsWith(suffix)) {
      const base = lookupMessage(lang, `metric.${id.slice(0, -suffix.length)}.name`);
      if (base !== undefined) return t(lang, key, { name: base });
    }
  }
  return id;
}

export function metricDescription(lang: Lang, id: string): string | undefined {
  return lookupMessage(lang, `metric.${id}.description`);
}

/** The localized name of a unit (`unit.days`), or the unit id itself. */
export function unitName(lang: Lang, unit: string): string {
  return lookupMessage(lang, `unit.${unit}`) ?? unit;
}
