import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "./csv-tokenizer.js";

/** What csv-source read before the tokenizer: csv-parse records and their physical start lines. */
function readWithCsvParse(text: string): { rows: string[][]; lines: number[] } {
  const rows = parse(text, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
  const lines: number[] = [];
  let line = 1;
  for (const cells of rows) {
    lines.push(line);
    for (const cell of cells) line += (cell.match(/\r\n|\n|\r/g) ?? []).length;
    line++;
  }
  return { rows, lines };
}

/** Tokenizes `text` cut into pieces at `cuts`, as a stream delivers it. */
function tokenize(text: string, cuts: number[]) {
  const tokenizer = new CsvTokenizer();
  const rows: string[][] = [];
  const lines: number[] = [];
  let from = 0;
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].filter((c) => c < text.length);
  for (const to of [...points.sort((a, b) => a - b), text.length]) {
    tokenizer.push(text.slice(from, to), to === text.length);
    rows.push(...tokenizer.rows);
    lines.push(...tokenizer.lines);
    from = to;
    if (tokenizer.failed) break;
  }
  return { rows, lines, failed: tokenizer.failed, count: tokenizer.count };
}

describe("CsvTokenizer", () => {
  it("reads quoting, CRLF, a BOM and blank lines with physical line numbers", () => {
    const text = '\uFEFFa,b\r\n1,"two\r\nlines"\r\n\r\n"x ""y""",\r\n';
    const result = tokenize(text, [5, 17]);
    expect(result.failed).toBe(false);
    expect(result.rows).toEqual([["a", "b"], ["1", "two\r\nlines"], [""], ['x "y"', ""]]);
    expect(result.lines).toEqual([1, 2, 4, 5]);
  });

  it("gives up on what csv-parse reads specially, after the records before it", () => {
    for (const bad of ['a,b\nc,d"e\n', 'a,b\n"c"d,e\n', "a,b\nc\rd\n", "a,b\r\nc,d\ne\n", 'a,b\n"c'])
      expect(tokenize(bad, []), bad).toMatchObject({ failed: true, rows: [["a", "b"]] });
  });

  it("agrees with csv-parse on any input it accepts, however the input is cut", () => {
    let accepted = 0;
    const alphabet = fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r\n", "\r", "é", "\uFEFF");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join("")),
        fc.array(fc.nat(60), { maxLength: 4 }),
        (text, cuts) => {
          const ours = tokenize(text, cuts);
          accepted += ours.failed ? 0 : 1;
          let theirs: { rows: string[][]; lines: number[] };
          try {
            theirs = readWithCsvParse(text);
          } catch {
            expect(ours.failed).toBe(true);
            return;
          }
          if (ours.failed) {
            expect(ours.rows).toEqual(theirs.rows.slice(0, ours.rows.length));
            expect(ours.lines).toEqual(theirs.lines.slice(0, ours.lines.length));
          } else {
            expect(ours.rows).toEqual(theirs.rows);
            expect(ours.lines).toEqual(theirs.lines);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300); // the comparison is not vacuous
  });
});
