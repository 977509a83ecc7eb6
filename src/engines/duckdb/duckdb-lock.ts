/**
 * DuckDB lets one process write a file or several read it, never both; a
 * second process gets "Could not set lock on file ... Conflicting lock is
 * held in /usr/bin/node (PID 1234)". These helpers recognise that error, name
 * the holder and retry the open for a while.
 */

/** Whether DuckDB refused to open a file because another process holds it. */
export function isLockConflict(error: unknown): boolean {
  return error instanceof Error && /Could not set lock on file|Conflicting lock/i.test(error.message);
}

/** The process id DuckDB names in its lock error, if any. */
export function lockHolderPid(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /\(PID (\d+)\)/i.exec(error.message);
  return match ? Number(match[1]) : undefined;
}

export interface RetryOptions {
  /** Give up this long after the first attempt; 0 tries once. */
  readonly waitMs: number;
  /** Called on each lock conflict; throwing from it stops waiting (a server will not let go). */
  readonly onConflict?: (error: unknown) => Promise<void>;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 1000;

/**
 * Runs `open` until it does not fail with a lock conflict or `waitMs` has
 * passed (backing off from 50 ms to 1 s); then rethrows the last conflict.
 *
 * @example await retryWhileLocked(() => DuckDBInstance.create(file), { waitMs: 5000 })
 */
export async function retryWhileLocked<T>(open: () => Promise<T>, options: RetryOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + Math.max(0, options.waitMs);
  let delay = FIRST_DELAY_MS;
  for (;;) {
    try {
      return await open();
    } catch (error) {
      if (!isLockConflict(error)) throw error;
      await options.onConflict?.(error);
      const left = deadline - now();
      if (left <= 0) throw error;
      await sleep(Math.min(delay, left));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }
}
