import { randomUUID } from "node:crypto";
import type { EntityName } from "../../core/model/entities.js";
import type { ImportIssue } from "../../import/import-dataset.js";

export type JobState = "queued" | "running" | "succeeded" | "failed";

export interface JobProgress {
  /** The file being read (its safe base name). */
  readonly file: string;
  readonly rows: number;
  readonly bytes?: number;
  readonly bytesTotal?: number;
}

export interface JobResult {
  readonly rowsByEntity: Record<EntityName, number>;
  readonly rejected: number;
  readonly warnings: number;
  readonly durationMs: number;
}

/** A failure of the job as a whole; sent as an error body in the reader's language (job-json.ts). */
export interface JobFailure {
  readonly cause: unknown;
}

export interface ImportJob {
  readonly id: string;
  readonly state: JobState;
  readonly createdAt: string;
  readonly finishedAt?: string;
  readonly skipInvalid: boolean;
  readonly progress: JobProgress | null;
  readonly result: JobResult | null;
  /** Row errors, at most `maxErrors` of them; `errorCount` is the full number. */
  readonly errors: readonly ImportIssue[];
  readonly errorCount: number;
  readonly failure: JobFailure | null;
}

export type JobEvent =
  | { readonly type: "state"; readonly job: ImportJob }
  | { readonly type: "progress"; readonly job: ImportJob }
  | { readonly type: "done"; readonly job: ImportJob };

type Listener = (event: JobEvent) => void;

export interface JobRegistryOptions {
  /** Jobs kept; the oldest finished one goes first. */
  readonly maxJobs?: number;
  /** Row errors kept per job. */
  readonly maxErrors?: number;
}

/**
 * Import jobs of this process, in memory: a server restart forgets them,
 * which is fine because a job's effect is in the database or nowhere.
 * Listeners get every state change and progress step (the SSE route).
 */
export class JobRegistry {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly listeners = new Map<string, Set<Listener>>();
  readonly maxJobs: number;
  readonly maxErrors: number;

  constructor(options: JobRegistryOptions = {}) {
    this.maxJobs = options.maxJobs ?? 50;
    this.maxErrors = options.maxErrors ?? 500;
  }

  create(skipInvalid: boolean): ImportJob {
    const job: ImportJob = {
      id: randomUUID(),
      state: "queued",
      createdAt: new Date().toISOString(),
      skipInvalid,
      progress: null,
      result: null,
      errors: [],
      errorCount: 0,
      failure: null,
    };
    this.jobs.set(job.id, job);
    this.evict();
    return job;
  }

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  start(id: string): void {
    this.update(id, { state: "running" }, "state");
  }

  progress(id: string, progress: JobProgress): void {
    this.update(id, { progress }, "progress");
  }

  succeed(id: string, result: JobResult, errors: readonly ImportIssue[]): void {
    this.finish(id, { state: "succeeded", result, ...this.cappedErrors(errors) });
  }

  fail(id: string, failure: JobFailure, errors: readonly ImportIssue[] = []): void {
    this.finish(id, { state: "failed", failure, ...this.cappedErrors(errors) });
  }

  /** Calls `listener` on each event of job `id` until the returned function is called. */
  subscribe(id: string, listener: Listener): () => void {
    let set = this.listeners.get(id);
    if (!set) {
      set = new Set();
      this.listeners.set(id, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(id);
    };
  }

  private cappedErrors(errors: readonly ImportIssue[]) {
    return { errors: errors.slice(0, this.maxErrors), errorCount: errors.length };
  }

  private finish(id: string, patch: Partial<ImportJob>): void {
    this.update(id, { ...patch, finishedAt: new Date().toISOString() }, "done");
    this.listeners.delete(id);
  }

  private update(id: string, patch: Partial<ImportJob>, type: JobEvent["type"]): void {
    const current = this.jobs.get(id);
    if (!current) return;
    const job = { ...current, ...patch };
    this.jobs.set(id, job);
    for (const listener of [...(this.listeners.get(id) ?? [])]) listener({ type, job });
  }

  private evict(): void {
    if (this.jobs.size <= this.maxJobs) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.maxJobs) break;
      if (job.state === "succeeded" || job.state === "failed") this.jobs.delete(id);
    }
  }
}

export function isFinished(job: ImportJob): boolean {
  return job.state === "succeeded" || job.state === "failed";
}
