import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";

/**
 * Every figure an example's README states is in a ```console block: `$ crm-kpi …`
 * lines and what the command prints. This test runs each command, in order, on
 * a fresh database per README and compares the printed output exactly (`…`
 * stands for the rest of a line, e.g. an import's timing), so a
 * README can never claim a number the tool does not print.
 */
const examplesDir = fileURLToPath(new URL("../../examples/", import.meta.url));

interface Step {
  readonly argv: string[];
  readonly expected: string;
}

function transcripts(readme: string): Step[] {
  const steps: Step[] = [];
  for (const block of readme.matchAll(/```console\n([\s\S]*?)```/g)) {
    let current: { argv: string[]; lines: string[] } | undefined;
    const flush = () => {
      if (current) steps.push({ argv: current.argv, expected: current.lines.join("\n").trimEnd() });
    };
    for (const line of (block[1] ?? "").split("\n")) {
      if (line.startsWith("$ crm-kpi ")) {
        flush();
        current = { argv: splitCommand(line.slice("$ crm-kpi ".length)), lines: [] };
      } else if (current) current.lines.push(line);
    }
    flush();
  }
  return steps;
}

/** The expected text as an exact pattern; `…` stands for the rest of a line (an import's timing). */
function transcriptPattern(expected: string): RegExp {
  const lines = expected.split("\n").map((line) =>
    line
      .split("…")
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join(".*"),
  );
  return new RegExp(`^${lines.join("\n")}$`);
}

/** Splits a shell command line on spaces, keeping '…' and "…" quoted words whole. */
function splitCommand(text: string): string[] {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

const examples = readdirSync(examplesDir).filter((name) => {
  try {
    return readFileSync(path.join(examplesDir, name, "README.md"), "utf8").includes("```console");
  } catch {
    return false;
  }
});

describe("examples/*/README.md figures", () => {
  it("every example states its figures as console transcripts", () => {
    expect(examples.sort()).toEqual(["maven-crm", "olist-funnel", "telco-churn"]);
  });

  for (const example of examples) {
    describe(example, () => {
      const steps = transcripts(readFileSync(path.join(examplesDir, example, "README.md"), "utf8"));
      let dir = "";
      beforeAll(async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), `crm-kpi-example-${example}-`));
      });
      afterAll(async () => {
        await rm(dir, { recursive: true, force: true });
      });

      it("has at least one import and one report command", () => {
        expect(steps.some((s) => s.argv[0] === "import")).toBe(true);
        expect(steps.some((s) => s.argv[0] !== "import")).toBe(true);
      });

      // One test: each step needs the database the steps before it built.
      it("prints exactly what the README shows", async () => {
        for (const step of steps) {
          const io = captureIo({ CRM_KPI_DB: path.join(dir, "example.duckdb") });
          const code = await runCli(step.argv, io);
          expect({ command: step.argv.join(" "), code, stderr: code === 0 ? "" : io.err() }).toEqual({
            command: step.argv.join(" "),
            code: 0,
            stderr: "",
          });
          if (step.expected === "") continue;
          expect(io.out().trimEnd()).toMatch(transcriptPattern(step.expected));
        }
      });
    });
  }
});
