import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { CrmKpiError } from "../../core/errors.js";
import type { RecordDefect } from "../raw-record.js";
import { decodedText } from "../text-decoding.js";
import type { SourceType } from "./compile-mapping.js";

/** One row of a user's file: its physical first line (1-based) and its cells as text. */
export interface SourceRow {
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  /** The row cannot be read as a record; the importer reports it as a row error. */
  readonly defect?: RecordDefect;
}

export interface SourceFile {
  /** Absolute path to read. */
  readonly path: string;
  /** Name shown in errors (as the mapping wrote it). */
  readonly name: string;
  readonly type: SourceType;
  readonly delimiter: string | undefined;
  /** WHATWG encoding label (default UTF-8; a byte order mark wins). */
  readonly encoding?: string;
}

/** The file's text, strictly decoded (bad bytes are an error naming the line), in pieces ending at a line break. */
function textPieces(file: SourceFile): AsyncGenerator<string> {
  return decodedText(file.path, file.name, file.encoding ? { encoding: file.encoding } : {});
}

/** `textPieces` as a UTF-8 byte stream piped into `into`, which fails with the decoding error if there is one. */
function pipeText<T extends NodeJS.WritableStream & { destroy(error?: Error): unknown }>(
  file: SourceFile,
  into: T,
): T {
  const source = Readable.from(textPieces(file));
  source.on("error", (error) => into.destroy(error));
  return source.pipe(into);
}

/** The lines of the decoded text (LF, CRLF or a lone CR end one), without their breaks. */
async function* textLines(file: SourceFile): AsyncGenerator<string> {
  let rest = "";
  for await (const piece of textPieces(file)) {
    const parts = (rest + piece).split(/\r\n|\n|\r/);
    rest = parts.pop() ?? "";
    yield* parts;
  }
  if (rest !== "") yield rest;
}

/** What the start of a CSV file holds: its header, and whether a row follows it. */
export interface CsvStart {
  readonly header: readonly string[];
  readonly hasRows: boolean;
}

/** The header of a CSV file (empty when the file has none) and whether it has rows; undefined for JSON formats (their keys vary per row). */
export async function readHeader(file: SourceFile): Promise<CsvStart | undefined> {
  if (file.type !== "csv") return undefined;
  let header: string[] | undefined;
  for await (const row of csvRecords(file)) {
    if (header) return { header, hasRows: true };
    header = row.cells.map((c) => c.trim());
  }
  return { header: header ?? [], hasRows: false };
}

/** Streams the rows of a csv, ndjson or json file with their line numbers. */
export function readRows(file: SourceFile): AsyncIterable<SourceRow> {
  switch (file.type) {
    case "csv":
      return csvRows(file);
    case "ndjson":
      return ndjsonRows(file);
    case "json":
      return jsonRows(file);
  }
}

async function* csvRecords(file: SourceFile): AsyncGenerator<{ line: number; cells: string[] }> {
  const parser = pipeText(
    file,
    parse({
      bom: true,
      raw: true,
      relax_column_count: true,
      ...(file.delimiter ? { delimiter: file.delimiter } : {}),
    }),
  );
  // csv-parse's own line counter lags after blank lines, so count newlines
  // in each raw record. Its raw text keeps a "\n" delimiter but drops a
  // "\r\n" one (keeping the "\r"): a record not ending in "\n" ended a line too.
  let line = 1;
  try {
    for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const start = line;
      line += countNewlines(raw) + (raw.endsWith("\n") ? 0 : 1);
      if (record.length === 1 && record[0] === "") continue;
      yield { line: start, cells: record };
    }
  } catch (error) {
    if (error instanceof CrmKpiError) throw error; // bad bytes: already names its line
    throw new CrmKpiError(
      "import_bad_file",
      `${file.name}:${line}: ${(error as Error).message}; check the quoting and the delimiter`,
      { file: file.name },
      { file: file.name, line },
    );
  }
}

async function* csvRows(file: SourceFile): AsyncGenerator<SourceRow> {
  let header: string[] | undefined;
  for await (const { line, cells } of csvRecords(file)) {
    if (!header) {
      header = cells.map((c) => c.trim());
      continue;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = cells[i] ?? "";
    });
    if (cells.length !== header.length) {
      const reason = `${cells.length} cells where the header has ${header.length}; check for an unquoted delimiter`;
      yield { line, values, defect: { code: "wrong_cell_count", reason } };
    } else {
      yield { line, values };
    }
  }
}

async function* ndjsonRows(file: SourceFile): AsyncGenerator<SourceRow> {
  let line = 0;
  for await (const text of textLines(file)) {
    line++;
    if (text.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line === 1 ? text.replace(/^\uFEFF/, "") : text);
    } catch (error) {
      const reason = `not JSON (${(error as Error).message}); write one JSON object per line`;
      yield { line, values: {}, defect: { code: "bad_json", reason } };
      continue;
    }
    if (!isRecordObject(parsed)) {
      yield {
        line,
        values: {},
        defect: { code: "not_an_object", reason: "write one JSON object per line: {...}" },
      };
      continue;
    }
    yield { line, values: flattenObject(parsed) };
  }
}

async function* jsonRows(file: SourceFile): AsyncGenerator<SourceRow> {
  let text = "";
  for await (const piece of textPieces(file)) text += piece;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw badJson(file, 1, (error as Error).message);
  }
  if (!Array.isArray(parsed))
    throw badJson(file, 1, "the file must hold an array of objects: [{...}, {...}]");
  const lines = elementLines(text);
  for (let i = 0; i < parsed.length; i++) {
    const line = lines[i] ?? 1;
    const item: unknown = parsed[i];
    if (isRecordObject(item)) yield { line, values: flattenObject(item) };
    else
      yield {
        line,
        values: {},
        defect: { code: "not_an_object", reason: "each array item must be an object" },
      };
  }
}

function badJson(file: SourceFile, line: number, reason: string): CrmKpiError {
  return new CrmKpiError(
    "import_bad_file",
    `${file.name}:${line}: ${reason}; each record must be a JSON object`,
    { file: file.name },
    { file: file.name, line },
  );
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flattenObject(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, cell] of Object.entries(value)) {
    if (cell === null || cell === undefined) out[key] = "";
    else if (typeof cell === "object") out[key] = JSON.stringify(cell);
    else out[key] = String(cell);
  }
  return out;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** The line on which each element of a top-level JSON array starts. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && expectElement && ch !== undefined && !/\s/.test(ch) && ch !== "]") {
      lines.push(line);
      expectElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (ch === "]" || ch === "}") depth--;
    else if (ch === "," && depth === 1) expectElement = true;
  }
  return lines;
}
