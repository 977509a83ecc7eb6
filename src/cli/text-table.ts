import { AsyncLocalStorage } from "node:async_hooks";
import stringWidth from "string-width";
import { FSI, PDI, RLM, stripDirectionMarks, visualLine } from "./bidi-visual.js";

export type Align = "left" | "right";
export type Direction = "ltr" | "rtl";

export interface TableColumn {
  readonly header: string;
  /** Alignment in left-to-right output; right-to-left output right-aligns everything. */
  readonly align?: Align;
}

const GAP = "  ";

/**
 * How right-to-left tables are written: `logical` (default) for terminals
 * that apply the Unicode bidi algorithm, `visual` already reordered for
 * those that do not (`--bidi visual`). Scoped per CLI run, so parallel
 * in-process runs (tests) do not see each other's choice.
 */
export type BidiMode = "logical" | "visual";
export const BIDI_MODES: readonly BidiMode[] = ["logical", "visual"];
const bidiMode = new AsyncLocalStorage<BidiMode>();

export function withBidiMode<T>(mode: BidiMode, work: () => T): T {
  return bidiMode.run(mode, work);
}

/**
 * A plain-text table sized by display width (`string-width`: CJK characters
 * take two cells, Persian and Arabic marks none).
 *
 * `rtl` tables are written in logical order: each line starts with RLM (so
 * the paragraph is right-to-left), every cell is wrapped in FSI…PDI (so a
 * Latin id or a number inside it cannot pull its neighbours around), and
 * every cell is right-aligned with its padding after the text, which a
 * bidi-aware terminal shows on the cell's left. Lines keep their trailing
 * padding so that all have the same width. In `visual` bidi mode the same
 * lines are reordered here (bidi-visual.ts) for terminals without bidi.
 *
 * @example renderTable([{ header: "Period" }, { header: "Value", align: "right" }], [["2024-01", "12"]])
 */
export function renderTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  direction: Direction = "ltr",
): string[] {
  const widths = columns.map((column, i) =>
    Math.max(stringWidth(column.header), ...rows.map((row) => stringWidth(row[i] ?? ""))),
  );
  const rule = widths.map((w) => "─".repeat(w));
  if (direction === "rtl") {
    const visual = bidiMode.getStore() === "visual";
    const line = (cells: readonly string[]): string => {
      const logical = RLM + columns.map((_, i) => rtlCell(cells[i] ?? "", widths[i] ?? 0)).join(GAP);
      return visual ? visualLine(logical, "rtl") : logical;
    };
    return [line(columns.map((c) => c.header)), line(rule), ...rows.map(line)];
  }
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, i) => pad(cells[i] ?? "", widths[i] ?? 0, column.align ?? "left"))
      .join(GAP)
      .replace(/\s+$/, "");
  return [line(columns.map((c) => c.header)), line(rule), ...rows.map(line)];
}

/** One right-aligned cell of a right-to-left line, in logical order: isolated text, then its padding. */
function rtlCell(text: string, width: number): string {
  const clean = stripDirectionMarks(text);
  const fill = " ".repeat(Math.max(0, width - stringWidth(clean)));
  return clean === "" ? fill : `${FSI}${clean}${PDI}${fill}`;
}

/** A Markdown (GFM) table; `rtl` mirrors the columns and right-aligns them like `renderTable`. */
export function renderMarkdownTable(
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  direction: Direction = "ltr",
): string[] {
  const order = columns.map((_, i) => i);
  if (direction === "rtl") order.reverse();
  const escapePipes = (text: string): string => text.replaceAll("|", "\\|");
  const line = (cells: readonly string[]): string =>
    `| ${order.map((i) => escapePipes(cells[i] ?? "")).join(" | ")} |`;
  const rule = `|${order
    .map((i) =>
      (direction === "rtl" ? "right" : (columns[i]?.align ?? "left")) === "right" ? " ---: " : " --- ",
    )
    .join("|")}|`;
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
}

export function pad(text: string, width: number, align: Align): string {
  const fill = " ".repeat(Math.max(0, width - stringWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** `--bidi <mode>` / `--bidi=<mode>` in argv, read before commander so every table of the run sees it. */
export function bidiModeOf(argv: readonly string[]): BidiMode {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const value = arg === "--bidi" ? argv[i + 1] : arg.startsWith("--bidi=") ? arg.slice(7) : undefined;
    if (value === "visual") return "visual";
  }
  return "logical";
}
