import { describe, expect, it } from "vitest";
import { evaluate, parseDuration, parseExpression, toText } from "./expression.js";

const run = (text: string, row: Record<string, string> = {}) =>
  evaluate(parseExpression(text), { column: (name) => row[name], variable: () => undefined });
const text = (expr: string, row: Record<string, string> = {}) => toText(run(expr, row));

describe("text functions", () => {
  it("replaces text and patterns", () => {
    expect(run("replace(owner, ' (Deactivated User)', '')", { owner: "Ann Lee (Deactivated User)" })).toBe(
      "Ann Lee",
    );
    expect(run("replace(x, '.', '')", { x: "1.2.3" })).toBe("123");
    expect(run("regexp_replace(phone, '[^0-9+]', '')", { phone: "+1 (555) 010-99" })).toBe("+155501099");
    expect(run("regexp_replace(x, '(\\w+)@(\\w+)', '$2:$1')", { x: "ann@acme" })).toBe("acme:ann");
    expect(run("replace(x, 'a', 'b')", {})).toBeNull();
  });

  it("extracts groups by number or name; no match is empty", () => {
    const row = { name: 'Date entered "Won (Sales)"' };
    expect(run("regexp_extract(name, '\"(.+) \\((.+)\\)\"', 1)", row)).toBe("Won");
    expect(run("regexp_extract(name, '\\((?<pipe>[^)]+)\\)', 'pipe')", row)).toBe("Sales");
    expect(run("regexp_extract(name, 'entered')", row)).toBe("entered");
    expect(run("regexp_extract(name, 'exited')", row)).toBeNull();
  });

  it("tests patterns (anywhere in the text; (?i) ignores case) and parts", () => {
    expect(run("matches(email, '@acme\\.com$')", { email: "a@acme.com" })).toBe(true);
    expect(run("matches(email, '@acme\\.com$')", { email: "a@acme.com.evil" })).toBe(false);
    expect(run("matches(x, '(?i)^won')", { x: "WON - closed" })).toBe(true);
    expect(run("matches(x, 'a')", {})).toBe(false);
    expect(run("starts_with(id, 'cus_')", { id: "cus_123" })).toBe(true);
    expect(run("ends_with(id, '_x')", { id: "cus_123" })).toBe(false);
    expect(run("contains(tags, 'vip')", { tags: "new;vip;eu" })).toBe(true);
  });

  it("splits multi-values, counting parts from 1", () => {
    const row = { owners: "Ann; Bob ;Cy" };
    expect(run("split_part(owners, ';', 1)", row)).toBe("Ann");
    expect(run("split_part(owners, ';', 2)", row)).toBe("Bob");
    expect(run("split_part(owners, ';', 4)", row)).toBeNull();
    expect(() => run("split_part(owners, ';', 0)", row)).toThrow(/from 1/);
  });

  it("reads booleans as exports write them", () => {
    for (const t of ["TRUE", "true", "1", "yes", "Y"]) expect(run("to_bool(x)", { x: t })).toBe(true);
    for (const f of ["FALSE", "false", "0", "no", "N"]) expect(run("to_bool(x)", { x: f })).toBe(false);
    expect(run("to_bool(x)", { x: "" })).toBeNull();
    expect(() => run("to_bool(x)", { x: "maybe" })).toThrow(/not true or false/);
    expect(text("if(to_bool(paid), 'paid', 'open')", { paid: "TRUE" })).toBe("paid");
  });

  it("rejects an invalid constant pattern when the expression is parsed", () => {
    expect(() => parseExpression("matches(x, '(unclosed')")).toThrow(/not a valid regular expression/);
    expect(() => parseExpression("regexp_replace(x, '[', '')")).toThrow(/regexp_replace/);
    // A pattern from a cell is checked when the row is read.
    expect(() => run("matches(x, p)", { x: "a", p: "(" })).toThrow(/not a valid regular expression/);
  });
});

describe("durations", () => {
  it("reads clock, minute and ISO durations", () => {
    expect(parseDuration("64:00:00").seconds).toBe(64 * 3600);
    expect(parseDuration("1:30").seconds).toBe(5400);
    expect(parseDuration("0:00:45").seconds).toBe(45);
    expect(parseDuration("90").seconds).toBe(5400);
    expect(parseDuration("PT1H30M").seconds).toBe(5400);
    expect(parseDuration("P1DT2H")).toMatchObject({ days: 1, seconds: 7200, months: 0 });
    expect(parseDuration("P1Y2M")).toMatchObject({ months: 14, days: 0, seconds: 0 });
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
    expect(() => parseDuration("PT")).toThrow(/not a duration/);
  });

  it("adds time to date-times, keeping a Z or an offset", () => {
    const row = { created: "2024-03-05T10:00:00", frt: "64:00:00" };
    expect(text("created + duration(frt)", row)).toBe("2024-03-08T02:00:00");
    expect(text("created + hours(1.5)", row)).toBe("2024-03-05T11:30:00");
    expect(text("created - minutes(30) + seconds(15)", row)).toBe("2024-03-05T09:30:15");
    expect(text("d + hours(2)", { d: "2024-06-07 02:38:54" })).toBe("2024-06-07T04:38:54");
    expect(text("d + duration('PT1H')", { d: "2024-06-07T23:30:00Z" })).toBe("2024-06-08T00:30:00Z");
    expect(text("d + days(1) + hours(1)", { d: "2025-02-14T10:22:31-05:00" })).toBe(
      "2025-02-15T11:22:31-05:00",
    );
    expect(text("d + hours(1)", { d: "2025-02-14T10:22:31+0330" })).toBe("2025-02-14T11:22:31+03:30");
  });

  it("turns a date plus a time part into a date-time, and keeps calendar months", () => {
    expect(text("d + hours(36)", { d: "2024-02-28" })).toBe("2024-02-29T12:00:00");
    expect(text("d + days(1)", { d: "2024-02-28" })).toBe("2024-02-29");
    expect(text("d + months(1) - days(1)", { d: "2024-01-31" })).toBe("2024-02-28");
    expect(run("d + duration(x)", { d: "2024-01-01" })).toBeNull();
    expect(() => text("d + hours(1)", { d: "05/03/2024" })).toThrow(/not an ISO date/);
  });
});

describe("parse_date", () => {
  it("reads a date in a pattern so durations can be added to it", () => {
    const row = { created: "14/02/2025 9:05", frt: "64:00:00" };
    expect(toText(run("parse_date(created, 'dd/MM/yyyy H:mm') + duration(frt)", row))).toBe(
      "2025-02-17T01:05:00",
    );
    expect(run("parse_date(x, 'dd/MM/yyyy')", {})).toBeNull();
    expect(() => run("parse_date(created, 'yyyy-MM-dd')", row)).toThrow(/not a date in the pattern/);
    expect(() => parseExpression("parse_date(x, 'yyyy-QQ')")).toThrow(/parse_date\(\): unknown letter/);
  });
});
