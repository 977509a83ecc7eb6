import { IMPORT_ORDER } from "../../core/model/entities.js";
import type { MessageKey, MessageParams } from "../../messages/index.js";
import type { DraftColumn, DraftSource } from "./draft-mapping.js";

/** The comments of a draft, from the message catalogs: `say("presets.draft.header", { dir })`. */
export type Say = (key: MessageKey, params?: MessageParams) => string;

/** What the draft left to the user. */
export interface DraftSummary {
  readonly text: string;
  /** Sources whose entity was recognized. */
  readonly recognized: number;
  /** Required canonical columns not found (TODO lines). */
  readonly todo: number;
}

const q = (text: string): string => JSON.stringify(text);

/**
 * The draft as YAML: entities in import order, each file a source with its
 * guessed columns, and comments saying what was guessed from what and what
 * to check. Quoted names keep headers in any script intact.
 */
export function renderDraft(sources: readonly DraftSource[], dir: string, say: Say): DraftSummary {
  const lines: string[] = [
    `# ${say("presets.draft.header", { dir })}`,
    `# ${say("presets.draft.next", { dir })}`,
    "version: 1",
    "entities:",
  ];
  let todo = 0;
  let recognized = 0;
  for (const entity of IMPORT_ORDER) {
    const mine = sources.filter((s) => s.entity === entity);
    if (mine.length === 0) continue;
    lines.push(`  ${entity}:`);
    for (const source of mine) {
      recognized += 1;
      const key = source.by === "name" ? "presets.draft.source.byName" : "presets.draft.source.byHeaders";
      lines.push(
        `    # ${say(key, { file: source.file.name, entity, matched: source.columns.length, total: source.file.header.length })}`,
      );
      if (source.unmatched.length > 0) {
        lines.push(
          `    # ${say("presets.draft.unmatched", { headers: source.unmatched.map(q).join(", ") })}`,
        );
      }
      lines.push(`    - from: ${q(source.file.name)}`);
      if (source.file.delimiter !== undefined) lines.push(`      delimiter: ${q(source.file.delimiter)}`);
      if (source.file.encoding !== undefined) lines.push(`      encoding: ${source.file.encoding}`);
      lines.push("      columns:");
      for (const column of source.columns) lines.push(...columnLines(column, say));
      for (const [name, value] of source.constants) {
        // Commented out: a currency other than the base one needs fx rates to import.
        lines.push(`        # ${say("presets.draft.note.currency", { currency: value })}`);
        lines.push(`        # ${name}: { const: ${q(value)} }`);
      }
      for (const name of source.missing) {
        todo += 1;
        lines.push(`        # ${say("presets.draft.todo.required", { column: name })}`);
        lines.push(`        # ${name}: ""`);
      }
    }
  }
  for (const source of sources.filter((s) => s.entity === undefined)) {
    lines.push(
      `# ${say("presets.draft.source.unknown", { file: source.file.name, headers: source.file.header.map(q).join(", ") })}`,
    );
  }
  if (recognized === 0) lines.push("  {}");
  return { text: `${lines.join("\n")}\n`, recognized, todo };
}

function columnLines(c: DraftColumn, say: Say): string[] {
  const pad = "        ";
  const notes: string[] = [];
  const fields: string[] = [`column: ${q(c.header)}`];
  if (c.byValues) notes.push(say("presets.draft.note.email"));
  if (c.date) {
    const pattern = c.date.pattern ?? "yyyy-MM-dd";
    fields.push(
      c.date.persian ? `format: { pattern: ${q(pattern)}, calendar: persian }` : `format: ${q(pattern)}`,
    );
    const key: MessageKey = c.date.persian
      ? "presets.draft.note.persian"
      : c.date.ambiguous
        ? "presets.draft.note.ambiguous"
        : "presets.draft.note.format";
    notes.push(say(key, { example: c.date.example }));
  }
  if (c.number) {
    fields.push(`number: { decimal: ${q(c.number.decimal)}, thousands: ${q(c.number.thousands)} }`);
    notes.push(say("presets.draft.note.number", { example: c.number.example }));
  }
  const comment = notes.length > 0 ? ` # ${notes.join("; ")}` : "";
  if (!c.map) {
    return [
      fields.length === 1
        ? `${pad}${c.column}: ${q(c.header)}${comment}`
        : `${pad}${c.column}: { ${fields.join(", ")} }${comment}`,
    ];
  }
  const known = c.map.filter(([, to]) => to !== undefined);
  const unknown = c.map.filter(([, to]) => to === undefined).map(([from]) => q(from));
  const lines = [`${pad}${c.column}:${comment}`, `${pad}  column: ${q(c.header)}`];
  lines.push(
    `${pad}  # ${say("presets.draft.note.map", { values: c.map.map(([from]) => q(from)).join(", ") })}`,
  );
  if (unknown.length > 0) {
    lines.push(
      `${pad}  # ${say("presets.draft.todo.map", { values: unknown.join(", "), allowed: (c.allowed ?? []).join(", ") })}`,
    );
  }
  if (known.length > 0) {
    lines.push(`${pad}  map:`);
    for (const [from, to] of known) lines.push(`${pad}    ${q(from)}: ${to}`);
  }
  return lines;
}
