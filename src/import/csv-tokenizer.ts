/**
 * A fast CSV tokenizer for the well-formed common case: RFC 4180 quoting,
 * one record delimiter for the whole file (LF or CRLF, the first one seen),
 * one cell separator (a comma unless the constructor says otherwise).
 * It gives up (`failed`) on anything csv-parse would read in a special way
 * (a quote inside an unquoted cell, text after a closing quote, a lone CR,
 * mixed line endings, an unclosed quote at the end), and the caller then
 * re-reads the file with csv-parse from the record where it gave up. Records
 * before that point are exactly what csv-parse yields for them.
 */
export class CsvTokenizer {
  /** Records of the last `push`, and the physical line where each starts. */
  rows: string[][] = [];
  lines: number[] = [];
  /** Set when the input needs csv-parse; `rows` then holds the records before the problem. */
  failed = false;
  /** Records completed so far, over all pushes. */
  count = 0;
  private rest = "";
  private line = 1;
  private crlf: boolean | undefined;
  private started = false;
  private readonly separator: number;

  /** `separator`: one character, such as `,`, `;` or a tab. */
  constructor(separator = ",") {
    this.separator = separator.charCodeAt(0);
  }

  /** Tokenizes the next piece of text; `final` marks the end of the input. */
  push(chunk: string, final: boolean): void {
    this.rows = [];
    this.lines = [];
    if (this.failed) return;
    let text = this.rest === "" ? chunk : this.rest + chunk;
    if (!this.started && text !== "") {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const end = text.length;
    const sep = this.separator;
    let pos = 0;
    let cells: string[] = [];
    let recordStart = 0;
    let breaks = 0; // line breaks inside quoted cells of the current record
    let i = 0;
    for (;;) {
      // At the start of a cell.
      if (i >= end) {
        // Input ends at a cell start: after a separator, or at a record start.
        if (!final) break;
        if (i > recordStart || cells.length > 0) {
          cells.push("");
          this.emit(cells, breaks);
        }
        pos = end;
        break;
      }
      let c = text.charCodeAt(i);
      if (c === 34) {
        // Quoted cell: find the closing quote, unescaping "" pairs.
        let value = "";
        let from = i + 1;
        let j = from;
        let closed = -1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) break;
          if (q + 1 < end && text.charCodeAt(q + 1) === 34) {
            value += text.slice(from, q + 1);
            from = q + 2;
            j = from;
            continue;
          }
          if (q + 1 >= end && !final) break; // cannot tell "" from " yet
          closed = q;
          break;
        }
        if (closed < 0) {
          if (final) this.failed = true; // unclosed quote: csv-parse reports it
          break;
        }
        value += text.slice(from, closed);
        breaks += countBreaks(text, i + 1, closed);
        i = closed + 1;
        if (i >= end) {
          if (!final) break;
          cells.push(value);
          this.emit(cells, breaks);
          pos = end;
          break;
        }
        c = text.charCodeAt(i);
        cells.push(value);
        if (c === sep) {
          i++;
          continue;
        }
        const next = this.recordEnd(text, i, end, final);
        if (next === -2) break;
        if (next < 0) {
          this.failed = true;
          break;
        }
        this.emit(cells, breaks);
        cells = [];
        breaks = 0;
        i = next;
        pos = recordStart = next;
        continue;
      }
      // Unquoted cell: up to the next separator or line break.
      let j = i;
      while (j < end) {
        c = text.charCodeAt(j);
        if (c === sep || c === 10 || c === 13) break;
        if (c === 34) {
          this.failed = true;
          break;
        }
        j++;
      }
      if (this.failed) break;
      if (j >= end) {
        if (!final) break;
        cells.push(text.slice(i, j));
        this.emit(cells, breaks);
        pos = end;
        break;
      }
      cells.push(text.slice(i, j));
      if (c === sep) {
        i = j + 1;
        continue;
      }
      const next = this.recordEnd(text, j, end, final);
      if (next === -2) break;
      if (next < 0) {
        this.failed = true;
        break;
      }
      this.emit(cells, breaks);
      cells = [];
      breaks = 0;
      i = next;
      pos = recordStart = next;
    }
    this.rest = this.failed ? "" : text.slice(pos);
  }

  /**
   * Where the next record starts after the delimiter at `i`; -1 when the
   * delimiter is not the file's, -2 when more input is needed to tell.
   */
  private recordEnd(text: string, i: number, end: number, final: boolean): number {
    const c = text.charCodeAt(i);
    if (c === 10) {
      this.crlf ??= false;
      return this.crlf ? -1 : i + 1;
    }
    if (c !== 13) return -1;
    if (i + 1 >= end) return final ? -1 : -2;
    if (text.charCodeAt(i + 1) !== 10) return -1;
    this.crlf ??= true;
    return this.crlf ? i + 2 : -1;
  }

  private emit(cells: string[], breaks: number): void {
    this.rows.push(cells);
    this.lines.push(this.line);
    this.line += 1 + breaks;
    this.count++;
  }
}

/** Line breaks in `text[from, to)` as csv-source counts them: CRLF, LF or a lone CR each count once. */
function countBreaks(text: string, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) breaks++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) breaks++;
  }
  return breaks;
}

/**
 * A copy of a cell that does not keep its chunk alive. V8 keeps a substring
 * of 13+ characters as a view into its parent, so a cell kept for the whole
 * import (an id, an error's value) would pin a 128 KB chunk of the file.
 */
export function detachString(cell: string): string {
  return cell.length < 13 ? cell : ` ${cell}`.slice(1);
}
