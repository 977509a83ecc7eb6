import { describe, expect, it } from "vitest";
import type { ImportIssue } from "./import-issue.js";
import { issueReason } from "./issue-text.js";

const base: ImportIssue = {
  severity: "error",
  code: "wrong_cell_count",
  file: "deals.csv",
  line: 4,
  column: null,
  value: null,
  reason: "4 cells where the header has 5; check for an unquoted delimiter",
};

describe("issueReason", () => {
  it("uses the issue's own message with its parameters in local digits", () => {
    const issue = { ...base, messageKey: "importer.row.wrongCellCount", params: { cells: 4, expected: 5 } };
    expect(issueReason(issue, "fa")).toContain("ردیف ۴ خانه دارد ولی سرستون ۵");
    expect(issueReason(issue, "en")).toContain("the row has 4 cells but the header has 5");
  });

  it("falls back to the code's generic message, then to a catch-all naming the code", () => {
    expect(issueReason(base, "zh")).toBe("该行的单元格数与表头不一致；请检查未加引号的分隔符");
    expect(issueReason({ ...base, code: "something_new" }, "ar")).toBe(
      "لا يمكن استيراد هذا الصف (something_new)",
    );
  });
});
