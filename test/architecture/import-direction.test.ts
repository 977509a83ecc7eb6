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
    "predict",
  ],
  engines: ["import", "report", "cli", "server", "messages", "generator", "goals", "quality"],
  calendar: ["engines", "import", "report", "cli", "server", "generator", "goals", "quality"],
  import: ["report", "cli", "server", "generator", "goals", "quality"],
  // Goals and data quality build on reports; a report knows neither (the shells join them).
  report: ["cli", "server", "generator", "goals", "quality", "import"],
  goals: ["cli", "server", "generator", "quality", "import"],
  quality: ["cli", "server", "generator", "goals", "import"],
  generator: ["cli", "server", "report", "goals", "quality"],
  messages: ["engines", "import", "report", "cli", "server", "goals", "quality"],
  // Alerts build on reports and goals and deliver notices; the shells (cli, server) call them.
  alerts: ["cli", "server", "generator", "quality", "import"],
  // The server is a shell over the same functions as the CLI; neither imports the other's code.
  server: ["cli", "generator"],
  // Predictions (issue 12) read histories through the Engine and fit models from core; the shells print them.
  predict: ["cli", "server", "generator"],
};

/**
 * Layers of src/core/metrics, innermost first: a file imports only its own
 * folder and the folders before it. `families/` holds metric families only,
 * and a family never imports another (shared SQL lives in `fragments/` or
 * `relations/`); `registry.ts` at the top lists them.
 */
const METRIC_LAYERS: readonly (readonly string[])[] = [
  ["context"],
  ["definition"],
  ["fragments"],
  ["relations"],
  ["families", "compiler", "lists"],
  ["."],
];

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

/** Source files `file` imports (type-only imports too: a cycle of types is still a cycle). */
function localImportsOf(file: string): string[] {
  return importsOf(file)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => resolve(file, "..", spec.replace(/\.js$/, ".ts")));
}

/** Each import cycle once, as the list of its files (Tarjan's strongly connected components). */
function importCycles(files: readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    onStack.add(file);
    for (const next of localImportsOf(file)) {
      if (!files.includes(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file) as number, index.get(next) as number));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(relative(SRC, member));
    } while (member !== file);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
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

  it("no source files import each other in a circle", () => {
    expect(importCycles(files)).toEqual([]);
  });

  it("src/core/metrics imports point inward, layer by layer", () => {
    const metrics = join(SRC, "core/metrics");
    const layerOf = (file: string) => {
      const folder =
        relative(metrics, file).split("/").length > 1 ? relative(metrics, file).split("/")[0] : ".";
      return METRIC_LAYERS.findIndex((layer) => layer.includes(folder ?? "."));
    };
    const offences: string[] = [];
    for (const file of files.filter((f) => f.startsWith(`${metrics}/`))) {
      const layer = layerOf(file);
      if (layer < 0) offences.push(`${relative(SRC, file)}: its folder is not a layer of METRIC_LAYERS`);
      for (const target of localImportsOf(file).filter((t) => t.startsWith(`${metrics}/`))) {
        const sameFolder = resolve(target, "..") === resolve(file, "..");
        const family = relative(metrics, file).startsWith("families/");
        if (sameFolder ? family : layerOf(target) >= layer) {
          offences.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("src/core/metrics/families holds the families the registry lists, and nothing else", () => {
    const registry = readFileSync(join(SRC, "core/metrics/registry.ts"), "utf8");
    const families = files.filter((f) => relative(SRC, f).startsWith("core/metrics/families/"));
    expect(families.length).toBeGreaterThan(5);
    const unlisted = families.filter(
      (f) =>
        !registry.includes(
          `"./families/${relative(join(SRC, "core/metrics/families"), f).replace(/\.ts$/, ".js")}"`,
        ),
    );
    expect(unlisted.map((f) => relative(SRC, f))).toEqual([]);
  });

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
