/**
 * Bundles the command line into dist/bin/ (the package's `bin`): one file per
 * lazily loaded command instead of ~120 modules, because resolving and reading
 * each module is most of the start-up time (issue 10). Packages stay external.
 * The tsc output in dist/ remains the library and what the tests import.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const outdir = path.join(root, "dist/bin");
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [path.join(root, "src/cli/main.ts")],
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
