import stringWidth from "string-width";

export type Align = "left" | "right";
export type Direction = "ltr" | "rtl";

export interface TableColumn {
  readonly header: string;
  /** Alignment in left-to-right output; right-to-left output right-aligns everything. */
  readonly align?: Align;
}

const GAP = "  ";

/**
 * A plain-text table sized by display width (`string-width`: CJK characters
 * take two cells, Persian and Arabic marks none). For `rtl` the columns are
 * mirrored so the first one is on the right, and every cell is right-aligned,
 * which is how a Persian or Arabic reader scans a table.
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
  const aligns = columns.map((column) => (direction === "rtl" ? "right" : (column.align ?? "left")));
  const line = (cells: readonly string[]): string => {
    const padded = columns.map((_, i) => pad(cells[i] ?? "", widths[i] ?? 0, aligns[i] ?? "left"));
    const ordered = direction === "rtl" ? padded.reverse() : padded;
    return ordered.join(GAP).replace(/\s+$/, "");
  };
  const rule = line(widths.map((w) => "─".repeat(w)));
  return [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
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
