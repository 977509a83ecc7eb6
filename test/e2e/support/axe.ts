/**
 * axe-core in the page. Its source goes in through page.evaluate rather than a
 * script tag: the dashboard's CSP refuses inline scripts, and the check must
 * run under the real CSP (a bypass would also hide CSP errors from the console guard).
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults } from "axe-core";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let axeSource: Promise<string> | undefined;

/** The serious and critical violations on the page, one line each (rule, help, where). */
export async function seriousViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(axePath, "utf8");
  await page.evaluate(await axeSource);
  const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
}
