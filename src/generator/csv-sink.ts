import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";

export type Cell = string | number | undefined;

const CHUNK_CHARS = 1 << 18;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes one CSV file row by row. Rows collect in a small text chunk that is
 * handed to the stream when full; `drain()` waits for the stream when it is
 * backed up, so memory stays flat however large the file grows.
 */
export class CsvSink {
  rows = 0;
  private chunk = "";
  private readonly stream: WriteStream;

  constructor(path: string, columns: readonly string[]) {
    this.stream = createWriteStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
    this.chunk = `${columns.join(",")}\n`;
  }

  /** Adds a row; `undefined` is an empty cell. */
  write(cells: readonly Cell[]): void {
    let line = "";
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (i > 0) line += ",";
      if (cell === undefined) continue;
      const text = typeof cell === "number" ? String(cell) : cell;
      line += NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    }
    this.chunk += `${line}\n`;
    this.rows++;
    if (this.chunk.length >= CHUNK_CHARS) this.flushChunk();
  }

  /** True when the caller should `await drain()` before writing more. */
  get needsDrain(): boolean {
    return this.stream.writableNeedDrain;
  }

  async drain(): Promise<void> {
    // writableNeedDrain (not a flag of ours) so a drain that fired while we awaited another file is seen
    if (this.stream.writableNeedDrain) await once(this.stream, "drain");
  }

  /** Flushes what is left and closes the file; resolves with the bytes written. */
  async close(): Promise<number> {
    this.flushChunk();
    this.stream.end();
    await once(this.stream, "finish");
    return this.stream.bytesWritten;
  }

  private flushChunk(): void {
    if (this.chunk.length === 0) return;
    this.stream.write(this.chunk);
    this.chunk = "";
  }
}
