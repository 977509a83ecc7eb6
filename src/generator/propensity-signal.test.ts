import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateDataset } from "./generate-dataset.js";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function generated(propensitySignal: boolean) {
  const dir = await mkdtemp(join(tmpdir(), "crm-kpi-signal-"));
  dirs.push(dir);
  const result = await generateDataset(dir, { scale: 0.1, seed: 3, propensitySignal });
  const read = (name: string) => readFile(join(dir, `${name}.csv`), "utf8");
  return { result, read };
}

describe("the demo's planted propensity signal", () => {
  it("adds tickets, surveys and add-on orders only, and leaves every other table as it was", async () => {
    const [plain, signal] = [await generated(false), await generated(true)];
    for (const name of ["customers", "subscriptions", "deals", "leads", "reps", "email_events", "spend"]) {
      expect(await signal.read(name), name).toBe(await plain.read(name));
    }
    expect(signal.result.rows.tickets).toBeGreaterThan(plain.result.rows.tickets);
    expect(signal.result.rows.survey_responses).toBeGreaterThan(plain.result.rows.survey_responses);
    expect(signal.result.rows.orders).toBeGreaterThan(plain.result.rows.orders);
    expect(await signal.read("orders")).toContain("extra seats");
    expect(await plain.read("orders")).not.toContain("extra seats");
  }, 60_000);
});
