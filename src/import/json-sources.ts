import { statSync } from "node:fs";
import type { EntityName } from "../core/model/entities.js";
import type { RawRecord, RawSource } from "./raw-record.js";
import { decodedText } from "./text-decoding.js";

/** How to read the file's bytes (the CSV options' separator does not apply). */
export interface JsonOptions {
  readonly encoding?: string;
}

/**
 * NDJSON (one object per line) and JSON (one array of objects) files as raw
 * records. Both are streamed: a JSON array is cut into its top-level
 * elements as it is read and each element is parsed on its own, so memory
 * holds one element at a time. Numbers keep the text JSON.parse gives them
 * (write exact money as strings: `"12.50"`); null is an empty cell.
 * `columns()` lists the keys of the first object.
 */
export function ndjsonSource(
  entity: EntityName,
  path: string,
  file: string,
  options: JsonOptions = {},
): RawSource {
  return jsonLikeSource(entity, path, file, splitLines, options);
}

export function jsonArraySource(
  entity: EntityName,
  path: string,
  file: string,
  options: JsonOptions = {},
): RawSource {
  return jsonLikeSource(entity, path, file, splitArrayElements, options);
}

/** A piece of text holding one record, and the line where it starts. */
interface Piece {
  readonly text: string;
  readonly line: number;
}

type Splitter = (chunks: AsyncIterable<string>, file: string) => AsyncGenerator<Piece>;

function jsonLikeSource(
  entity: EntityName,
  path: string,
  file: string,
  split: Splitter,
  options: JsonOptions,
): RawSource {
  let bytesRead = 0;
  const bytesTotal = statSync(path).size;
  function chunks(): AsyncGenerator<string> {
    // Strict decoding: bad bytes are an error naming the line, and the BOM is dropped.
    return decodedText(path, file, {
      ...(options.encoding ? { encoding: options.encoding } : {}),
      highWaterMark: 1 << 20,
      onBytes: (n) => {
        bytesRead += n;
      },
    });
  }
  const source: RawSource = {
    entity,
    file,
    progress: () => ({ bytesRead, bytesTotal }),
    async columns() {
      for await (const record of source.records()) {
        if (!record.defect) return Object.keys(record.values);
      }
      return [];
    },
    async *records(): AsyncGenerator<RawRecord> {
      bytesRead = 0;
      for await (const piece of split(chunks(), file)) yield toRecord(entity, file, piece);
    },
  };
  return source;
}

function toRecord(entity: EntityName, file: string, piece: Piece): RawRecord {
  let parsed: unknown;
  try {
    parsed = JSON.parse(piece.text);
  } catch (error) {
    return {
      entity,
      file,
      line: piece.line,
      values: {},
      defect: {
        code: "bad_json",
        value: piece.text.slice(0, 80),
        reason: `not valid JSON (${(error as Error).message}); fix the syntax of this record`,
        messageKey: "importer.row.badJson",
      },
    };
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return {
      entity,
      file,
      line: piece.line,
      values: {},
      defect: {
        code: "not_an_object",
        value: piece.text.slice(0, 80),
        reason: 'each record must be a JSON object such as {"customer_id": "C1", ...}',
        messageKey: "importer.row.notAnObject",
      },
    };
  }
  const values: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    values[key] = cellText(value);
  }
  return { entity, file, line: piece.line, values };
}

function cellText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

async function* splitLines(chunks: AsyncIterable<string>): AsyncGenerator<Piece> {
  let rest = "";
  let line = 1;
  for await (const chunk of chunks) {
    const text = rest + chunk;
    let start = 0;
    for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
      const body = text.slice(start, nl).trim();
      if (body !== "") yield { text: body, line };
      line++;
      start = nl + 1;
    }
    rest = text.slice(start);
  }
  const body = rest.trim();
  if (body !== "") yield { text: body, line };
}

/**
 * Cuts `[ {...}, {...} ]` into element texts by tracking strings and nesting;
 * JSON.parse then validates each element. Text outside the array, or a
 * missing `[`, yields one bad piece so the file reports where it breaks.
 */
async function* splitArrayElements(chunks: AsyncIterable<string>): AsyncGenerator<Piece> {
  let state = "before" as "before" | "between" | "inside" | "after";
  let depth = 0; // 1 = inside the outer array
  let inString = false;
  let escaped = false;
  let line = 1;
  let elementLine = 1;
  let parts: string[] = [];
  for await (const chunk of chunks) {
    let elementStart = state === "inside" ? 0 : -1;
    const finish = (end: number): Piece => {
      parts.push(chunk.slice(elementStart, end));
      const piece = { text: parts.join("").trim(), line: elementLine };
      parts = [];
      elementStart = -1;
      return piece;
    };
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (state === "inside") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
        } else if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          if (depth === 1) {
            yield finish(i);
            state = "after";
          } else if (--depth === 1) {
            yield finish(i + 1);
            state = "between";
          }
        } else if (c === 44 && depth === 1) {
          yield finish(i);
          state = "between";
        }
        continue;
      }
      if (c === 32 || c === 9 || c === 10 || c === 13) continue;
      if (state === "before" && c === 91) {
        state = "between";
        depth = 1;
      } else if (state === "between" && c === 44) {
        // a separator between elements
      } else if (state === "between" && c === 93) {
        state = "after";
      } else if (state === "between") {
        state = "inside";
        elementStart = i;
        elementLine = line;
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth = 2;
      } else {
        yield { text: chunk.slice(i, i + 80), line };
        return;
      }
    }
    if (state === "inside" && elementStart >= 0) parts.push(chunk.slice(elementStart));
  }
  if (state === "inside") yield { text: parts.join("").trim(), line: elementLine };
  else if (state !== "after") yield { text: "(end of file)", line };
}
