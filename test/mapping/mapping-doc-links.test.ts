import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const doc = path.join(repo, "docs", "mapping.md");

describe("docs/mapping.md", () => {
  it("links only to files inside the repository", () => {
    const targets = [...readFileSync(doc, "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1] as string)
      .filter((target) => !/^[a-z]+:/.test(target));
    expect(targets.length).toBeGreaterThan(0);
    const outside = targets.filter((target) => {
      const resolved = path.resolve(path.dirname(doc), target);
      return !resolved.startsWith(repo) || !existsSync(resolved);
    });
    expect(outside).toEqual([]);
  });
});
