/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab
 * and carriage return, hide one): `=1+1`, `+cmd|…`, `-2+3`, `@SUM(…)`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A CSV cell that a spreadsheet shows as text, never runs as a formula
 * (OWASP "CSV injection"): a leading `'` before a risky first character.
 * Numbers written as numbers stay numbers: only text cells are touched.
 *
 * @example neutralizeCsvCell("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 */
export function neutralizeCsvCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A whole CSV field: formula-neutralized, then quoted when it holds a comma,
 * quote or line break (RFC 4180).
 *
 * @example csvField("-5 days") // "'-5 days"
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = neutralizeCsvCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
