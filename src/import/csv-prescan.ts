import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";

/**
 * What the fast import path needs to know about a CSV file before an engine
 * reads it: that our `CsvTokenizer` would read it whole and plainly, and
 * where each record starts. Found by one pass over the bytes (no strings).
 */
export interface CsvLayout {
  /** Cells per record (the header's). */
  readonly width: number;
  /** Data records (header excluded). */
  readonly records: number;
  readonly lineBreak: "\n" | "\r\n";
  /**
   * Where records stop starting at `index + 2` because earlier quoted cells
   * hold line breaks: from data record `index` on, the line is
   * `index + 2 + extra`. Sorted; empty when no cell spans lines.
   */
  readonly shifts: readonly { readonly index: number; readonly extra: number }[];
  /**
   * Data records with a cell that may start or end with whitespace, which
   * the validator trims (a superset: some non-space characters share the
   * bytes looked at). Ascending.
   */
  readonly trims: readonly number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The layout of a UTF-8 CSV file, or null when the file needs the general
 * reader: anything the tokenizer gives up on (a quote inside an unquoted
 * cell, text after a closing quote, a lone CR, mixed line endings, an
 * unclosed quote), a quote in the header, a blank line, a record with
 * another number of cells than the header, a NUL byte, bytes that are not
 * UTF-8 (the decoder names the line), a UTF-16 byte order mark, or no data
 * record at all. A UTF-8 byte order mark is skipped.
 *
 * @example const layout = await scanCsvLayout("orders.csv", ",")
 */
export async function scanCsvLayout(path: string, delimiter: string): Promise<CsvLayout | null> {
  const sep = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || sep >= 0x80 || sep === QUOTE || sep === LF || sep === CR) return null;
  const handle = await open(path, "r");
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const scanner = new LayoutScanner(sep);
    // Bytes are scanned in pieces that end at a line feed: UTF-8 is never cut mid-character,
    // and an unquoted cell never spans two pieces (the scanner reads it in one go).
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    const scanPiece = (piece: Buffer): boolean => {
      if (!isUtf8(piece)) return false;
      let from = 0;
      if (first) {
        first = false;
        if (piece.length >= 3 && piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf) from = 3;
      }
      return scanner.scan(piece, from, piece.length);
    };
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      if (read === 0 && (chunk[0] === 0xfe || chunk[0] === 0xff)) return null;
      read += bytesRead;
      const lf = chunk.lastIndexOf(LF, bytesRead - 1);
      if (lf < 0) {
        carry = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
        continue;
      }
      const head = chunk.subarray(0, lf + 1);
      if (!scanPiece(carry.length === 0 ? head : Buffer.concat([carry, head]))) return null;
      carry = Buffer.from(chunk.subarray(lf + 1, bytesRead));
    }
    if (carry.length > 0 && !scanPiece(carry)) return null;
    return scanner.finish();
  } finally {
    await handle.close();
  }
}

/**
 * The byte scan of `scanCsvLayout`. Its state lives in fields between
 * chunks and in locals within one (closures over mutable variables would
 * make the loop several times slower).
 */
class LayoutScanner {
  private inQuotes = false;
  /** Just after a quote inside a quoted cell: `""` or the closing one. */
  private afterQuote = false;
  private cellStart = true;
  /** A CR outside quotes: the next byte must be LF. */
  private pendingCr = false;
  /** 0: no line break seen yet, 1: LF, 2: CRLF. */
  private lineEnding = 0;
  private cells = 1;
  private recordBreaks = 0;
  /** No byte of the record read yet. */
  private recordEmpty = true;
  private recordTrims = false;
  /** Records so far; 0 = the header. */
  private record = 0;
  private width = 0;
  private extra = 0;
  /** The current cell's length and last three bytes, to see whitespace at its edges. */
  private cellLength = 0;
  private b1 = 0;
  private b2 = 0;
  private b3 = 0;
  private readonly shifts: { index: number; extra: number }[] = [];
  private readonly trims: number[] = [];

  /** 1 for the bytes that end an unquoted cell's run: the separator, LF, CR, a quote, NUL. */
  private readonly stops = new Uint8Array(256);

  constructor(private readonly sep: number) {
    for (const b of [sep, LF, CR, QUOTE, 0]) this.stops[b] = 1;
  }

  /** Scans `chunk[from, to)`; false when the file needs the general reader. */
  scan(chunk: Buffer, from: number, to: number): boolean {
    const sep = this.sep;
    const stops = this.stops;
    let inQuotes = this.inQuotes;
    let afterQuote = this.afterQuote;
    let cellStart = this.cellStart;
    let pendingCr = this.pendingCr;
    let cells = this.cells;
    let recordBreaks = this.recordBreaks;
    let recordEmpty = this.recordEmpty;
    let recordTrims = this.recordTrims;
    let cellLength = this.cellLength;
    let b1 = this.b1;
    let b2 = this.b2;
    let b3 = this.b3;
    let ok = true;
    for (let i = from; i < to; i++) {
      const c = chunk[i] as number;
      if (c === 0) {
        ok = false;
        break;
      }
      let lineEnd = 0; // 1: LF, 2: CRLF ends the record here
      if (pendingCr) {
        pendingCr = false;
        if (c !== LF) {
          ok = false; // a lone CR
          break;
        }
        lineEnd = 2;
      } else if (inQuotes) {
        if (!afterQuote) {
          if (c === QUOTE) {
            afterQuote = true;
            continue;
          }
          // CRLF, LF and a lone CR are one line break each, as the tokenizer counts them
          if (c === CR || (c === LF && b1 !== CR)) recordBreaks++;
          if (cellLength === 0 && mayStartWithSpace(c)) recordTrims = true;
          b3 = b2;
          b2 = b1;
          b1 = c;
          cellLength++;
          continue;
        }
        afterQuote = false;
        if (c === QUOTE) {
          // "" inside quotes
          b3 = b2;
          b2 = b1;
          b1 = c;
          cellLength++;
          continue;
        }
        inQuotes = false; // the quote before closed the cell: a separator or a record end only
        if (c !== sep && c !== LF && c !== CR) {
          ok = false;
          break;
        }
      }
      if (lineEnd === 0) {
        if (c === sep || c === LF || c === CR) {
          if (cellLength > 0 && mayEndWithSpace(b1, b2, b3)) recordTrims = true;
          cellLength = 0;
          b1 = b2 = b3 = 0;
          if (c === sep) {
            cells++;
            cellStart = true;
            recordEmpty = false;
            continue;
          }
          if (c === CR) {
            pendingCr = true;
            continue;
          }
          lineEnd = 1;
        } else {
          recordEmpty = false;
          if (c === QUOTE) {
            if (!cellStart || this.record === 0) {
              ok = false; // a quote inside an unquoted cell, or in the header
              break;
            }
            inQuotes = true;
            cellStart = false;
            continue;
          }
          cellStart = false;
          if (cellLength === 0 && mayStartWithSpace(c)) recordTrims = true;
          // The rest of an unquoted cell in one go (it ends in this piece: pieces end at a line feed).
          let j = i + 1;
          while (j < to && stops[chunk[j] as number] === 0) j++;
          const length = j - i;
          b1 = chunk[j - 1] as number;
          b2 = length >= 2 ? (chunk[j - 2] as number) : 0;
          b3 = length >= 3 ? (chunk[j - 3] as number) : 0;
          cellLength += length;
          i = j - 1;
          continue;
        }
      }
      // A record ends here.
      if (this.lineEnding === 0) this.lineEnding = lineEnd;
      if (this.lineEnding !== lineEnd || (recordEmpty && cells === 1)) {
        ok = false; // mixed line endings, or a blank line
        break;
      }
      if (!this.endRecord(cells, recordBreaks, recordTrims)) {
        ok = false;
        break;
      }
      cells = 1;
      recordBreaks = 0;
      recordEmpty = true;
      recordTrims = false;
      cellStart = true;
    }
    this.inQuotes = inQuotes;
    this.afterQuote = afterQuote;
    this.cellStart = cellStart;
    this.pendingCr = pendingCr;
    this.cells = cells;
    this.recordBreaks = recordBreaks;
    this.recordEmpty = recordEmpty;
    this.recordTrims = recordTrims;
    this.cellLength = cellLength;
    this.b1 = b1;
    this.b2 = b2;
    this.b3 = b3;
    return ok;
  }

  private endRecord(cells: number, breaks: number, trims: boolean): boolean {
    if (this.record === 0) this.width = cells;
    else if (cells !== this.width) return false;
    if (trims && this.record > 0) this.trims.push(this.record - 1);
    if (breaks > 0) {
      this.extra += breaks;
      this.shifts.push({ index: this.record, extra: this.extra }); // data record `record` is the one after this one
    }
    this.record++;
    return true;
  }

  /** The layout once every byte was scanned, or null. */
  finish(): CsvLayout | null {
    if (this.pendingCr) return null; // the file ends with a lone CR
    if (this.inQuotes && !this.afterQuote) return null; // unclosed quote
    if (!this.recordEmpty || this.cells > 1) {
      // the last record has no line break after it
      let trims = this.recordTrims;
      if (this.cellLength > 0 && mayEndWithSpace(this.b1, this.b2, this.b3)) trims = true;
      if (!this.endRecord(this.cells, this.recordBreaks, trims)) return null;
    }
    if (this.record < 2) return null; // no data record (or not even a header)
    const shifts = this.shifts;
    if (shifts.at(-1)?.index === this.record - 1) shifts.pop(); // the last record spans lines: no record after it
    return {
      width: this.width,
      records: this.record - 1,
      lineBreak: this.lineEnding === 2 ? "\r\n" : "\n",
      shifts,
      trims: this.trims,
    };
  }
}

/** First byte of a cell that may be (the start of) a character `String.prototype.trim` removes. */
function mayStartWithSpace(c: number): boolean {
  // \t \n \v \f \r, space; lead bytes of U+00A0, U+1680, U+2000-U+205F, U+3000, U+FEFF
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xc2 || c === 0xe1 || c === 0xe2 || c === 0xe3 || c === 0xef
  );
}

/** Last bytes of a cell (`b1` the last) that may end with such a character. */
function mayEndWithSpace(b1: number, b2: number, b3: number): boolean {
  if ((b1 >= 9 && b1 <= 13) || b1 === 32) return true;
  if (b1 === 0xa0 && b2 === 0xc2) return true;
  return (
    isContinuation(b1) && isContinuation(b2) && (b3 === 0xe1 || b3 === 0xe2 || b3 === 0xe3 || b3 === 0xef)
  );
}

function isContinuation(b: number): boolean {
  return b >= 0x80 && b < 0xc0;
}
