/**
 * Results per dataset version: a key holds only for the version it was
 * computed on, so a write (import, merge, undo, settings) never serves a stale
 * answer. Concurrent requests for one key share one computation.
 */
export class ResultCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private version = -1;

  constructor(private readonly maxEntries = 200) {}

  get(version: number, key: unknown, compute: () => Promise<T>): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const text = JSON.stringify(key);
    const hit = this.entries.get(text);
    if (hit) return hit;
    const pending = compute();
    this.entries.set(text, pending);
    // A failure is not remembered; the oldest entry goes when the cache is full.
    pending.catch(() => this.entries.delete(text));
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return pending;
  }
}
