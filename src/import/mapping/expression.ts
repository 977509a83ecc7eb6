import { Temporal } from "temporal-polyfill";
import { compileDateFormat, type DateFormat } from "./date-format.js";

/**
 * The small expression language of mapping files (`where:`, `when:`, `expr:`).
 * It is parsed into a tree and interpreted: no `eval`, no property access, no
 * loops, only the operators and functions listed in docs/mapping.md.
 *
 * @example evaluate(parseExpression("deal_stage = 'Won' and close_value > 0"), row)
 */

export type Value = string | number | boolean | null | Duration;

/** A span: months and days are applied to dates with calendar rules, then the exact seconds. */
export interface Duration {
  readonly kind: "duration";
  readonly months: number;
  readonly days: number;
  /** Exact time (hours(), minutes(), seconds(), duration()); may be fractional. */
  readonly seconds: number;
}

export type Expr =
  | { readonly type: "literal"; readonly value: Value }
  | { readonly type: "column"; readonly name: string }
  | { readonly type: "var"; readonly name: string }
  | { readonly type: "unary"; readonly op: "-" | "not"; readonly arg: Expr }
  | { readonly type: "binary"; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
  | { readonly type: "in"; readonly arg: Expr; readonly list: readonly Expr[] }
  | { readonly type: "call"; readonly fn: FunctionName; readonly args: readonly Expr[] };

type BinaryOp = "or" | "and" | "=" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/";

export const FUNCTIONS = [
  "years",
  "months",
  "days",
  "if",
  "coalesce",
  "empty",
  "lower",
  "upper",
  "trim",
  "round",
  "replace",
  "regexp_replace",
  "regexp_extract",
  "matches",
  "split_part",
  "starts_with",
  "ends_with",
  "contains",
  "hours",
  "minutes",
  "seconds",
  "duration",
  "to_bool",
  "parse_date",
] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/** What an expression reads: a source column or a mapping variable. */
export interface ExpressionScope {
  column(name: string): string | undefined;
  variable(name: string): string | undefined;
}

/** A syntax error with the character offset it was found at. */
export class ExpressionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = "ExpressionSyntaxError";
  }
}

type Token =
  | { readonly kind: "number"; readonly value: number; readonly at: number }
  | { readonly kind: "string"; readonly value: string; readonly at: number }
  | { readonly kind: "ident"; readonly value: string; readonly quoted: boolean; readonly at: number }
  | { readonly kind: "var"; readonly value: string; readonly at: number }
  | { readonly kind: "op"; readonly value: string; readonly at: number }
  | { readonly kind: "end"; readonly at: number };

const OPERATORS = ["<=", ">=", "!=", "==", "<>", "=", "<", ">", "+", "-", "*", "/", "(", ")", ","];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const at = i;
    if (/[0-9.]/.test(ch) && /[0-9]/.test(text[ch === "." ? i + 1 : i] ?? "")) {
      const match = /^[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?/.exec(text.slice(i));
      const raw = match?.[0] ?? ch;
      tokens.push({ kind: "number", value: Number(raw), at });
      i += raw.length;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === "`") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new ExpressionSyntaxError(`unclosed ${ch}`, at);
        const c = text[i] as string;
        // A doubled quote inside a quoted text stands for the quote itself: 'O''Brien'.
        if (c === ch && text[i + 1] === ch) {
          value += ch;
          i += 2;
        } else if (c === ch) {
          i++;
          break;
        } else {
          value += c;
          i++;
        }
      }
      tokens.push(ch === "`" ? { kind: "ident", value, quoted: true, at } : { kind: "string", value, at });
      continue;
    }
    if (ch === "$") {
      const match = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
      if (!match) throw new ExpressionSyntaxError("a variable name must follow $", at);
      tokens.push({ kind: "var", value: match[1] as string, at });
      i += match[0].length;
      continue;
    }
    // Dotted names read joined columns (deal.seller_id); there is no property access.
    const ident = /^[\p{L}_][\p{L}\p{N}_]*(?:\.[\p{L}_][\p{L}\p{N}_]*)*/u.exec(text.slice(i));
    if (ident) {
      tokens.push({ kind: "ident", value: ident[0], quoted: false, at });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw new ExpressionSyntaxError(`unexpected character ${JSON.stringify(ch)}`, at);
    tokens.push({ kind: "op", value: op, at });
    i += op.length;
  }
  tokens.push({ kind: "end", at: text.length });
  return tokens;
}

/** Parses an expression; throws ExpressionSyntaxError with the offset of the problem. */
export function parseExpression(text: string): Expr {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token => tokens[pos] as Token;
  const isOp = (value: string): boolean => {
    const t = peek();
    return t.kind === "op" && t.value === value;
  };
  const isWord = (word: string): boolean => {
    const t = peek();
    return t.kind === "ident" && !t.quoted && t.value.toLowerCase() === word;
  };
  const expectOp = (value: string): void => {
    if (!isOp(value)) throw new ExpressionSyntaxError(`expected "${value}"`, peek().at);
    pos++;
  };

  const parseOr = (): Expr => {
    let left = parseAnd();
    while (isWord("or")) {
      pos++;
      left = { type: "binary", op: "or", left, right: parseAnd() };
    }
    return left;
  };
  const parseAnd = (): Expr => {
    let left = parseNot();
    while (isWord("and")) {
      pos++;
      left = { type: "binary", op: "and", left, right: parseNot() };
    }
    return left;
  };
  const parseNot = (): Expr => {
    if (isWord("not")) {
      pos++;
      return { type: "unary", op: "not", arg: parseNot() };
    }
    return parseComparison();
  };
  const parseComparison = (): Expr => {
    const left = parseAdditive();
    const t = peek();
    if (t.kind === "op" && ["=", "==", "!=", "<>", "<", "<=", ">", ">="].includes(t.value)) {
      pos++;
      const op = (t.value === "==" ? "=" : t.value === "<>" ? "!=" : t.value) as BinaryOp;
      return { type: "binary", op, left, right: parseAdditive() };
    }
    const next = tokens[pos + 1];
    const negated = isWord("not") && next?.kind === "ident" && next.value.toLowerCase() === "in";
    if (negated) pos++;
    if (isWord("in")) {
      pos++;
      expectOp("(");
      const list: Expr[] = [parseAdditive()];
      while (isOp(",")) {
        pos++;
        list.push(parseAdditive());
      }
      expectOp(")");
      const test: Expr = { type: "in", arg: left, list };
      return negated ? { type: "unary", op: "not", arg: test } : test;
    }
    if (negated) throw new ExpressionSyntaxError('expected "in" after "not"', peek().at);
    return left;
  };
  const parseAdditive = (): Expr => {
    let left = parseMultiplicative();
    while (isOp("+") || isOp("-")) {
      const op = (peek() as { value: string }).value as BinaryOp;
      pos++;
      left = { type: "binary", op, left, right: parseMultiplicative() };
    }
    return left;
  };
  const parseMultiplicative = (): Expr => {
    let left = parseUnary();
    while (isOp("*") || isOp("/")) {
      const op = (peek() as { value: string }).value as BinaryOp;
      pos++;
      left = { type: "binary", op, left, right: parseUnary() };
    }
    return left;
  };
  const parseUnary = (): Expr => {
    if (isOp("-")) {
      pos++;
      return { type: "unary", op: "-", arg: parseUnary() };
    }
    return parsePrimary();
  };
  const parsePrimary = (): Expr => {
    const t = peek();
    pos++;
    switch (t.kind) {
      case "number":
      case "string":
        return { type: "literal", value: t.value };
      case "var":
        return { type: "var", name: t.value };
      case "ident": {
        if (!t.quoted && isOp("(")) return parseCall(t.value, t.at);
        if (!t.quoted) {
          const word = t.value.toLowerCase();
          if (word === "true" || word === "false") return { type: "literal", value: word === "true" };
          if (word === "null") return { type: "literal", value: null };
        }
        return { type: "column", name: t.value };
      }
      case "op":
        if (t.value === "(") {
          const inner = parseOr();
          expectOp(")");
          return inner;
        }
        throw new ExpressionSyntaxError(`unexpected "${t.value}"`, t.at);
      case "end":
        throw new ExpressionSyntaxError("the expression ends too early", t.at);
    }
  };
  const parseCall = (name: string, at: number): Expr => {
    const fn = name.toLowerCase() as FunctionName;
    if (!FUNCTIONS.includes(fn)) {
      throw new ExpressionSyntaxError(`unknown function ${name}(); known: ${FUNCTIONS.join(", ")}`, at);
    }
    expectOp("(");
    const args: Expr[] = [];
    if (!isOp(")")) {
      args.push(parseOr());
      while (isOp(",")) {
        pos++;
        args.push(parseOr());
      }
    }
    expectOp(")");
    const arity = ARITY[fn];
    if (args.length < arity[0] || args.length > arity[1]) {
      throw new ExpressionSyntaxError(`${fn}() takes ${formatArity(arity)}, got ${args.length}`, at);
    }
    // A pattern written in the mapping is checked now, not at the first row that reaches it.
    const pattern = REGEX_FUNCTIONS.includes(fn) ? args[1] : undefined;
    if (pattern?.type === "literal" && typeof pattern.value === "string") {
      try {
        regexOf(pattern.value);
      } catch (error) {
        throw new ExpressionSyntaxError(`${fn}(): ${(error as Error).message}`, at);
      }
    }
    const dateFormat = fn === "parse_date" ? args[1] : undefined;
    if (dateFormat?.type === "literal" && typeof dateFormat.value === "string") {
      try {
        dateFormatOf(dateFormat.value);
      } catch (error) {
        throw new ExpressionSyntaxError(`${fn}(): ${(error as Error).message}`, at);
      }
    }
    return { type: "call", fn, args };
  };

  const tree = parseOr();
  if (peek().kind !== "end")
    throw new ExpressionSyntaxError("unexpected text after the expression", peek().at);
  return tree;
}

const ARITY: Record<FunctionName, readonly [number, number]> = {
  years: [1, 1],
  months: [1, 1],
  days: [1, 1],
  if: [2, 3],
  coalesce: [1, 99],
  empty: [1, 1],
  lower: [1, 1],
  upper: [1, 1],
  trim: [1, 1],
  round: [1, 2],
  replace: [3, 3],
  regexp_replace: [3, 3],
  regexp_extract: [2, 3],
  matches: [2, 2],
  split_part: [3, 3],
  starts_with: [2, 2],
  ends_with: [2, 2],
  contains: [2, 2],
  hours: [1, 1],
  minutes: [1, 1],
  seconds: [1, 1],
  duration: [1, 1],
  to_bool: [1, 1],
  parse_date: [2, 2],
};

const REGEX_FUNCTIONS: readonly FunctionName[] = ["regexp_replace", "regexp_extract", "matches"];

function formatArity([min, max]: readonly [number, number]): string {
  if (min === max) return `${min} argument${min === 1 ? "" : "s"}`;
  return max >= 99 ? `${min} or more arguments` : `${min} to ${max} arguments`;
}

/** Source columns an expression reads, to check them against the file's header. */
export function referencedColumns(expr: Expr): string[] {
  switch (expr.type) {
    case "column":
      return [expr.name];
    case "literal":
    case "var":
      return [];
    case "unary":
      return referencedColumns(expr.arg);
    case "binary":
      return [...referencedColumns(expr.left), ...referencedColumns(expr.right)];
    case "in":
      return [...referencedColumns(expr.arg), ...expr.list.flatMap(referencedColumns)];
    case "call":
      return expr.args.flatMap(referencedColumns);
  }
}

/** Variables (`$name`) an expression reads. */
export function referencedVariables(expr: Expr): string[] {
  switch (expr.type) {
    case "var":
      return [expr.name];
    case "column":
    case "literal":
      return [];
    case "unary":
      return referencedVariables(expr.arg);
    case "binary":
      return [...referencedVariables(expr.left), ...referencedVariables(expr.right)];
    case "in":
      return [...referencedVariables(expr.arg), ...expr.list.flatMap(referencedVariables)];
    case "call":
      return expr.args.flatMap(referencedVariables);
  }
}

/** A runtime problem (adding months to a non-date); the caller adds the place. */
export class ExpressionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExpressionValueError";
  }
}

/** Evaluates a parsed expression against one source row. Empty cells read as null. */
export function evaluate(expr: Expr, scope: ExpressionScope): Value {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "column":
      return emptyToNull(scope.column(expr.name));
    case "var":
      return emptyToNull(scope.variable(expr.name));
    case "unary": {
      const arg = evaluate(expr.arg, scope);
      if (expr.op === "not") return !isTruthy(arg);
      if (isDuration(arg))
        return { kind: "duration", months: -arg.months, days: -arg.days, seconds: -arg.seconds };
      const n = toNumber(arg);
      return n === null ? null : -n;
    }
    case "binary":
      return evaluateBinary(expr.op, expr.left, expr.right, scope);
    case "in": {
      const arg = evaluate(expr.arg, scope);
      return expr.list.some((item) => equals(arg, evaluate(item, scope)));
    }
    case "call":
      return evaluateCall(expr.fn, expr.args, scope);
  }
}

function evaluateBinary(op: BinaryOp, leftExpr: Expr, rightExpr: Expr, scope: ExpressionScope): Value {
  if (op === "and") return isTruthy(evaluate(leftExpr, scope)) && isTruthy(evaluate(rightExpr, scope));
  if (op === "or") return isTruthy(evaluate(leftExpr, scope)) || isTruthy(evaluate(rightExpr, scope));
  const left = evaluate(leftExpr, scope);
  const right = evaluate(rightExpr, scope);
  switch (op) {
    case "=":
      return equals(left, right);
    case "!=":
      return !equals(left, right);
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const order = compare(left, right);
      if (order === null) return false;
      return op === "<" ? order < 0 : op === "<=" ? order <= 0 : op === ">" ? order > 0 : order >= 0;
    }
    case "+":
    case "-":
      if (left === null || right === null) return null;
      if (isDuration(right) || isDuration(left)) return addDuration(left, right, op);
      return arithmetic(left, right, op);
    case "*":
    case "/":
      return arithmetic(left, right, op);
  }
}

function evaluateCall(fn: FunctionName, args: readonly Expr[], scope: ExpressionScope): Value {
  const arg = (i: number): Value => evaluate(args[i] as Expr, scope);
  switch (fn) {
    case "years":
    case "months":
    case "days": {
      const n = toNumber(arg(0));
      if (n === null) return null;
      if (!Number.isInteger(n)) throw new ExpressionValueError(`${fn}() needs a whole number, got ${n}`);
      return fn === "days"
        ? { kind: "duration", months: 0, days: n, seconds: 0 }
        : { kind: "duration", months: fn === "years" ? n * 12 : n, days: 0, seconds: 0 };
    }
    case "hours":
    case "minutes":
    case "seconds": {
      const n = toNumber(arg(0));
      if (n === null) return null;
      return { kind: "duration", months: 0, days: 0, seconds: n * SECONDS_PER[fn] };
    }
    case "duration": {
      const v = arg(0);
      if (v === null || isDuration(v)) return v;
      return parseDuration(toText(v));
    }
    case "to_bool":
      return toBool(arg(0));
    case "parse_date": {
      const v = arg(0);
      if (v === null) return null;
      let format: DateFormat;
      try {
        format = dateFormatOf(toText(arg(1)));
      } catch (error) {
        throw new ExpressionValueError((error as Error).message);
      }
      const parsed = format.parse(toText(v));
      if (parsed === undefined) {
        throw new ExpressionValueError(
          `${JSON.stringify(toText(v))} is not a date in the pattern ${format.pattern}`,
        );
      }
      return parsed;
    }
    case "replace":
    case "regexp_replace": {
      const v = arg(0);
      if (v === null) return null;
      const find = toText(arg(1) ?? "");
      const by = toText(arg(2) ?? "");
      if (fn === "replace") return find === "" ? toText(v) : toText(v).split(find).join(by);
      return toText(v).replace(regexOrFail(find, "g"), by);
    }
    case "regexp_extract": {
      const v = arg(0);
      if (v === null) return null;
      const match = regexOrFail(toText(arg(1) ?? "")).exec(toText(v));
      if (!match) return null;
      const group = args.length > 2 ? arg(2) : 0;
      const picked =
        typeof group === "string" && !NUMERIC.test(group)
          ? match.groups?.[group]
          : match[toNumber(group) ?? 0];
      return picked === undefined || picked === "" ? null : picked;
    }
    case "matches": {
      const v = arg(0);
      return v !== null && regexOrFail(toText(arg(1) ?? "")).test(toText(v));
    }
    case "split_part": {
      const v = arg(0);
      const n = toNumber(arg(2));
      if (v === null || n === null) return null;
      if (!Number.isInteger(n) || n < 1)
        throw new ExpressionValueError(`split_part() counts parts from 1, got ${n}`);
      const sep = toText(arg(1) ?? "");
      const part = (sep === "" ? [toText(v)] : toText(v).split(sep))[n - 1];
      return part === undefined || part.trim() === "" ? null : part.trim();
    }
    case "starts_with":
    case "ends_with":
    case "contains": {
      const v = arg(0);
      const part = arg(1);
      if (v === null || part === null) return false;
      const text = toText(v);
      const p = toText(part);
      return fn === "starts_with"
        ? text.startsWith(p)
        : fn === "ends_with"
          ? text.endsWith(p)
          : text.includes(p);
    }
    case "if":
      return isTruthy(arg(0)) ? arg(1) : args.length > 2 ? arg(2) : null;
    case "coalesce":
      for (let i = 0; i < args.length; i++) {
        const v = arg(i);
        if (v !== null && v !== "") return v;
      }
      return null;
    case "empty": {
      const v = arg(0);
      return v === null || v === "";
    }
    case "lower":
    case "upper":
    case "trim": {
      const v = arg(0);
      if (v === null) return null;
      const s = toText(v);
      return fn === "lower" ? s.toLowerCase() : fn === "upper" ? s.toUpperCase() : s.trim();
    }
    case "round": {
      const n = toNumber(arg(0));
      const digits = args.length > 1 ? (toNumber(arg(1)) ?? 0) : 0;
      if (n === null) return null;
      const scale = 10 ** digits;
      return Math.round(n * scale) / scale;
    }
  }
}

function emptyToNull(text: string | undefined): string | null {
  return text === undefined || text === "" ? null : text;
}

function isDuration(v: Value): v is Duration {
  return typeof v === "object" && v !== null;
}

function isTruthy(v: Value): boolean {
  if (v === null || v === false || v === "" || v === 0) return false;
  return true;
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

function toNumber(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const s = v.trim();
    if (!NUMERIC.test(s)) throw new ExpressionValueError(`${JSON.stringify(v)} is not a number`);
    return Number(s);
  }
  throw new ExpressionValueError("a duration is not a number");
}

function tryNumber(v: Value): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && NUMERIC.test(v.trim())) return Number(v.trim());
  return null;
}

/** Two values are equal as numbers when both read as numbers, else as text; empty equals empty. */
function equals(a: Value, b: Value): boolean {
  const aEmpty = a === null || a === "";
  const bEmpty = b === null || b === "";
  if (aEmpty || bEmpty) return aEmpty && bEmpty;
  const an = tryNumber(a);
  const bn = tryNumber(b);
  if (an !== null && bn !== null) return an === bn;
  return toText(a) === toText(b);
}

function compare(a: Value, b: Value): number | null {
  if (a === null || b === null || a === "" || b === "") return null;
  const an = tryNumber(a);
  const bn = tryNumber(b);
  if (an !== null && bn !== null) return an - bn;
  // ISO dates and plain text both order correctly as text.
  const as = toText(a);
  const bs = toText(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}

function arithmetic(left: Value, right: Value, op: "+" | "-" | "*" | "/"): Value {
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === null || b === null) return null;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? null : a / b;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// A space may stand for the T (Stripe, spreadsheets); a Z or an offset is kept in the result.
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;

function addDuration(left: Value, right: Value, op: "+" | "-"): Value {
  if (left === null || right === null) return null;
  if (isDuration(left) && isDuration(right)) {
    const sign = op === "+" ? 1 : -1;
    return {
      kind: "duration",
      months: left.months + sign * right.months,
      days: left.days + sign * right.days,
      seconds: left.seconds + sign * right.seconds,
    };
  }
  if (isDuration(left)) {
    if (op === "-") throw new ExpressionValueError("write date - duration, not duration - date");
    return addDuration(right, left, "+");
  }
  return addToDate(toText(left), right as Duration, op === "+" ? 1 : -1);
}

/**
 * An ISO date or date-time plus a duration: months, then days (Temporal
 * clamps month ends, 2024-03-31 - months(1) = 2024-02-29, as a calendar
 * does), then exact seconds. A date plus a time part becomes a date-time;
 * a date-time keeps its Z or offset.
 */
function addToDate(text: string, duration: Duration, sign: 1 | -1): string {
  const months = sign * duration.months;
  const days = sign * duration.days;
  const milliseconds = Math.round(sign * duration.seconds * 1000);
  if (ISO_DATE.test(text) && milliseconds === 0) {
    return Temporal.PlainDate.from(text).add({ months }).add({ days }).toString();
  }
  const m = ISO_DATE_TIME.exec(text) ?? (ISO_DATE.test(text) ? ISO_DATE_TIME.exec(`${text}T00:00:00`) : null);
  if (!m) {
    throw new ExpressionValueError(
      `${JSON.stringify(text)} is not an ISO date (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, with an optional Z or offset)`,
    );
  }
  const local = `${m[1]}T${(m[2] as string).replace(",", ".")}`;
  if (m[3] === undefined && m[4] === undefined) {
    return Temporal.PlainDateTime.from(local).add({ months }).add({ days }).add({ milliseconds }).toString();
  }
  const offset = m[3] !== undefined ? "+00:00" : `${m[4]}${m[5]}:${m[6] ?? "00"}`;
  const zoned = Temporal.ZonedDateTime.from(`${local}${offset}[${offset}]`)
    .add({ months })
    .add({ days })
    .add({ milliseconds });
  return m[3] !== undefined ? zoned.toInstant().toString() : zoned.toString({ timeZoneName: "never" });
}

const SECONDS_PER = { hours: 3600, minutes: 60, seconds: 1 } as const;

const CLOCK = /^(-)?(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/;
const ISO_DURATION =
  /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/**
 * A duration written as text: `64:00:00` (hours:minutes:seconds, Freshdesk),
 * `1:30` (hours:minutes), a plain number of minutes (`90`), or ISO 8601
 * `PT1H30M` / `P1DT2H` / `P1M`.
 */
export function parseDuration(text: string): Duration {
  const s = text.trim();
  const clock = CLOCK.exec(s);
  if (clock) {
    const total = Number(clock[2]) * 3600 + Number(clock[3]) * 60 + Number(clock[4] ?? 0);
    return { kind: "duration", months: 0, days: 0, seconds: clock[1] ? -total : total };
  }
  if (NUMERIC.test(s)) return { kind: "duration", months: 0, days: 0, seconds: Number(s) * 60 };
  const iso = ISO_DURATION.exec(s);
  if (iso && /\d/.test(s) && !/T$/i.test(s)) {
    const n = (i: number) => Number(iso[i] ?? 0);
    const sign = iso[1] ? -1 : 1;
    return {
      kind: "duration",
      months: sign * (n(2) * 12 + n(3)),
      days: sign * (n(4) * 7 + n(5)),
      seconds: sign * (n(6) * 3600 + n(7) * 60 + n(8)),
    };
  }
  throw new ExpressionValueError(
    `${JSON.stringify(text)} is not a duration; write 64:00:00, 1:30, a number of minutes, or PT1H30M`,
  );
}

const TRUE_WORDS = new Set(["true", "t", "yes", "y", "1", "on"]);
const FALSE_WORDS = new Set(["false", "f", "no", "n", "0", "off"]);

/** TRUE/true/yes/1 → true, FALSE/false/no/0 → false (any case), empty → null. */
function toBool(v: Value): boolean | null {
  if (v === null || typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const s = toText(v).trim().toLowerCase();
  if (s === "") return null;
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  throw new ExpressionValueError(
    `${JSON.stringify(toText(v))} is not true or false; write TRUE/FALSE, yes/no or 1/0`,
  );
}

const dateFormats = new Map<string, DateFormat>();

/** A compiled date pattern (date-format.ts), cached: patterns in a mapping are few. */
function dateFormatOf(pattern: string): DateFormat {
  let format = dateFormats.get(pattern);
  if (!format) {
    format = compileDateFormat(pattern);
    if (dateFormats.size >= MAX_CACHED_PATTERNS) dateFormats.clear();
    dateFormats.set(pattern, format);
  }
  return format;
}

const regexCache = new Map<string, RegExp>();
// Patterns read from cells could be endless; the cache keeps only the recent ones.
const MAX_CACHED_PATTERNS = 1000;

/**
 * A pattern as a JS regular expression (unicode). A leading `(?i)` makes it
 * ignore case. Throws Error when the pattern is invalid.
 */
function regexOf(pattern: string, flags = ""): RegExp {
  const key = `${flags}/${pattern}`;
  let regex = regexCache.get(key);
  if (!regex) {
    const ignoreCase = pattern.startsWith("(?i)");
    try {
      regex = new RegExp(ignoreCase ? pattern.slice(4) : pattern, `u${flags}${ignoreCase ? "i" : ""}`);
    } catch (error) {
      throw new Error(`not a valid regular expression: ${(error as Error).message}`);
    }
    if (regexCache.size >= MAX_CACHED_PATTERNS) regexCache.clear();
    regexCache.set(key, regex);
  }
  // A global regex keeps state between uses; every use starts from the beginning.
  regex.lastIndex = 0;
  return regex;
}

/** `regexOf` for a pattern met while reading rows (from a cell): a row error, not a crash. */
function regexOrFail(pattern: string, flags = ""): RegExp {
  try {
    return regexOf(pattern, flags);
  } catch (error) {
    throw new ExpressionValueError((error as Error).message);
  }
}

/** The text a value becomes in a canonical record. */
export function toText(v: Value): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "number") {
    // 15 significant digits drop binary noise (0.1 + 0.2) without losing real digits.
    return String(Number(v.toPrecision(15)));
  }
  throw new ExpressionValueError("a duration cannot be a cell value: add it to a date");
}
