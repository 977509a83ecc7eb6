import { readFile } from "node:fs/promises";
import { isMap, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { CrmKpiError } from "../../core/errors.js";
import { type CompiledMapping, compileMapping, type KeyPath, MappingProblem } from "./compile-mapping.js";
import { mappingSchema } from "./mapping-schema.js";

/**
 * Reads, validates and compiles a mapping file (YAML or JSON). Every problem
 * is a `mapping_invalid` error naming the file, the line and the key path.
 *
 * @example const mapping = await loadMapping("examples/maven-crm/mapping.yaml")
 */
export async function loadMapping(mappingFile: string): Promise<LoadedMapping> {
  let text: string;
  try {
    text = await readFile(mappingFile, "utf8");
  } catch (error) {
    throw new CrmKpiError(
      "mapping_invalid",
      `cannot read the mapping file ${mappingFile}: ${(error as Error).message}; check the path`,
      { file: mappingFile },
      { file: mappingFile },
    );
  }
  return parseMapping(text, mappingFile);
}

/** A compiled mapping that can still point at its own lines, for problems found later (file headers). */
export interface LoadedMapping extends CompiledMapping {
  readonly file: string;
  /** A `mapping_invalid` error at a key path of this mapping file. */
  problemAt(path: KeyPath, problem: string): CrmKpiError;
  /** A key path as the user wrote it (`entities.deals.where`), for the import summary. */
  keyPath(path: KeyPath): string;
}

/** Validates and compiles mapping text; `file` only names it in errors. */
export function parseMapping(text: string, file: string): LoadedMapping {
  const lineCounter = new LineCounter();
  // JSON is YAML too, so one parser serves both and gives lines for both.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new CrmKpiError(
      "mapping_invalid",
      `${file}:${line}: ${syntax.message.split("\n")[0]}; fix the YAML/JSON syntax there`,
      { file, path: "", problem: syntax.message },
      { file, line },
    );
  }
  const raw: unknown = doc.toJS();
  const problemAt = (path: KeyPath, problem: string): CrmKpiError => {
    const shown = displayPath(path, raw);
    const line = lineOf(doc, lineCounter, shown);
    const where = shown.length > 0 ? shown.join(".") : "(top level)";
    return new CrmKpiError(
      "mapping_invalid",
      `${file}${line !== undefined ? `:${line}` : ""} ${where}: ${problem}`,
      { file, path: where, problem },
      { file, ...(line !== undefined ? { line } : {}), column: where },
    );
  };
  const fail = (path: KeyPath, problem: string): never => {
    throw problemAt(path, problem);
  };

  const parsed = mappingSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = mostSpecificIssue(parsed.error.issues);
    fail(issue.path as KeyPath, describeIssue(issue));
  }
  const spec = parsed.data as z.infer<typeof mappingSchema>;
  const rawSettings = (raw as { settings?: unknown }).settings;
  const settingKeys = rawSettings && typeof rawSettings === "object" ? Object.keys(rawSettings) : [];
  try {
    const keyPath = (path: KeyPath): string => displayPath(path, raw).join(".");
    return { ...compileMapping(spec, settingKeys), file, problemAt, keyPath };
  } catch (error) {
    if (error instanceof MappingProblem) return fail(error.path, error.problem);
    throw error;
  }
}

type Issue = z.core.$ZodIssue;

// A union reports every branch's failure; the branch that got furthest is the one the user meant.
function mostSpecificIssue(issues: readonly Issue[]): Issue {
  const first = issues[0] as Issue;
  if (first.code !== "invalid_union") return first;
  const branches = first.errors
    .map((branch) => branch.map((i) => ({ ...i, path: [...first.path, ...i.path] }) as Issue))
    .filter((branch) => branch.some((i) => i.code !== "invalid_type" || i.path.length > first.path.length));
  const only = branches.length === 1 ? branches[0] : undefined;
  return only ? mostSpecificIssue(only) : first;
}

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `unknown key ${issue.keys.map((k) => `"${k}"`).join(", ")}; check the spelling in docs/mapping.md`;
    case "invalid_type":
      if (issue.input === undefined) return `missing; ${issue.message}`;
      return issue.message;
    default:
      return issue.message;
  }
}

// An entity with one source may be written without a list: drop the list index zod added.
function displayPath(path: KeyPath, raw: unknown): KeyPath {
  if (path[0] !== "entities" || path.length < 3) return path;
  const entities = (raw as { entities?: Record<string, unknown> } | undefined)?.entities;
  const value = entities?.[String(path[1])];
  if (value !== undefined && !Array.isArray(value) && path[2] === 0)
    return [...path.slice(0, 2), ...path.slice(3)];
  return path;
}

function lineOf(
  doc: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  path: KeyPath,
): number | undefined {
  // The deepest node that exists: a missing key points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    const node = prefix.length === 0 ? doc.contents : doc.getIn(prefix, true);
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      // For a key that exists, point at the key itself rather than its value's first line.
      const parent =
        depth > 0 ? (depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true)) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find(
          (p) => String((p.key as { value?: unknown })?.value) === String(path[depth - 1]),
        );
        const keyRange = (pair?.key as { range?: number[] } | undefined)?.range;
        if (keyRange?.[0] !== undefined) return counter.linePos(keyRange[0]).line;
      }
      return counter.linePos(node.range[0] as number).line;
    }
  }
  return undefined;
}
