import type { CliIo } from "./cli-io.js";

/** A CliIo that keeps what the CLI writes, for in-process tests. */
export interface CapturedIo extends CliIo {
  out(): string;
  err(): string;
}

export function captureIo(env: Record<string, string | undefined> = {}): CapturedIo {
  let stdout = "";
  let stderr = "";
  return {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env,
    isTTY: false,
    out: () => stdout,
    err: () => stderr,
  };
}
