import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The folder layout is the architecture: dependencies point inward. Core
 * knows nothing of its neighbours (and does no I/O); engines know core only;
 * the CLI and the server are shells nobody imports.
 */
const SRC = resolve(import.meta.dirname, "../../src");

/** For each top-level folder of src/, the folders it must not import. */
const FORBIDDEN: Record<string, readonly string[]> = {
  core: [
    "engines",
    "import",
    "calendar",
    "report",
    "cli",
    "server",
    "messages",
    "generator",
    "goals",
    "quality",
  ],
  engines: ["import", "report", "cli", "server", "messages", "generator"],
  calendar: ["engines", "import", "report", "cli", "server", "generator"],
  import: ["report", "cli", "server", "generator"],
  report: ["cli", "server", "generator"],
  generator: ["cli", "server", "report"],
  messages: ["engines", "import", "report", "cli", "server"],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+"([^"]+)"/g)].map((m) => m[1] ?? "");
}

describe("import direction", () => {
  const files = sourceFiles(SRC);

  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const [folder, forbidden] of Object.entries(FORBIDDEN)) {
    it(`src/${folder} imports none of: ${forbidden.join(", ")}`, () => {
      const offences: string[] = [];
      for (const file of files.filter((f) => relative(SRC, f).startsWith(`${folder}/`))) {
        for (const spec of importsOf(file)) {
          if (!spec.startsWith(".")) continue;
          const target = relative(SRC, resolve(file, "..", spec)).split("/")[0] ?? "";
          if (forbidden.includes(target)) offences.push(`${relative(SRC, file)} → ${spec}`);
        }
      }
      expect(offences).toEqual([]);
    });
  }

  it("src/core does no I/O and never touches process", () => {
    const offences = files
      .filter((f) => relative(SRC, f).startsWith("core/"))
      .filter((f) => {
        const text = readFileSync(f, "utf8");
        return /from\s+"node:/.test(text) || /\bprocess\./.test(text);
      })
      .map((f) => relative(SRC, f));
    expect(offences).toEqual([]);
  });
});
