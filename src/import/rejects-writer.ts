import { createWriteStream, type WriteStream } from "node:fs";
import type { ImportIssue } from "./import-issue.js";

/** One line of the rejects file: the row, where it was, every error, and its raw cells. */
export interface RejectedRow {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly reason: string;
  readonly errors: readonly ImportIssue[];
  readonly cells: Readonly<Record<string, string | undefined>> | null;
}

/** Appends rejected rows to an NDJSON file, created on the first one. */
export class RejectsWriter {
  private stream: WriteStream | undefined;
  count = 0;

  constructor(readonly path: string) {}

  async write(errors: readonly ImportIssue[], cells: RejectedRow["cells"]): Promise<void> {
    const first = errors[0];
    if (!first) return;
    this.stream ??= createWriteStream(this.path, { encoding: "utf8" });
    const row: RejectedRow = {
      file: first.file,
      line: first.line,
      column: first.column,
      value: first.value,
      code: first.code,
      reason: first.reason,
      errors,
      cells,
    };
    this.count++;
    if (!this.stream.write(`${JSON.stringify(row)}\n`)) {
      await new Promise<void>((resolve) => this.stream?.once("drain", resolve));
    }
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    await new Promise<void>((resolve, reject) =>
      stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
