import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.js";

describe("csv export", () => {
  it("neutralizes formula starts in text cells", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-x")).toBe("'-x");
    expect(csvCell("@cmd")).toBe("'@cmd");
  });

  it("keeps negative numbers as numbers", () => {
    expect(csvCell(-5)).toBe("-5");
  });

  it("quotes commas, quotes and newlines; empty for null", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(null)).toBe("");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"');
  });
});
