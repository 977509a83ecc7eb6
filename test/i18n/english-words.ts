import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CATALOGS, type Lang } from "../../src/messages/index.js";

/**
 * Every word (3+ Latin letters, lower-cased) of the English catalog's
 * values: the vocabulary a translated output must not fall back to.
 */
export function englishCatalogWords(): Set<string> {
  const words = new Set<string>();
  for (const value of Object.values(CATALOGS.en)) {
    for (const m of value.replace(/\{\w+\}/g, " ").matchAll(/[A-Za-z]{3,}/g)) words.add(m[0].toLowerCase());
  }
  return words;
}

/**
 * The English words in `output`, after removing what is typed rather than
 * read: option flags (`--db`), `key=value` and `a.b` identifiers, paths,
 * e-mail addresses and the tokens of `allowed`.
 */
export function englishWordsIn(output: string, vocabulary: Set<string>, allowed: Set<string>): string[] {
  const stripped = output
    .replace(/--[a-z][a-z-]*/g, " ")
    .replace(/\S+@\S+/g, " ")
    .replace(/[\w./-]*\/[\w./-]*/g, " ")
    .replace(/\$[A-Z_]+/g, " ")
    .replace(/\S+=\S+/g, " ")
    .replace(/\b[a-z]+(?:[._][a-z0-9]+)+\b/g, " ");
  const found = new Set<string>();
  for (const m of stripped.matchAll(/[A-Za-z]{3,}/g)) {
    const word = m[0].toLowerCase();
    if (vocabulary.has(word) && !allowed.has(word) && !allowed.has(m[0])) found.add(m[0]);
  }
  return [...found].sort();
}

/**
 * The words of the dataset's column names and short cells (names,
 * companies, regions, plans, order types: at most three words): data is shown as it was imported, in any
 * language. Free text (survey comments) is left out, so that it cannot
 * hide an untranslated sentence that happens to share its words.
 */
export function dataTokens(dir: string): Set<string> {
  const tokens = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".csv"))) {
    // The header row too: column names are what `--by` and the tables name.
    const lines = readFileSync(path.join(dir, file), "utf8").split("\n");
    for (const cell of lines.flatMap((line) => line.split(","))) {
      const value = cell.replace(/^"|"$/g, "").trim();
      if (value.split(/\s+/).length > 3) continue;
      for (const m of value.matchAll(/[A-Za-z]{3,}/g)) tokens.add(m[0]);
    }
  }
  return tokens;
}

/**
 * Upper-case abbreviations and product names (MRR, NPS, DuckDB) that the
 * locale's own catalog writes in Latin letters: the translators kept them.
 */
export function keptAbbreviations(lang: Lang): Set<string> {
  const kept = new Set<string>();
  for (const value of Object.values(CATALOGS[lang])) {
    for (const m of value.matchAll(/\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b/g)) kept.add(m[0]);
  }
  return kept;
}
