import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { decodedText } from "../text-decoding.js";
import type { SourceType } from "./compile-mapping.js";
import { type CsvStart, readHeader, readRows, type SourceFile } from "./read-source-file.js";

/**
 * Which files of the data folder a source reads, decided before any row is
 * read: `from` is a path or a glob (`*` and `?` within a name, `**` across
 * folders, `/` separators, relative to the data folder), and `match_columns`
 * keeps only files whose header has all those names. Presets and preset
 * detection use the same resolution.
 */

/** What a source or join says about its files. `delimiter` may be `auto`. */
export interface SourceFilesSpec {
  readonly from: string;
  readonly type: SourceType;
  readonly delimiter: string | undefined;
  readonly encoding?: string | undefined;
  readonly matchColumns?: readonly string[] | undefined;
}

/** A file a source reads: its delimiter sniffed when `auto`, and its start (CSV only). */
export interface FoundFile {
  readonly file: SourceFile;
  /** Header and whether rows follow (CSV); undefined for JSON formats. */
  readonly start: CsvStart | undefined;
  readonly bytes: number;
}

export interface SourceFilesResult {
  /** The files to read, in code-unit order of their relative path. */
  readonly files: readonly FoundFile[];
  /** Files whose path matched `from` (before `match_columns`), relative, `/`-separated. */
  readonly candidates: readonly string[];
  /** With `match_columns` and no file found: the file missing the fewest of them. */
  readonly closest?: { readonly name: string; readonly missing: readonly string[] };
  /** A file that could not be read while looking for headers (undecodable, bad quoting): the first such error. */
  readonly readError?: unknown;
}

const GLOB = /[*?]/;
// Closest-file search reads at most this many headers: a folder of thousands of CSVs must not stall the error.
const MAX_HEADERS_READ = 200;

/**
 * The files of `dataDir` a source reads, with their headers.
 *
 * @example await resolveSourceFiles("./exports", { from: "deals*.csv", type: "csv", delimiter: "auto", matchColumns: ["Deal ID"] })
 */
export async function resolveSourceFiles(
  dataDir: string,
  spec: SourceFilesSpec,
  options: { readonly encoding?: string | undefined } = {},
): Promise<SourceFilesResult> {
  const encoding = spec.encoding ?? options.encoding;
  const candidates = GLOB.test(spec.from)
    ? await globFiles(dataDir, spec.from)
    : (await isFile(path.resolve(dataDir, spec.from)))
      ? [spec.from]
      : [];
  const files: FoundFile[] = [];
  let closest: { name: string; missing: string[] } | undefined;
  let readError: unknown;
  for (const name of candidates) {
    const file: SourceFile = {
      path: path.resolve(dataDir, name),
      name,
      type: spec.type,
      delimiter: spec.delimiter,
      ...(encoding === undefined ? {} : { encoding }),
    };
    const bytes = (await stat(file.path)).size;
    if (!spec.matchColumns) {
      files.push(await startOf(file, bytes));
      continue;
    }
    let found: FoundFile;
    try {
      found = await startOf(file, bytes);
    } catch (error) {
      // Another encoding (a Windows-1252 export among UTF-8 ones): its header still
      // says whether it is this source's file; reading its rows then names the bad line.
      const probe = await startOf({ ...file, encoding: "windows-1252" }, bytes).catch(() => undefined);
      if (!probe) {
        readError ??= error;
        continue;
      }
      found = { ...probe, file: { ...file, delimiter: probe.file.delimiter } };
    }
    const header = found.start?.header ?? (await jsonKeys(found.file));
    const missing = spec.matchColumns.filter((column) => !header.includes(column));
    if (missing.length === 0) files.push(found);
    else if (!closest || missing.length < closest.missing.length) closest = { name, missing };
  }
  if (files.length === 0 && spec.matchColumns && candidates.length === 0) {
    closest = await closestInFolder(dataDir, spec, encoding);
  }
  return {
    files,
    candidates,
    ...(files.length === 0 && closest ? { closest } : {}),
    ...(files.length === 0 && readError !== undefined ? { readError } : {}),
  };
}

/** The CSV files of the data folder (relative, `/`-separated, sorted), for an error that lists them. */
export async function csvFilesIn(dataDir: string): Promise<string[]> {
  return (await globFiles(dataDir, "**")).filter((name) => /\.csv$/i.test(name));
}

/** `file` with its delimiter sniffed when `auto`, and its CSV header. */
async function startOf(file: SourceFile, bytes: number): Promise<FoundFile> {
  if (bytes === 0 || file.type !== "csv") return { file, start: undefined, bytes };
  const resolved =
    file.delimiter === "auto" ? { ...file, delimiter: sniffDelimiter(await firstLine(file)) } : file;
  return { file: resolved, start: await readHeader(resolved), bytes };
}

async function jsonKeys(file: SourceFile): Promise<string[]> {
  if (file.type === "csv") return [];
  for await (const row of readRows(file)) if (!row.defect) return Object.keys(row.values);
  return [];
}

async function closestInFolder(
  dataDir: string,
  spec: SourceFilesSpec,
  encoding: string | undefined,
): Promise<{ name: string; missing: string[] } | undefined> {
  if (spec.type !== "csv" || !spec.matchColumns) return undefined;
  let best: { name: string; missing: string[] } | undefined;
  for (const name of (await csvFilesIn(dataDir)).slice(0, MAX_HEADERS_READ)) {
    const file: SourceFile = {
      path: path.resolve(dataDir, name),
      name,
      type: "csv",
      delimiter: spec.delimiter,
      ...(encoding === undefined ? {} : { encoding }),
    };
    let header: readonly string[];
    try {
      header = (await startOf(file, (await stat(file.path)).size)).start?.header ?? [];
    } catch {
      continue;
    }
    const missing = spec.matchColumns.filter((column) => !header.includes(column));
    if (!best || missing.length < best.missing.length) best = { name, missing };
  }
  return best;
}

/** The first line of a file's decoded text (without its line break). */
async function firstLine(file: SourceFile): Promise<string> {
  let text = "";
  for await (const piece of decodedText(
    file.path,
    file.name,
    file.encoding ? { encoding: file.encoding } : {},
  )) {
    text += piece;
    const end = text.search(/\r|\n/);
    if (end >= 0) return text.slice(0, end);
  }
  return text;
}

const SNIFFED = [",", ";", "\t", "|"] as const;

/**
 * The separator a header line uses: the one of `,` `;` tab `|` found most
 * often outside double quotes; `,` when none is (a one-column file).
 *
 * @example sniffDelimiter("id;name;amount") // ";"
 */
export function sniffDelimiter(line: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (SNIFFED as readonly string[]).includes(ch))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ",";
  let most = 0;
  // SNIFFED's order breaks ties: a comma wins over a semicolon seen as often.
  for (const ch of SNIFFED) {
    const n = counts.get(ch) ?? 0;
    if (n > most) {
      best = ch;
      most = n;
    }
  }
  return best;
}

/** Whether a relative path (`/`-separated) matches a glob of `*`, `?` and `**`. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*" && glob[i + 1] === "*") {
      // `**/` is zero or more folders; a trailing `**` is anything below.
      if (glob[i + 2] === "/") {
        source += "(?:[^/]*/)*";
        i += 2;
      } else {
        source += ".*";
        i += 1;
      }
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}

/** Files under `dataDir` matching `glob`, relative and `/`-separated, in code-unit order. */
async function globFiles(dataDir: string, glob: string): Promise<string[]> {
  const pattern = glob.replace(/^\.\//, "");
  const segments = pattern.split("/");
  const fixed: string[] = [];
  while (segments.length > 1 && !GLOB.test(segments[0] as string)) fixed.push(segments.shift() as string);
  const base = path.resolve(dataDir, ...fixed);
  const recursive = segments.length > 1 || pattern.includes("**");
  let names: string[];
  try {
    names = await readdir(base, { recursive });
  } catch {
    return [];
  }
  const regex = globToRegExp(pattern);
  const prefix = fixed.length > 0 ? `${fixed.join("/")}/` : "";
  const out: string[] = [];
  for (const name of names) {
    const relative = prefix + name.split(path.sep).join("/");
    if (regex.test(relative) && (await isFile(path.join(base, name)))) out.push(relative);
  }
  return out.sort(byCodeUnit);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
