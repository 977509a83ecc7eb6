import type { Engine } from "../core/engine.js";
import { type KeptReport, reportReusing } from "../report/reuse-report.js";
import type { ReportRequest, ReportResult } from "../report/run-report.js";

/**
 * The last report of each request the server computed, kept past writes: after an
 * import the next request brings it up to date (report/reuse-report.ts) instead of
 * computing it anew. Few entries: each holds a whole report.
 */
export class KeptReports {
  private readonly entries = new Map<string, KeptReport>();

  constructor(private readonly maxEntries = 20) {}

  async report(engine: Engine, request: ReportRequest): Promise<ReportResult> {
    const key = JSON.stringify(request);
    const reused = await reportReusing(engine, request, this.entries.get(key));
    // Most recently used last, so the oldest goes first.
    this.entries.delete(key);
    if (reused.kept) this.entries.set(key, reused.kept);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return reused.result;
  }
}
