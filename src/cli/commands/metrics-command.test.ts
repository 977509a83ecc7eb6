import { describe, expect, it } from "vitest";
import { listMetrics } from "../../core/metrics/registry.js";
import { runCli } from "../run-cli.js";
import { captureIo } from "../test-io.js";

describe("crm-kpi metrics", () => {
  it("lists every metric of the registry, then the model's figures with the command that prints them", async () => {
    const io = captureIo();
    expect(await runCli(["metrics", "--format", "ndjson"], io)).toBe(0);
    const records = io
      .out()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: string; formula: string });
    expect(records.map((r) => r.id)).toEqual([...listMetrics().map((m) => m.id), "predicted_clv"]);
    expect(records.at(-1)?.formula).toContain("crm-kpi predict clv");

    const fa = captureIo();
    expect(await runCli(["metrics", "--lang", "fa"], fa)).toBe(0);
    expect(fa.out()).toContain("ارزش طول عمر پیش‌بینی‌شده");
  });
});
