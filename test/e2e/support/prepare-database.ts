/**
 * Run by Playwright's webServer before the shared server starts: rebuilds the
 * CLI or the dashboard only when their output is older than their sources,
 * imports the reference dataset into the seed database and copies it for the
 * shared server. Usage: tsx test/e2e/support/prepare-database.ts
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { cliPath, referenceDir, repoRoot, seedDb, sharedDb } from "./e2e-env.js";

/** The newest modification time of the files under `dir`, 0 when it is missing. */
function newestUnder(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    // unit tests do not end up in dist/
    if (entry.isFile() && !entry.name.endsWith(".test.ts"))
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function mtimeOf(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

function npmRun(script: string): void {
  console.error(`e2e: output older than its sources, running npm run ${script}`);
  try {
    execFileSync("npm", ["run", script], { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] });
  } catch {
    // tsc still emits on type errors; the type check of `npm test` reports them
    console.error(`e2e: npm run ${script} failed; testing what it produced`);
  }
}

if (mtimeOf(cliPath) < newestUnder(path.join(repoRoot, "src"))) npmRun("build");
const webIndex = path.join(repoRoot, "web/dist/index.html");
if (
  mtimeOf(webIndex) <
  Math.max(newestUnder(path.join(repoRoot, "web/src")), mtimeOf(path.join(repoRoot, "web/index.html")))
) {
  npmRun("build:web");
}

if (!existsSync(seedDb)) {
  execFileSync(process.execPath, [cliPath, "import", referenceDir, "--db", seedDb], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
copyFileSync(seedDb, sharedDb);
