import { describe, expect, it } from "vitest";
import { compileUnpivot, unpivotColumns, unpivotOutputColumns, unpivotValues } from "./unpivot.js";

const header = [
  "Record ID",
  'Date entered "Won (Sales Pipeline)"',
  'Date entered "Lost (Sales Pipeline)"',
  'Date exited "Won (Sales Pipeline)"',
  'Date entered "Demo (Partner Pipeline)" extra',
];

describe("unpivot by pattern", () => {
  const unpivot = compileUnpivot({
    match: 'Date entered "(?<stage>.+) \\((?<pipeline>[^)]+)\\)"',
    name: "column",
    value: "entered_at",
    keep_empty: false,
  });

  it("takes every header the pattern matches whole, with its named groups", () => {
    expect(unpivotColumns(unpivot, header)).toEqual([
      { column: header[1], groups: { stage: "Won", pipeline: "Sales Pipeline" } },
      { column: header[2], groups: { stage: "Lost", pipeline: "Sales Pipeline" } },
    ]);
    expect(unpivotOutputColumns(unpivot)).toEqual(["column", "entered_at", "stage", "pipeline"]);
  });

  it("makes one record per non-empty matched cell", () => {
    const row = { "Record ID": "7", [header[1] as string]: "2024-02-01", [header[2] as string]: " " };
    const records = [...unpivotValues(unpivot, unpivotColumns(unpivot, header), row)];
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      "Record ID": "7",
      stage: "Won",
      pipeline: "Sales Pipeline",
      column: header[1],
      entered_at: "2024-02-01",
    });
  });

  it("matches whole names even with alternatives, and reports a bad pattern", () => {
    const alt = compileUnpivot({ match: "Q1|Q2", name: "q", value: "v", keep_empty: true });
    expect(unpivotColumns(alt, ["Q1", "Q2", "Q10", "xQ1"]).map((c) => c.column)).toEqual(["Q1", "Q2"]);
    expect(() => compileUnpivot({ match: "(unclosed", name: "q", value: "v", keep_empty: false })).toThrow(
      /not a valid regular expression/,
    );
  });

  it("keeps listed columns as given", () => {
    const listed = compileUnpivot({ columns: ["b", "a"], name: "n", value: "v", keep_empty: true });
    expect(unpivotColumns(listed, ["a", "b"]).map((c) => c.column)).toEqual(["b", "a"]);
    expect([...unpivotValues(listed, unpivotColumns(listed, ["a", "b"]), { a: "", b: "2" })]).toHaveLength(2);
  });
});
