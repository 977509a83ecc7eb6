import { CrmKpiError } from "../../core/errors.js";
import type { EntityName } from "../../core/model/entities.js";
import type { RawRecord } from "../raw-record.js";
import {
  addDecimals,
  compareCells,
  compareDecimals,
  type Decimal,
  formatDecimal,
  parseDecimal,
} from "./decimal.js";
import type { Aggregate } from "./mapping-schema.js";

/**
 * `group_by`: many mapped records become one per group, in order of each
 * group's first row. Aggregates see each row's final canonical cell; empty
 * cells are ignored by every aggregate. A column without `aggregate` must
 * hold one value per group (empty cells aside): two different values is a
 * row error, since keeping either one would change the figures silently.
 */

export interface GroupColumn {
  readonly target: string;
  readonly aggregate: Aggregate | undefined;
  /** For first/last: the source column whose value orders the group's rows. */
  readonly orderBy: string | undefined;
}

/** One mapped record of a grouped source, with what grouping needs from its row. */
export interface GroupInput {
  readonly key: string;
  readonly file: string;
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
  /** Per column with order_by: that source column's value in this row. */
  readonly order: Readonly<Record<string, string>>;
}

type Accumulator =
  | { kind: "same"; value: string }
  | { kind: "sum"; total: Decimal | undefined }
  | { kind: "count"; n: number }
  | {
      kind: "extreme";
      max: boolean;
      number: { d: Decimal; text: string } | undefined;
      text: string | undefined;
      numeric: boolean;
    }
  | { kind: "pick"; last: boolean; value: string | undefined; order: string | undefined };

interface Group {
  readonly file: string;
  readonly line: number;
  readonly acc: Map<string, Accumulator>;
  rows: number;
}

export class RecordGroups {
  private readonly groups = new Map<string, Group>();
  private added = 0;

  constructor(
    private readonly entity: EntityName,
    private readonly columns: readonly GroupColumn[],
  ) {}

  add(input: GroupInput): void {
    this.added++;
    let group = this.groups.get(input.key);
    if (!group) {
      group = { file: input.file, line: input.line, acc: new Map(), rows: 0 };
      this.groups.set(input.key, group);
    }
    group.rows++;
    for (const column of this.columns) {
      const value = input.values[column.target] ?? "";
      const acc = group.acc.get(column.target) ?? start(column);
      group.acc.set(column.target, step(acc, value, column, input));
    }
  }

  /** Records merged into another of their group (rows in minus groups out). */
  merged(): number {
    return this.added - this.groups.size;
  }

  *records(): Generator<RawRecord> {
    for (const group of this.groups.values()) {
      const values: Record<string, string> = {};
      for (const column of this.columns) {
        const acc = group.acc.get(column.target);
        values[column.target] = acc ? finish(acc) : "";
      }
      yield { entity: this.entity, file: group.file, line: group.line, values };
    }
  }
}

function start(column: GroupColumn): Accumulator {
  switch (column.aggregate) {
    case undefined:
      return { kind: "same", value: "" };
    case "sum":
      return { kind: "sum", total: undefined };
    case "count":
      return { kind: "count", n: 0 };
    case "min":
    case "max":
      return {
        kind: "extreme",
        max: column.aggregate === "max",
        number: undefined,
        text: undefined,
        numeric: true,
      };
    case "first":
    case "last":
      return { kind: "pick", last: column.aggregate === "last", value: undefined, order: undefined };
  }
}

function step(acc: Accumulator, value: string, column: GroupColumn, input: GroupInput): Accumulator {
  if (value === "") return acc;
  switch (acc.kind) {
    case "same":
      if (acc.value !== "" && acc.value !== value) throw differs(input, column.target, acc.value, value);
      return { kind: "same", value };
    case "sum": {
      const d = parseDecimal(value);
      if (!d) throw notANumber(input, column.target, value);
      return { kind: "sum", total: acc.total ? addDecimals(acc.total, d) : d };
    }
    case "count":
      return { kind: "count", n: acc.n + 1 };
    case "extreme": {
      const d = parseDecimal(value);
      const better = (c: number) => (acc.max ? c > 0 : c < 0);
      const number =
        d && (!acc.number || better(compareDecimals(d, acc.number.d))) ? { d, text: value } : acc.number;
      const text =
        acc.text === undefined || better(value < acc.text ? -1 : value > acc.text ? 1 : 0) ? value : acc.text;
      return { ...acc, number, text, numeric: acc.numeric && d !== undefined };
    }
    case "pick": {
      if (acc.value === undefined) return { ...acc, value, order: orderOf(column, input) };
      if (column.orderBy === undefined) return acc.last ? { ...acc, value } : acc;
      const order = orderOf(column, input);
      // Rows without an order value never win over rows with one; ties keep file order.
      if (order === undefined) return acc;
      if (acc.order === undefined) return { ...acc, value, order };
      const c = compareCells(order, acc.order);
      return (acc.last ? c >= 0 : c < 0) ? { ...acc, value, order } : acc;
    }
  }
}

function orderOf(column: GroupColumn, input: GroupInput): string | undefined {
  if (column.orderBy === undefined) return undefined;
  const order = (input.order[column.target] ?? "").trim();
  return order === "" ? undefined : order;
}

function finish(acc: Accumulator): string {
  switch (acc.kind) {
    case "same":
      return acc.value;
    case "sum":
      return acc.total ? formatDecimal(acc.total) : "";
    case "count":
      return String(acc.n);
    case "extreme":
      return (acc.numeric ? acc.number?.text : acc.text) ?? "";
    case "pick":
      return acc.value ?? "";
  }
}

function differs(input: GroupInput, column: string, first: string, value: string): CrmKpiError {
  return new CrmKpiError(
    "import_bad_row",
    `${input.file}:${input.line} ${column}: "${value}" differs from "${first}" of an earlier row of the same group; give the column an aggregate (first, last, min, max, sum or count) in the mapping`,
    { messageKey: "mapping.error.groupDiffers", first, value },
    { file: input.file, line: input.line, column, value },
  );
}

function notANumber(input: GroupInput, column: string, value: string): CrmKpiError {
  return new CrmKpiError(
    "import_bad_row",
    `${input.file}:${input.line} ${column}: cannot sum "${value}", it is not a number; fix the cell or give the column number: { ... } in the mapping`,
    { messageKey: "mapping.error.sumNotNumber", value },
    { file: input.file, line: input.line, column, value },
  );
}
