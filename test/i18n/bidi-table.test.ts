import bidiImport, { type Bidi } from "bidi-js";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { RLM, stripDirectionMarks, visualLine } from "../../src/cli/bidi-visual.js";
import { runCli } from "../../src/cli/run-cli.js";
import { captureIo } from "../../src/cli/test-io.js";
import { renderTable, withBidiMode } from "../../src/cli/text-table.js";
import { t } from "../../src/messages/index.js";

// Issue 8 part 5: right-to-left tables are written in logical order with
// direction marks, so that a terminal applying the Unicode bidi algorithm
// (here bidi-js, a UAX #9 implementation) shows them right to left and
// aligned; `--bidi visual` writes that same picture for terminals without bidi.

// bidi-js is CommonJS with an ESM-style .d.ts: under NodeNext the default import is typed as the
// module itself, while at run time it may be the factory or carry it as `default`.
const bidiModule = bidiImport as unknown as (() => Bidi) & { default?: () => Bidi };
const bidi = (bidiModule.default ?? bidiModule)();

/** What a bidi-aware terminal shows for one logical line: UAX #9 with the paragraph direction it detects. */
function displayed(line: string): string {
  const levels = bidi.getEmbeddingLevels(line);
  const chars = [...line];
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  mirrored.forEach((char, index) => {
    chars[index] = char;
  });
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
    chars.splice(start, end - start + 1, ...chars.slice(start, end + 1).reverse());
  }
  return stripDirectionMarks(chars.join(""));
}

/** A visual line as terminal cells: wide characters take two, marks join the cell before. */
function cells(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    const w = stringWidth(ch);
    if (w === 0 && out.length > 0) out[out.length - 1] += ch;
    // The second cell of a wide character: a private-use stand-in, never a space.
    else if (w === 2) out.push(ch, "\ue000");
    else out.push(ch);
  }
  return out;
}

/** The [from, to) cell spans of the columns, read from the visual rule line (runs of ─). */
function spans(rule: string): [number, number][] {
  const result: [number, number][] = [];
  const c = cells(rule);
  for (let i = 0; i < c.length; i++) {
    if (c[i] !== "─") continue;
    let end = i;
    while (c[end] === "─") end++;
    result.push([i, end]);
    i = end;
  }
  return result;
}

function assertAlignedRightToLeft(visual: readonly string[], firstHeader: string): void {
  const [header = "", rule = "", ...rows] = visual;
  const columns = spans(rule);
  expect(columns.length).toBeGreaterThan(1);
  const width = cells(rule).length;
  for (const line of [header, ...rows]) {
    const c = cells(line);
    expect(c.length).toBe(width);
    // Between columns there is only space; every cell ends at its column's right edge.
    columns.forEach(([from, to], i) => {
      const next = columns[i + 1];
      if (next) expect(c.slice(to, next[0]).join("").trim()).toBe("");
      const text = c.slice(from, to).join("");
      if (text.trim() !== "") expect(c[to - 1]?.trim()).not.toBe("");
    });
  }
  // The first logical column (the id) is the rightmost one.
  const last = columns[columns.length - 1] ?? [0, 0];
  expect(cells(header).slice(last[0], last[1]).join("").replaceAll("\ue000", "").trim()).toBe(
    [...firstHeader].reverse().join(""),
  );
}

describe("right-to-left tables under the Unicode bidi algorithm", () => {
  for (const lang of ["fa", "ar"] as const) {
    it(`${lang}: metrics is shown right to left and aligned by a bidi terminal, and --bidi visual prints the same`, async () => {
      const io = captureIo();
      expect(await runCli(["metrics", "--lang", lang], io)).toBe(0);
      const lines = io.out().split("\n");
      const tableAt = lines.flatMap((l, i) => (l.startsWith(RLM) ? [i] : []));
      const logical = tableAt.map((i) => lines[i] ?? "");
      expect(logical.length).toBeGreaterThan(10);
      const shown = logical.map(displayed);
      assertAlignedRightToLeft(shown, t(lang, "metrics.column.id"));
      // Our own reordering agrees with bidi-js line for line.
      expect(logical.map((l) => visualLine(l, "rtl"))).toEqual(shown);
      const visualIo = captureIo();
      expect(await runCli(["metrics", "--lang", lang, "--bidi", "visual"], visualIo)).toBe(0);
      const visualLines = visualIo.out().split("\n");
      expect(tableAt.map((i) => visualLines[i])).toEqual(shown);
    });
  }

  it("cells mixing Latin ids, local digits, signs, brackets and separators reorder as UAX #9 says", () => {
    const lines = renderTable(
      [{ header: "دوره" }, { header: "مقدار", align: "right" }, { header: "شناسه" }, { header: "جزئیات" }],
      [
        ["فوریه ۲۰۲۵", "۵۲٬۹۵۹٫۵۸ $", "C0000001", "MRR در آغاز ۲۹، در پایان −۳٫۵٪"],
        ["فصل ۱ سال مالی ۱۴۰۳", "−۵٫۰۸", "dup-C0000014", "ایمیل یکسان (x@y.com)؛ ۱۸۴۵ از ۲۰۰۰"],
        ["الربع ٣ ٢٠٢٥", "٤٫٢٪", "customers.email", "1845/2000 [a] «b»"],
        ["2025年2月", "US$1,234.50", "", "هفتهٔ ۳ ۱۴۰۳"],
      ],
      "rtl",
    );
    const shown = lines.map(displayed);
    assertAlignedRightToLeft(shown, "دوره");
    expect(lines.map((l) => visualLine(l, "rtl"))).toEqual(shown);
    expect(withBidiMode("visual", () => renderTable([{ header: "دوره" }], [["فوریه ۲۰۲۵"]], "rtl"))).toEqual(
      renderTable([{ header: "دوره" }], [["فوریه ۲۰۲۵"]], "rtl").map(displayed),
    );
  });
});
