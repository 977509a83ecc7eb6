import { createReadStream } from "node:fs";
import { TextDecoder } from "node:util";
import { CrmKpiError } from "../core/errors.js";

/**
 * Reading a data file's bytes as text. Bad bytes are an error naming the
 * file and line, never a silent U+FFFD: a Windows-1256 export read as UTF-8
 * would otherwise import as rows of replacement characters.
 */

export const DEFAULT_ENCODING = "utf-8";

/** The WHATWG name of an encoding label (`latin1` → `windows-1252`); throws when Node does not know it. */
export function checkEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new CrmKpiError("bad_argument", `unknown encoding "${label}"`, {
      messageKey: "importer.error.unknownEncoding",
      value: label,
    });
  }
}

/** The encoding a byte order mark names, and the mark's length. */
function sniffBom(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return undefined;
}

/** Where the last line feed of `bytes` ends (exclusive), or -1; UTF-16 line feeds are two aligned bytes. */
function lastLineEnd(bytes: Buffer, encoding: string, offset: number): number {
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const unit = encoding === "utf-16le" ? [0x0a, 0x00] : [0x00, 0x0a];
    for (let i = bytes.length - 2; i >= 0; i--) {
      if ((offset + i) % 2 === 0 && bytes[i] === unit[0] && bytes[i + 1] === unit[1]) return i + 2;
    }
    return -1;
  }
  // In UTF-8 and the single- and multi-byte legacy encodings, byte 0x0A is only ever a line feed.
  const i = bytes.lastIndexOf(0x0a);
  return i < 0 ? -1 : i + 1;
}

export interface DecodeOptions {
  /** WHATWG label; a byte order mark in the file overrides it. */
  readonly encoding?: string;
  readonly highWaterMark?: number;
  /** Called with the size of every chunk read, for progress bars. */
  readonly onBytes?: (n: number) => void;
}

/**
 * The text of the file at `path` in pieces that end at a line break (the
 * last one may not), decoded strictly. A byte order mark wins over
 * `encoding` and is dropped. Invalid text throws `import_bad_file` naming
 * `file` and the 1-based line of the first bad byte.
 */
export async function* decodedText(
  path: string,
  file: string,
  options: DecodeOptions = {},
): AsyncGenerator<string> {
  const stream = createReadStream(path, { highWaterMark: options.highWaterMark ?? 1 << 17 });
  let encoding = checkEncoding(options.encoding ?? DEFAULT_ENCODING);
  let decoder: TextDecoder | undefined;
  let pending: Buffer[] = [];
  let offset = 0; // bytes after the BOM read so far, up to the current buffer
  let line = 1;
  const decode = (bytes: Buffer): string => {
    decoder ??= new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw badText(file, line + badLineIn(bytes, encoding), encoding);
    }
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) line++;
    return encoding === "windows-1252" ? fixWindows1252(text) : text;
  };
  try {
    let head: Buffer | undefined = Buffer.alloc(0);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.onBytes?.(chunk.length);
      let buffer = chunk;
      if (head !== undefined) {
        // The BOM may straddle tiny chunks: decide once three bytes are in.
        head = Buffer.concat([head, buffer]);
        if (head.length < 3) continue;
        const bom = sniffBom(head);
        if (bom) encoding = bom.encoding;
        buffer = bom ? head.subarray(bom.length) : head;
        head = undefined;
      }
      const end = lastLineEnd(buffer, encoding, offset);
      offset += buffer.length;
      if (end < 0) {
        pending.push(buffer);
        continue;
      }
      pending.push(buffer.subarray(0, end));
      const piece = Buffer.concat(pending);
      pending = [buffer.subarray(end)];
      yield decode(piece);
    }
    if (head !== undefined) {
      const bom = sniffBom(head);
      if (bom) encoding = bom.encoding;
      pending = [bom ? head.subarray(bom.length) : head];
    }
    const rest = Buffer.concat(pending);
    if (rest.length > 0) yield decode(rest);
  } finally {
    stream.destroy();
  }
}

// Node 20's TextDecoder decodes windows-1252 (and latin1, its WHATWG alias) as
// ISO-8859-1, so bytes 0x80–0x9F come out as C1 controls instead of ’ – € ….
// WHATWG's table for those bytes; 0x81, 0x8D, 0x8F, 0x90 and 0x9D stay as they are.
const WINDOWS_1252_C1 = new Map<number, string>(
  (
    [
      [0x80, 0x20ac],
      [0x82, 0x201a],
      [0x83, 0x0192],
      [0x84, 0x201e],
      [0x85, 0x2026],
      [0x86, 0x2020],
      [0x87, 0x2021],
      [0x88, 0x02c6],
      [0x89, 0x2030],
      [0x8a, 0x0160],
      [0x8b, 0x2039],
      [0x8c, 0x0152],
      [0x8e, 0x017d],
      [0x91, 0x2018],
      [0x92, 0x2019],
      [0x93, 0x201c],
      [0x94, 0x201d],
      [0x95, 0x2022],
      [0x96, 0x2013],
      [0x97, 0x2014],
      [0x98, 0x02dc],
      [0x99, 0x2122],
      [0x9a, 0x0161],
      [0x9b, 0x203a],
      [0x9c, 0x0153],
      [0x9e, 0x017e],
      [0x9f, 0x0178],
    ] as const
  ).map(([byte, code]) => [byte, String.fromCharCode(code)]),
);

/** Text decoded as ISO-8859-1, with the C1 range read as windows-1252 (a no-op where Node already does). */
export function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1.get(c.charCodeAt(0)) ?? c);
}

/** How many lines into `bytes` the first undecodable one is (0 = its first line). */
function badLineIn(bytes: Buffer, encoding: string): number {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let start = 0;
  let lines = 0;
  while (start < bytes.length) {
    const end = lineEnd(bytes, start, encoding);
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return lines;
    }
    lines++;
    start = end;
  }
  return lines;
}

/** End (exclusive) of the line starting at `start`, line feed included. */
function lineEnd(bytes: Buffer, start: number, encoding: string): number {
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const [a, b] = encoding === "utf-16le" ? [0x0a, 0x00] : [0x00, 0x0a];
    for (let i = start; i + 1 < bytes.length; i += 2) if (bytes[i] === a && bytes[i + 1] === b) return i + 2;
    return bytes.length;
  }
  const i = bytes.indexOf(0x0a, start);
  return i < 0 ? bytes.length : i + 1;
}

function badText(file: string, line: number, encoding: string): CrmKpiError {
  return new CrmKpiError(
    "import_bad_file",
    `${file}:${line}: the text is not valid ${encoding}`,
    { messageKey: "importer.error.badEncoding", file, line, encoding },
    { file, line },
  );
}
