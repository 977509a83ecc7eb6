import { statSync } from "node:fs";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { type EntityName, entityDef } from "../core/model/entities.js";
import { CsvTokenizer } from "./csv-tokenizer.js";
import {
  type CellBatch,
  cellValues,
  type RawRecord,
  type RawSource,
  type RecordDefect,
} from "./raw-record.js";
import { decodedText } from "./text-decoding.js";

/** How to read a CSV file; both default to what DATA_MODEL.md calls canonical. */
export interface CsvOptions {
  /** WHATWG encoding label (default UTF-8; a byte order mark overrides it). */
  readonly encoding?: string;
  /** Cell separator: `,` (default), `;` or a tab. */
  readonly delimiter?: string;
}

const NUMERIC_KINDS = new Set(["money", "decimal", "number", "integer"]);

/** Records of a CSV file in reading order, header included. */
interface LineBatch {
  readonly rows: string[][];
  readonly lines: number[];
}

/**
 * A CSV file as a stream of raw records: UTF-8 with or without a BOM (or
 * the encoding in `options`, or UTF-16 with a BOM), LF or CRLF, RFC 4180
 * quoting (cells may span lines). `line` is the physical line where a
 * record starts. Well-formed files go through our `CsvTokenizer`; from the
 * first record it cannot read, csv-parse (with relaxed quotes) takes over,
 * so odd files read as they always did.
 */
export function csvSource(
  entity: EntityName,
  path: string,
  file: string,
  options: CsvOptions = {},
): RawSource {
  let bytesRead = 0;
  const bytesTotal = statSync(path).size;
  const delimiter = options.delimiter ?? ",";
  // Only a comma separator splits `1.234,50` into two cells.
  const numeric = new Set(
    delimiter === ","
      ? entityDef(entity)
          .columns.filter((c) => NUMERIC_KINDS.has(c.kind))
          .map((c) => c.name)
      : [],
  );
  const countBytes = (n: number) => {
    bytesRead += n;
  };
  const text = (highWaterMark: number) =>
    decodedText(path, file, {
      ...(options.encoding ? { encoding: options.encoding } : {}),
      highWaterMark,
      onBytes: countBytes,
    });

  async function* allRows(): AsyncGenerator<LineBatch> {
    bytesRead = 0;
    // Small chunks keep each batch of cells short-lived (cheap young-generation GC).
    const tokenizer = new CsvTokenizer(delimiter);
    for await (const piece of text(1 << 17)) {
      tokenizer.push(piece, false);
      if (tokenizer.rows.length > 0) yield { rows: tokenizer.rows, lines: tokenizer.lines };
      if (tokenizer.failed) break;
    }
    if (!tokenizer.failed) {
      tokenizer.push("", true);
      if (tokenizer.rows.length > 0) yield { rows: tokenizer.rows, lines: tokenizer.lines };
    }
    if (tokenizer.failed) yield* parseWithCsvParse(tokenizer.count);
  }

  /** csv-parse from the start, skipping the first `skip` records (already read). */
  async function* parseWithCsvParse(skip: number): AsyncGenerator<LineBatch> {
    // csv-parse reads bytes as UTF-8: hand it the decoded text re-encoded.
    const stream = Readable.from(text(1 << 20));
    const parser = stream.pipe(parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true }));
    // pipe() does not pass errors on: a decoding error must end the parse too.
    stream.on("error", (error) => parser.destroy(error));
    let line = 1;
    let index = 0;
    try {
      for await (const cells of parser as AsyncIterable<string[]>) {
        const start = line;
        line += 1 + countLineBreaks(cells);
        if (index++ < skip) continue;
        yield { rows: [cells], lines: [start] };
      }
    } finally {
      parser.destroy();
      stream.destroy();
    }
  }

  async function* cellBatches(): AsyncGenerator<CellBatch> {
    let header: string[] | undefined;
    for await (const batch of allRows()) {
      let first = 0;
      if (!header) {
        header = (batch.rows[0] as string[]).map((c) => c.trim());
        first = 1;
      }
      const width = header.length;
      const rows: string[][] = [];
      const lines: number[] = [];
      const defects: (RecordDefect | undefined)[] = [];
      for (let k = first; k < batch.rows.length; k++) {
        const cells = batch.rows[k] as string[];
        if (cells.length !== width) {
          if (cells.length === 1 && width > 1 && (cells[0] as string).trim() === "") continue;
          defects[rows.length] = cellCountDefect(header, cells, numeric);
        }
        rows.push(cells);
        lines.push(batch.lines[k] as number);
      }
      if (rows.length > 0) yield { header, rows, lines, defects };
    }
  }

  return {
    entity,
    file,
    delimiter,
    csvFile: { path, encoding: options.encoding },
    progress: () => ({ bytesRead, bytesTotal }),
    async columns() {
      for await (const batch of allRows()) return (batch.rows[0] as string[]).map((c) => c.trim());
      return [];
    },
    cellBatches,
    async *records(): AsyncGenerator<RawRecord> {
      for await (const batch of cellBatches()) {
        for (let k = 0; k < batch.rows.length; k++) {
          const values = cellValues(batch.header, batch.rows[k] as string[]);
          const defect = batch.defects[k];
          const line = batch.lines[k] as number;
          yield defect ? { entity, file, line, values, defect } : { entity, file, line, values };
        }
      }
    },
  };
}

/** Why a row has the wrong number of cells; may rejoin a split number in `cells`. */
function cellCountDefect(
  header: readonly string[],
  cells: string[],
  numeric: ReadonlySet<string>,
): RecordDefect {
  const count = cells.length;
  const split = splitNumber(header, cells, numeric);
  if (split) return split;
  const missing = header[count];
  return {
    code: "wrong_cell_count",
    ...(missing === undefined ? {} : { column: missing }),
    value: String(count),
    reason: `the row has ${count} cells but the header has ${header.length}; check for a missing or extra separator or an unclosed quote`,
    messageKey: "importer.row.wrongCellCount",
    params: { cells: count, expected: header.length },
  };
}

const INTEGER_PART = /^[+-]?\d{1,3}(?:\.\d{3})*$|^[+-]?\d+$/;
const FRACTION_PART = /^\d+$/;

/**
 * An unquoted `1.234,50` in a numeric column splits the row at its comma:
 * one cell too many, `1.234` and `50` side by side. Naming the column says
 * what to fix where "wrong number of cells" would not. The two cells are
 * joined again so that the columns after it do not report errors too.
 */
function splitNumber(
  header: readonly string[],
  cells: string[],
  numeric: ReadonlySet<string>,
): RecordDefect | undefined {
  if (cells.length !== header.length + 1) return undefined;
  for (let i = 0; i < header.length; i++) {
    const column = header[i] as string;
    const whole = (cells[i] as string).trim();
    const fraction = (cells[i + 1] as string).trim();
    if (!numeric.has(column) || !INTEGER_PART.test(whole) || !FRACTION_PART.test(fraction)) continue;
    const value = `${whole},${fraction}`;
    cells.splice(i, 2, value);
    return {
      code: "bad_number",
      column,
      value,
      reason: `${value} looks like a number with a comma as the decimal point, which split the row into one cell too many; quote the cell or write it as ${whole.replace(/\./g, "")}.${fraction}`,
      messageKey: "importer.row.commaDecimal",
      params: { suggestion: `${whole.replace(/\./g, "")}.${fraction}` },
    };
  }
  return undefined;
}

function countLineBreaks(cells: readonly string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.indexOf("\n") < 0 && cell.indexOf("\r") < 0) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 10) breaks++;
      else if (c === 13 && cell.charCodeAt(i + 1) !== 10) breaks++;
    }
  }
  return breaks;
}
