import { describe, expect, it } from "vitest";
import { type ExpressionScope, evaluate, parseExpression, referencedColumns, toText } from "./expression.js";

function scope(row: Record<string, string>, vars: Record<string, string> = {}): ExpressionScope {
  return { column: (name) => row[name], variable: (name) => vars[name] };
}

const run = (text: string, row: Record<string, string> = {}, vars: Record<string, string> = {}) =>
  evaluate(parseExpression(text), scope(row, vars));

describe("expression language", () => {
  it("compares numbers as numbers and text as text", () => {
    expect(run("close_value > 999", { close_value: "1054" })).toBe(true);
    expect(run("close_value > 999", { close_value: "54" })).toBe(false);
    expect(run("close_value = 0", { close_value: "0.00" })).toBe(true);
    expect(run("stage = 'Won'", { stage: "Won" })).toBe(true);
    expect(run("stage = 'won'", { stage: "Won" })).toBe(false);
    expect(run('stage != "Lost"', { stage: "Won" })).toBe(true);
    expect(run("d >= '2024-01-01'", { d: "2024-03-05" })).toBe(true);
  });

  it("treats empty cells as missing: equal only to empty, never ordered", () => {
    expect(run("x = ''", { x: "" })).toBe(true);
    expect(run("x = ''", {})).toBe(true);
    expect(run("empty(x)", { x: "" })).toBe(true);
    expect(run("x > 0", { x: "" })).toBe(false);
    expect(run("x < 0", { x: "" })).toBe(false);
    expect(run("not empty(x)", { x: "a" })).toBe(true);
  });

  it("combines conditions with and, or, not, in and not in", () => {
    const row = { stage: "Lost", value: "0" };
    expect(run("stage in ('Won', 'Lost') and value = 0", row)).toBe(true);
    expect(run("stage not in ('Won', 'Lost')", row)).toBe(false);
    expect(run("not (stage = 'Won') or value > 5", row)).toBe(true);
    expect(run("stage = 'Won' or stage = 'Engaging'", row)).toBe(false);
  });

  it("does arithmetic and keeps decimal text free of float noise", () => {
    expect(run("a * 12 + 1", { a: "2.5" })).toBe(31);
    expect(toText(run("a + b", { a: "0.1", b: "0.2" }))).toBe("0.3");
    expect(run("-a", { a: "4" })).toBe(-4);
    expect(run("round(a / 3, 2)", { a: "10" })).toBe(3.33);
    expect(run("a / 0", { a: "10" })).toBe(null);
  });

  it("adds and subtracts calendar durations to ISO dates, clamping month ends", () => {
    expect(run("$snapshot - months(tenure)", { tenure: "1" }, { snapshot: "2024-03-31" })).toBe("2024-02-29");
    expect(run("$snapshot - months(tenure)", { tenure: "0" }, { snapshot: "2024-03-31" })).toBe("2024-03-31");
    expect(run("d + days(10)", { d: "2024-02-25" })).toBe("2024-03-06");
    expect(run("d + years(1) - days(1)", { d: "2024-02-29T10:30:00" })).toBe("2025-02-27T10:30:00");
    expect(run("d - months(n)", { d: "2024-01-31", n: "" })).toBe(null);
  });

  it("offers if, coalesce and text functions", () => {
    expect(run("if(Churn = 'Yes', $end, '')", { Churn: "Yes" }, { end: "2024-01-31" })).toBe("2024-01-31");
    expect(run("if(Churn = 'Yes', $end)", { Churn: "No" }, { end: "2024-01-31" })).toBe(null);
    expect(run("coalesce(a, b, 'none')", { a: "", b: "x" })).toBe("x");
    expect(run("coalesce(a, b, 'none')", {})).toBe("none");
    expect(run("lower(trim(s))", { s: "  WON " })).toBe("won");
    expect(run("upper(s)", { s: "usd" })).toBe("USD");
  });

  it("reads odd column names in backticks and variables after $", () => {
    expect(run("`Customer Status` = 'Churned'", { "Customer Status": "Churned" })).toBe(true);
    expect(referencedColumns(parseExpression("`Tenure in Months` > 0 and x = $y"))).toEqual([
      "Tenure in Months",
      "x",
    ]);
  });

  it("rejects what is not in the language, with the offset of the problem", () => {
    expect(() => parseExpression("process.exit()")).toThrow(/unknown function process.exit/);
    expect(() => parseExpression("a; b")).toThrow(/unexpected character ";"/);
    expect(() => parseExpression("eval('1')")).toThrow(/unknown function eval/);
    expect(() => parseExpression("a = ")).toThrow(/ends too early/);
    expect(() => parseExpression("a = 'open")).toThrow(/unclosed/);
    expect(() => parseExpression("months(1, 2)")).toThrow(/takes 1 argument/);
    try {
      parseExpression("a = b c");
      expect.unreachable();
    } catch (error) {
      expect((error as { offset: number }).offset).toBe(6);
    }
  });

  it("fails loudly on values an operation cannot use", () => {
    expect(() => run("a + 1", { a: "abc" })).toThrow(/not a number/);
    expect(() => run("d - months(1)", { d: "31/01/2024" })).toThrow(/not an ISO date/);
    expect(() => run("months(1.5) + d", { d: "2024-01-01" })).toThrow(/whole number/);
  });
});
