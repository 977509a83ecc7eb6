/**
 * Where the browser tests keep their databases and which port the shared
 * server listens on. Playwright loads the config in the runner and again in
 * every worker, so the values are chosen once and handed down through the
 * environment (workers inherit it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const referenceDir = path.resolve(repoRoot, "../shared/data/reference");
export const cliPath = path.join(repoRoot, "dist/bin/main.js");

/** A free loopback port, found synchronously (the config cannot await). */
function freePortSync(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

process.env.CRM_KPI_E2E_DIR ??= mkdtempSync(path.join(os.tmpdir(), "crm-kpi-e2e-"));
process.env.CRM_KPI_E2E_PORT ??= String(freePortSync());

export const e2eDir = process.env.CRM_KPI_E2E_DIR;
export const sharedPort = Number(process.env.CRM_KPI_E2E_PORT);
/** The reference dataset imported once; every server runs on a copy of it. */
export const seedDb = path.join(e2eDir, "seed.duckdb");
/** The copy the shared (read-only) server serves. */
export const sharedDb = path.join(e2eDir, "shared.duckdb");
