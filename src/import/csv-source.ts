import { createReadStream, statSync } from "node:fs";
import { parse } from "csv-parse";
import type { EntityName } from "../core/model/entities.js";
import type { RawRecord, RawSource } from "./raw-record.js";

/**
 * A canonical CSV file as a stream of raw records: UTF-8 with or without a
 * BOM, LF or CRLF, RFC 4180 quoting (cells may span lines). `line` is the
 * physical line where a record starts; csv-parse's own line counter counts a
 * CRLF inside quotes twice and costs an object per record, so we count.
 */
export function csvSource(entity: EntityName, path: string, file: string): RawSource {
  let bytesRead = 0;
  const bytesTotal = statSync(path).size;
  const open = () => {
    const stream = createReadStream(path, { highWaterMark: 1 << 20 });
    stream.on("data", (chunk) => {
      bytesRead += chunk.length;
    });
    return stream.pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true }));
  };
  return {
    entity,
    file,
    progress: () => ({ bytesRead, bytesTotal }),
    async columns() {
      const parser = open();
      try {
        for await (const record of parser as AsyncIterable<string[]>) return record.map((c) => c.trim());
        return [];
      } finally {
        parser.destroy();
      }
    },
    async *records(): AsyncGenerator<RawRecord> {
      bytesRead = 0;
      let header: string[] | undefined;
      let line = 1;
      for await (const cells of open() as AsyncIterable<string[]>) {
        const start = line;
        line += 1 + countLineBreaks(cells);
        if (!header) {
          header = cells.map((c) => c.trim());
          continue;
        }
        if (cells.length === 1 && header.length > 1 && (cells[0] ?? "").trim() === "") continue;
        const values: Record<string, string | undefined> = {};
        const n = Math.min(cells.length, header.length);
        for (let i = 0; i < n; i++) values[header[i] as string] = cells[i];
        if (cells.length === header.length) {
          yield { entity, file, line: start, values };
        } else {
          const missing = header[cells.length];
          yield {
            entity,
            file,
            line: start,
            values,
            defect: {
              code: "wrong_cell_count",
              ...(missing === undefined ? {} : { column: missing }),
              value: String(cells.length),
              reason: `the row has ${cells.length} cells but the header has ${header.length}; check for a missing or extra separator or an unclosed quote`,
            },
          };
        }
      }
    },
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
