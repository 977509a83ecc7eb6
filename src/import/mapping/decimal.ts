/**
 * Exact decimal arithmetic on canonical number text ("12.50", "-3"), with
 * bigint, so a sum of many payment rows has no float drift.
 */
import { formatScaled, type ScaledDecimal } from "../parse-cell.js";

/** The value times 10^scale, as the importer's money conversion holds it. */
export type Decimal = ScaledDecimal;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** The decimal a cell holds, or undefined when it is not a plain decimal number. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const whole = m[2] ?? "";
  const fraction = m[3] ?? "";
  if (whole === "" && fraction === "") return undefined;
  const units = BigInt(`${whole}${fraction}` || "0");
  return { units: m[1] === "-" ? -units : units, scale: fraction.length };
}

function rescale(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Canonical text: `-1.50` stays `-1.50` (the scale of the most precise term). */
export function formatDecimal(d: Decimal): string {
  return formatScaled(d.units, d.scale);
}

/** Orders two cells as numbers when both are, else as text (ISO dates order as text). */
export function compareCells(a: string, b: string): number {
  const x = parseDecimal(a);
  const y = parseDecimal(b);
  if (x && y) return compareDecimals(x, y);
  return a < b ? -1 : a > b ? 1 : 0;
}
