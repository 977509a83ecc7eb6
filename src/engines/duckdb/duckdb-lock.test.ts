import { describe, expect, it } from "vitest";
import { isLockConflict, lockHolderPid, retryWhileLocked } from "./duckdb-lock.js";

const LOCK = new Error(
  'IO Error: Could not set lock on file "/tmp/x.duckdb": Conflicting lock is held in /usr/bin/node (PID 4242). See also https://duckdb.org/docs/stable/connect/concurrency',
);

describe("DuckDB lock errors", () => {
  it("recognises the conflict and names the holder", () => {
    expect(isLockConflict(LOCK)).toBe(true);
    expect(lockHolderPid(LOCK)).toBe(4242);
    expect(isLockConflict(new Error("Catalog Error: Table x does not exist"))).toBe(false);
  });

  it("retries with backoff until the lock goes, on a fake clock", async () => {
    let clock = 0;
    const sleeps: number[] = [];
    let attempts = 0;
    const value = await retryWhileLocked(
      async () => {
        attempts++;
        if (attempts < 4) throw LOCK;
        return "open";
      },
      {
        waitMs: 10_000,
        now: () => clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock += ms;
        },
      },
    );
    expect(value).toBe("open");
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it("gives up after the wait and rethrows; other errors at once", async () => {
    let clock = 0;
    const options = {
      waitMs: 300,
      now: () => clock,
      sleep: async (ms: number) => {
        clock += ms;
      },
    };
    await expect(retryWhileLocked(() => Promise.reject(LOCK), options)).rejects.toBe(LOCK);
    expect(clock).toBe(300);
    let attempts = 0;
    const other = new Error("disk full");
    await expect(
      retryWhileLocked(() => {
        attempts++;
        return Promise.reject(other);
      }, options),
    ).rejects.toBe(other);
    expect(attempts).toBe(1);
  });
});
