import { writeFile } from "node:fs/promises";

/**
 * Helpers of the vendor export generators: a seeded random source and a CSV
 * writer with the byte-level habits of real exports (BOM, CRLF, `;`, quote
 * everything, Windows-1252), so a preset is tested on the bytes it meets.
 */

/** Mulberry32: small, fast, the same sequence for a seed on every machine. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    chance: (p) => next() < p,
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export interface CsvStyle {
  readonly delimiter?: string;
  readonly eol?: "\n" | "\r\n";
  readonly bom?: boolean;
  /** Quote every cell, as Salesforce Data Export does. */
  readonly quoteAll?: boolean;
  readonly encoding?: "utf-8" | "windows-1252";
}

export async function writeCsv(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  style: CsvStyle = {},
): Promise<void> {
  const delimiter = style.delimiter ?? ",";
  const eol = style.eol ?? "\n";
  const cell = (value: string): string =>
    style.quoteAll || value.includes(delimiter) || /["\r\n]/.test(value)
      ? `"${value.replaceAll('"', '""')}"`
      : value;
  const text = [header, ...rows].map((row) => row.map(cell).join(delimiter)).join(eol) + eol;
  const bytes =
    style.encoding === "windows-1252" ? windows1252(text) : Buffer.from((style.bom ? "\uFEFF" : "") + text);
  await writeFile(file, bytes);
}

// The Windows-1252 letters of 0x80–0x9F that the generators use; 0xA0–0xFF equal Latin-1.
const CP1252_HIGH: Readonly<Record<string, number>> = { "€": 0x80, "’": 0x92, "–": 0x96, œ: 0x9c };

function windows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    const byte = CP1252_HIGH[ch] ?? (code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : undefined);
    if (byte === undefined) throw new Error(`no Windows-1252 byte for ${ch}`);
    bytes[i] = byte;
  }
  return bytes;
}

const DAY_MS = 86_400_000;
/** 2023-01-02 00:00:00 UTC: every generated timestamp is an offset from it. */
const EPOCH_MS = Date.UTC(2023, 0, 2);

/** A UTC instant `days` (fractional) after 2023-01-02, rounded to the minute. */
export function instant(days: number): Date {
  return new Date(Math.round((EPOCH_MS + days * DAY_MS) / 60_000) * 60_000);
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** `2024-01-05 10:22:00` (UTC wall clock). */
export function sqlTime(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2024-01-05` (UTC). */
export function isoDate(d: Date): string {
  return sqlTime(d).slice(0, 10);
}

/** `2024-01-05T10:22:00.000Z`: Salesforce API datetimes. */
export function apiTime(d: Date): string {
  return d.toISOString();
}

/** `1/5/2024 9:07`: a US spreadsheet's date and time (no padding). */
export function usTime(d: Date): string {
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/** `1/5/2024`. */
export function usDate(d: Date): string {
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

/** `05/01/2024 9:07`: Freshdesk's day-first date and time. */
export function dayFirstTime(d: Date): string {
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}`;
}

/** The canonical (DuckDB) text of an instant, for comparing stored timestamps. */
export function storedTime(d: Date): string {
  return sqlTime(d);
}

/** Cents as a decimal text with two places: 123456 → `1234.56`. */
export function money(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${pad(abs % 100)}`;
}

/** Cents as `$3,000` / `$12,500.50` (whole dollars without decimals), as a spreadsheet shows them. */
export function dollars(cents: number): string {
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return cents % 100 === 0 ? `$${whole}` : `$${whole}.${pad(cents % 100)}`;
}

const FIRST = [
  "Maya",
  "François",
  "Jürgen",
  "Ana",
  "Kenji",
  "Olivia",
  "Noah",
  "Sofía",
  "Liam",
  "Zoë",
  "Ivan",
  "Amara",
];
const LAST = [
  "Chen",
  "Lévesque",
  "Müller",
  "García",
  "Tanaka",
  "Smith",
  "O’Brien",
  "Novák",
  "Rossi",
  "Dubois",
];
const WORDS = [
  "Northstar",
  "Élan",
  "Blue",
  "Harbor",
  "Summit",
  "Pioneer",
  "Maple",
  "Aurora",
  "Cedar",
  "Atlas",
];
const SUFFIXES = ["Supply", "Commerce", "Labs", "Outfitters", "Group", "Systems", "Foods", "Partners"];

export function personName(r: Random): { first: string; last: string } {
  return { first: r.pick(FIRST), last: r.pick(LAST) };
}

export function companyName(r: Random, i: number): string {
  return `${r.pick(WORDS)} ${r.pick(SUFFIXES)} ${i}`;
}

/** A mail-safe local part of a name: `francois.levesque`. */
export function mailName(first: string, last: string, i: number): string {
  const ascii = `${first}.${last}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase();
  return `${ascii}${i}`;
}
