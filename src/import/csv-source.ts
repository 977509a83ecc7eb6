import { createReadStream, statSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { parse } from "csv-parse";
import type { EntityName } from "../core/model/entities.js";
import { CsvTokenizer } from "./csv-tokenizer.js";
import {
  type CellBatch,
  cellValues,
  type RawRecord,
  type RawSource,
  type RecordDefect,
} from "./raw-record.js";

/** Records of a CSV file in reading order, header included. */
interface LineBatch {
  readonly rows: string[][];
  readonly lines: number[];
}

/**
 * A canonical CSV file as a stream of raw records: UTF-8 with or without a
 * BOM, LF or CRLF, RFC 4180 quoting (cells may span lines). `line` is the
 * physical line where a record starts. Well-formed files go through our
 * `CsvTokenizer`; from the first record it cannot read, csv-parse (with
 * relaxed quotes) takes over, so odd files read as they always did.
 */
export function csvSource(entity: EntityName, path: string, file: string): RawSource {
  let bytesRead = 0;
  const bytesTotal = statSync(path).size;

  async function* allRows(): AsyncGenerator<LineBatch> {
    bytesRead = 0;
    // Small chunks keep each batch of cells short-lived (cheap young-generation GC).
    const stream = createReadStream(path, { highWaterMark: 1 << 17 });
    const decoder = new StringDecoder("utf8");
    const tokenizer = new CsvTokenizer();
    try {
      for await (const buffer of stream as AsyncIterable<Buffer>) {
        bytesRead += buffer.length;
        tokenizer.push(decoder.write(buffer), false);
        if (tokenizer.rows.length > 0) yield { rows: tokenizer.rows, lines: tokenizer.lines };
        if (tokenizer.failed) break;
      }
      if (!tokenizer.failed) {
        tokenizer.push(decoder.end(), true);
        if (tokenizer.rows.length > 0) yield { rows: tokenizer.rows, lines: tokenizer.lines };
      }
    } finally {
      stream.destroy();
    }
    if (tokenizer.failed) yield* parseWithCsvParse(tokenizer.count);
  }

  /** csv-parse from the start, skipping the first `skip` records (already read). */
  async function* parseWithCsvParse(skip: number): AsyncGenerator<LineBatch> {
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on("data", (chunk) => {
      bytesRead += chunk.length;
    });
    const parser = stream.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
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
          defects[rows.length] = cellCountDefect(header, cells.length);
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

function cellCountDefect(header: readonly string[], count: number): RecordDefect {
  const missing = header[count];
  return {
    code: "wrong_cell_count",
    ...(missing === undefined ? {} : { column: missing }),
    value: String(count),
    reason: `the row has ${count} cells but the header has ${header.length}; check for a missing or extra separator or an unclosed quote`,
  };
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
