/**
 * Removes this run's temporary databases. The shared server still holds its
 * file while global teardown runs (Playwright stops the webServer after it),
 * so the removal waits for the runner's exit.
 */
import { rmSync } from "node:fs";
import { e2eDir } from "./e2e-env.js";

export default function globalTeardown(): void {
  process.once("exit", () => rmSync(e2eDir, { recursive: true, force: true }));
}
