/**
 * Normalization for matching people and companies across scripts
 * (METRICS.md §7). Pure functions: the same text always gives the same key.
 */

// Arabic letters that Persian writes differently (and hamza carriers NFD leaves bare):
// both spellings of one name must give one key.
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  "\u064A": "\u06CC", // ي → ی
  "\u0649": "\u06CC", // ى → ی
  "\u0643": "\u06A9", // ك → ک
  "\u0629": "\u0647", // ة → ه
  "\u06C0": "\u0647", // ۀ → ه
  "\u0671": "\u0627", // ٱ → ا
};

const TATWEEL = /\u0640/g;
// ZWNJ, ZWJ, bidi marks and other invisible format characters.
const FORMAT_CHARS = /\p{Cf}/gu;
const MARKS = /\p{M}/gu;
const PUNCTUATION = /[\p{P}\p{S}]+/gu;
const HAN_GAP = /(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits as ASCII digits; other text unchanged. */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/**
 * The matching key of a person's name: case, full-width forms, diacritics,
 * tatweel, ZWNJ, Arabic/Persian letter variants, local digits and
 * punctuation folded; spaces between Chinese characters dropped.
 *
 * @example normalizeName("شيرين كريمي") === normalizeName("شیرین کریمی") // "شیرین کریمی"
 */
export function normalizeName(text: string | null | undefined): string {
  if (!text) return "";
  // NFKC folds full-width and presentation forms; NFD then splits letters from their marks.
  let s = text.normalize("NFKC").normalize("NFD").replace(MARKS, "");
  s = s.replace(TATWEEL, "").replace(FORMAT_CHARS, "");
  s = [...s].map((ch) => LETTER_VARIANTS[ch] ?? ch).join("");
  s = normalizeDigits(s).toLowerCase();
  s = s.replace(/['’`]/g, "").replace(PUNCTUATION, " ");
  s = s.replace(/\s+/g, " ").trim().replace(HAN_GAP, "");
  return s.normalize("NFC");
}

// Legal forms that say nothing about which company it is.
const COMPANY_NOISE = new Set([
  "inc",
  "ltd",
  "llc",
  "gmbh",
  "co",
  "corp",
  "company",
  "sa",
  "ag",
  "bv",
  "شرکت",
  "شركه",
  "مؤسسه",
  "موسسه",
  "有限公司",
]);

/** A company's matching key: the name key without legal forms (Inc, GmbH, شرکت…). */
export function normalizeCompany(text: string | null | undefined): string {
  return normalizeName(text)
    .split(" ")
    .filter((w) => w !== "" && !COMPANY_NOISE.has(w))
    .join(" ");
}

/** An email's matching key: trimmed, NFKC, ASCII digits, lower case; "" when empty. */
export function normalizeEmail(text: string | null | undefined): string {
  if (!text) return "";
  return normalizeDigits(text.normalize("NFKC")).trim().toLowerCase();
}
