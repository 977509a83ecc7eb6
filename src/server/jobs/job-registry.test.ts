import { describe, expect, it } from "vitest";
import type { ImportIssue } from "../../import/import-dataset.js";
import { type JobEvent, JobRegistry } from "./job-registry.js";

const issue = (line: number): ImportIssue => ({
  severity: "error",
  code: "bad_decimal",
  file: "orders.csv",
  line,
  column: "amount",
  value: "x",
  reason: "not a number",
});

describe("JobRegistry", () => {
  it("moves a job through its states and tells listeners until it is done", () => {
    const registry = new JobRegistry();
    const job = registry.create(false);
    expect(job.id).toMatch(/^[0-9a-f-]{36}$/);
    const seen: JobEvent["type"][] = [];
    registry.subscribe(job.id, (e) => seen.push(e.type));
    registry.start(job.id);
    registry.progress(job.id, { file: "customers.csv", rows: 10 });
    registry.fail(job.id, { cause: new Error("x") }, [issue(2)]);
    registry.progress(job.id, { file: "late.csv", rows: 1 });
    expect(seen).toEqual(["state", "progress", "done"]);
    expect(registry.get(job.id)?.state).toBe("failed");
  });

  it("caps the row errors it keeps and the number of finished jobs", () => {
    const registry = new JobRegistry({ maxJobs: 2, maxErrors: 3 });
    const first = registry.create(true);
    registry.succeed(
      first.id,
      { rowsByEntity: {} as never, rejected: 5, warnings: 0, durationMs: 1 },
      [1, 2, 3, 4, 5].map(issue),
    );
    expect(registry.get(first.id)?.errors).toHaveLength(3);
    expect(registry.get(first.id)?.errorCount).toBe(5);
    const running = registry.create(false);
    registry.start(running.id);
    registry.create(false);
    expect(registry.get(first.id)).toBeUndefined();
    expect(registry.get(running.id)?.state).toBe("running");
  });
});
