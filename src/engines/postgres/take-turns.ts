/**
 * A queue of turns: `run` starts `work` once every earlier turn has ended.
 * PGlite has one backend for all its sessions, so two sessions' transactions
 * must not interleave there: each takes a turn (the PostgreSQL server runs
 * them side by side instead).
 */
export class TakeTurns {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.last.then(work);
    // A failed turn still ends; its caller sees the failure.
    this.last = turn.catch(() => undefined);
    return turn;
  }
}
