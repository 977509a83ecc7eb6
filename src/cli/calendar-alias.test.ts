import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetSettingsSchema } from "../core/model/settings.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-calendar-alias-"));
const db = path.join(tmp, "crm.duckdb");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const lines = ["customer_id,created_at"];
  for (let i = 0; i < 60; i++)
    lines.push(`C${i},2024-0${(i % 6) + 1}-${String((i % 27) + 1).padStart(2, "0")}`);
  writeFileSync(path.join(tmp, "customers.csv"), `${lines.join("\n")}\n`);
  expect(await runCli(["import", tmp, "--db", db], captureIo())).toBe(0);
});

async function report(calendar: string): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo();
  const code = await runCli(
    ["report", "--db", db, "--metrics", "new_customers", "--calendar", calendar, "--format", "json"],
    io,
  );
  return { code, out: io.out(), err: io.err() };
}

describe("calendar aliases", () => {
  it("--calendar jalali and solar-hijri are the persian calendar", async () => {
    const persian = await report("persian");
    expect(persian.code).toBe(0);
    expect(persian.out).toContain("1403");
    expect(await report("jalali")).toEqual(persian);
    expect(await report("Solar-Hijri")).toEqual(persian);
  });

  it("an unknown calendar is refused with the allowed names", async () => {
    const julian = await report("julian");
    expect(julian.code).not.toBe(0);
    expect(julian.err).toContain("gregorian, persian, islamic-umalqura");
  });

  it("the settings file takes the aliases too", () => {
    expect(datasetSettingsSchema.parse({ calendar: "jalali" }).calendar).toBe("persian");
    expect(datasetSettingsSchema.parse({ calendar: "umm-al-qura" }).calendar).toBe("islamic-umalqura");
    expect(() => datasetSettingsSchema.parse({ calendar: "julian" })).toThrow();
  });
});
