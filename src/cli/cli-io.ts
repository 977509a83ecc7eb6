/** Where the CLI writes: `process.stdout`/`process.stderr` in the bin, string buffers in tests. */
export interface TextSink {
  write(chunk: string): unknown;
}

export interface CliIo {
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal: progress bars are drawn only then. */
  readonly isTTY: boolean;
}

/** Writes one line (a trailing newline added) to a sink. */
export function writeLine(sink: TextSink, line = ""): void {
  sink.write(`${line}\n`);
}
