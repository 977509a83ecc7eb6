import type { ColumnDef, EntityDef, EntityName } from "../core/model/entities.js";
import type { DatasetSettings } from "../core/model/settings.js";
import { type StorageColumn, storageColumns } from "../core/schema/tables.js";
import type { SqlValue } from "../core/sql/compiled-query.js";
import type { FxTable } from "./fx-table.js";
import { IdIndex } from "./id-index.js";
import {
  DATE_HINT,
  DECIMAL_HINT,
  formatDay,
  formatMicros,
  multiplyDecimal,
  type ParsedDecimal,
  type ParsedTime,
  parseDate,
  parseDecimal,
  parseInteger,
  parseNumber,
  parseTimestamp,
} from "./parse-cell.js";
import type { RawRecord, RecordDefect } from "./raw-record.js";

/** A problem of one row, before it gets its file and line. */
export interface RowProblem {
  readonly code: string;
  readonly column: string | null;
  readonly value: string | null;
  /** English: what is wrong and what to do. */
  readonly reason: string;
  /** The catalog message of `reason` (`importer.row.*`, in every language) and its parameters. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Why a cell is invalid: code, English reason, catalog key and its parameters. */
type CellProblem = readonly [string, string, string, Readonly<Record<string, string | number>>?];

/** Catalog keys of the reasons parse-cell returns, by their first words. */
const PARSE_REASON_KEYS: readonly (readonly [string, string])[] = [
  ["not a date-time", "importer.row.badTimestamp"],
  ["no such date", "importer.row.noSuchDate"],
  ["no such time of day", "importer.row.noSuchTime"],
  ["offset out of range", "importer.row.badOffset"],
  ["the number is too large", "importer.row.numberTooLarge"],
  ["not a number", "importer.row.badDecimal"],
];

function parseReasonKey(reason: string, fallback: string): string {
  for (const [start, key] of PARSE_REASON_KEYS) if (reason.startsWith(start)) return key;
  return fallback;
}

/** Largest digits seen in a staged decimal column, to pick a fast SQL cast. */
export interface DecimalStats {
  intDigits: number;
  fracDigits: number;
}

/** Storage scale of money and decimals (DECIMAL(38,12)). */
const STORAGE_SCALE = 12;

const SCALE_DEFAULTS: Record<string, readonly [number, number]> = { nps: [0, 10], ces: [1, 5], csat: [1, 5] };

/** Pairs [later, earlier] where the later one before the earlier one is a warning, not an error. */
export const TIME_ORDER: Partial<Record<EntityName, readonly (readonly [string, string])[]>> = {
  deals: [["closed_at", "created_at"]],
  leads: [["converted_at", "created_at"]],
  tickets: [
    ["first_response_at", "created_at"],
    ["resolved_at", "created_at"],
  ],
  survey_responses: [["responded_at", "sent_at"]],
  subscriptions: [
    ["end_at", "start_at"],
    ["canceled_at", "start_at"],
  ],
  campaigns: [["end_at", "start_at"]],
};

interface ColumnPlan {
  readonly def: ColumnDef;
  readonly stage: number;
  readonly base: number; // stage index of `<money>_base`, or -1
  readonly fxDates: readonly number[]; // plan indexes of the fx date columns
  readonly currency: number; // plan index of the currency column, or -1
}

/**
 * Validates raw records of one entity and turns each valid one into a
 * staging row (the entity's storage columns: text and decimals as text,
 * timestamps as epoch microseconds, numbers as doubles). One validator per
 * entity and run: it remembers ids to catch a second occurrence.
 */
export class RowValidator {
  readonly columns: readonly StorageColumn[];
  readonly decimalStats: (DecimalStats | null)[];
  private readonly plans: ColumnPlan[];
  private readonly byName = new Map<string, number>();
  private readonly idColumn: number;
  private readonly seenIds = new IdIndex();
  private readonly timeOrder: readonly (readonly [number, number])[];
  // Per-row scratch, reused so validating a row allocates little.
  private readonly cells: (string | undefined)[];
  private readonly present: boolean[];
  private readonly text: string[];
  private readonly micros: number[];
  private readonly days: number[];
  private readonly numbers: number[];
  private readonly time: ParsedTime = { micros: 0, localDay: 0, utcText: null };
  private readonly decimal: ParsedDecimal = { text: "", intDigits: 0, fracDigits: 0 };

  constructor(
    readonly entity: EntityDef,
    private readonly settings: DatasetSettings,
    private readonly fx: FxTable,
  ) {
    this.columns = storageColumns(entity);
    this.decimalStats = this.columns.map((c) =>
      c.kind === "money" || c.kind === "decimal" ? { intDigits: 1, fracDigits: 0 } : null,
    );
    const stageIndex = new Map(this.columns.map((c, i) => [c.name, i]));
    entity.columns.forEach((def, i) => {
      this.byName.set(def.name, i);
    });
    this.plans = entity.columns.map((def) => ({
      def,
      stage: stageIndex.get(def.name) as number,
      base: def.kind === "money" ? (stageIndex.get(`${def.name}_base`) as number) : -1,
      fxDates: (def.fxDateColumns ?? []).map((n) => this.byName.get(n) as number),
      currency: def.currencyColumn ? (this.byName.get(def.currencyColumn) ?? -1) : -1,
    }));
    const [firstKey] = entity.key;
    const keyDef =
      entity.key.length === 1 && firstKey ? entity.columns.find((c) => c.name === firstKey) : undefined;
    this.idColumn = keyDef?.kind === "id" ? (this.byName.get(keyDef.name) as number) : -1;
    this.timeOrder = (TIME_ORDER[entity.name] ?? []).map(
      ([later, earlier]) => [this.byName.get(later) as number, this.byName.get(earlier) as number] as const,
    );
    const n = entity.columns.length;
    this.cells = new Array<string | undefined>(n).fill(undefined);
    this.present = new Array<boolean>(n).fill(false);
    this.text = new Array<string>(n).fill("");
    this.micros = new Array<number>(n).fill(0);
    this.days = new Array<number>(n).fill(0);
    this.numbers = new Array<number>(n).fill(0);
  }

  /**
   * Validates `record`. Returns its staging row, or null when it has errors
   * (pushed to `errors`); warnings of a valid row go to `warnings`.
   */
  validate(record: RawRecord, errors: RowProblem[], warnings: RowProblem[]): SqlValue[] | null {
    const values = record.values;
    for (let i = 0; i < this.plans.length; i++)
      this.cells[i] = values[(this.plans[i] as ColumnPlan).def.name];
    return this.check(record.file, record.line, record.defect, errors, warnings);
  }

  /**
   * Where each of the entity's columns is in `header` (-1: absent), for
   * `validateCells`. A column named twice takes its last cell, like `cellValues`.
   */
  positionsIn(header: readonly string[]): number[] {
    return this.plans.map((plan) => header.lastIndexOf(plan.def.name));
  }

  /** `validate` for a row of positional cells (`positions` from `positionsIn` of its header). */
  validateCells(
    cells: readonly string[],
    positions: readonly number[],
    file: string,
    line: number,
    defect: RecordDefect | undefined,
    errors: RowProblem[],
    warnings: RowProblem[],
  ): SqlValue[] | null {
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i] as number;
      this.cells[i] = p >= 0 ? cells[p] : undefined;
    }
    return this.check(file, line, defect, errors, warnings);
  }

  private check(
    file: string,
    line: number,
    defect: RecordDefect | undefined,
    errors: RowProblem[],
    warnings: RowProblem[],
  ): SqlValue[] | null {
    const firstError = errors.length;
    const row: SqlValue[] = new Array<SqlValue>(this.columns.length).fill(null);
    if (defect) {
      errors.push({
        code: defect.code,
        column: defect.column ?? null,
        value: defect.value ?? null,
        reason: defect.reason,
        messageKey: defect.messageKey ?? `importer.issue.${defect.code}`,
        params: defect.params ?? {},
      });
    }
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i] as ColumnPlan;
      const def = plan.def;
      const raw = this.cells[i];
      let cell = raw === undefined ? "" : raw.trim();
      if (cell === "" && def.default !== undefined) cell = def.default;
      this.text[i] = cell;
      if (cell === "") {
        this.present[i] = false;
        if (def.required)
          errors.push(
            problem(
              "missing_required",
              def.name,
              "",
              `${def.name} is required; fill it in`,
              "importer.row.required",
            ),
          );
        continue;
      }
      this.present[i] = true;
      const reason = this.readCell(plan, i, cell, row);
      if (reason !== null) {
        this.present[i] = false;
        // The reader already explained this cell (a split `1.234,50`).
        if (defect?.code === "bad_number" && defect.column === def.name) continue;
        errors.push(problem(reason[0], def.name, raw ?? "", reason[1], reason[2], reason[3]));
      }
    }
    this.checkRowRules(errors);
    if (errors.length === firstError) this.convertMoney(row, errors);
    if (this.idColumn >= 0 && this.present[this.idColumn]) {
      const id = this.text[this.idColumn] as string;
      const name = (this.plans[this.idColumn] as ColumnPlan).def.name;
      const seenAt = this.seenIds.lineOf(id);
      if (seenAt >= 0) {
        errors.push(
          problem(
            "duplicate_id",
            name,
            id,
            `${name} ${id} already appears on line ${seenAt}; keep one row per id`,
            "importer.row.duplicateId",
            { seenAt },
          ),
        );
      } else if (errors.length === firstError) this.seenIds.add(id, line);
    }
    if (errors.length > firstError) return null;
    for (const [later, earlier] of this.timeOrder) {
      if (
        this.present[later] &&
        this.present[earlier] &&
        (this.micros[later] as number) < (this.micros[earlier] as number)
      ) {
        const laterName = (this.plans[later] as ColumnPlan).def.name;
        const earlierName = (this.plans[earlier] as ColumnPlan).def.name;
        warnings.push(
          problem(
            "time_inconsistency",
            laterName,
            this.cells[later] ?? "",
            `${laterName} is before ${earlierName}; the row was imported, check both dates`,
            "importer.row.timeOrder",
            { earlier: earlierName },
          ),
        );
      }
    }
    if (this.entity.name === "survey_responses") this.checkNpsScore(warnings);
    if (this.entity.name === "fx_rates")
      this.fx.add(this.cell("currency"), this.day("date"), this.cell("rate"));
    row[this.columns.length - 2] = file;
    row[this.columns.length - 1] = line;
    return row;
  }

  /** Parses one non-empty cell into `row`; returns why when it is invalid. */
  private readCell(plan: ColumnPlan, i: number, cell: string, row: SqlValue[]): CellProblem | null {
    const def = plan.def;
    switch (def.kind) {
      case "id":
        if (cell.length > 200)
          return ["id_too_long", "an id has at most 200 characters", "importer.row.idTooLong"];
        row[plan.stage] = cell;
        return null;
      case "text":
        row[plan.stage] = cell;
        return null;
      case "enum":
        if (!(def.values ?? []).includes(cell)) {
          const values = (def.values ?? []).join(", ");
          return [
            "unknown_value",
            `must be one of ${values} (lower case)`,
            "importer.row.unknownValue",
            { values },
          ];
        }
        row[plan.stage] = cell;
        return null;
      case "currency": {
        const code = isUpperCode(cell) ? cell : cell.toUpperCase();
        if (!isUpperCode(code))
          return [
            "bad_currency",
            "use a three-letter ISO 4217 code such as USD or IRR",
            "importer.row.badCurrency",
          ];
        this.text[i] = code;
        row[plan.stage] = code;
        return null;
      }
      case "timestamp": {
        const reason = parseTimestamp(cell, this.settings.timezone, this.time);
        if (reason !== null)
          return ["bad_timestamp", reason, parseReasonKey(reason, "importer.row.badTimestamp")];
        this.micros[i] = this.time.micros;
        this.days[i] = this.time.localDay;
        row[plan.stage] = this.time.utcText ?? formatMicros(this.time.micros);
        return null;
      }
      case "date": {
        const text = parseDate(cell, this.time);
        if (text === null) return ["bad_date", `not a valid date; ${DATE_HINT}`, "importer.row.badDate"];
        this.micros[i] = this.time.micros;
        this.days[i] = this.time.localDay;
        row[plan.stage] = text;
        return null;
      }
      case "integer": {
        const value = parseInteger(cell);
        if (Number.isNaN(value))
          return [
            "bad_number",
            "not a whole number; write digits only, e.g. 1985",
            "importer.row.badInteger",
          ];
        this.numbers[i] = value;
        row[plan.stage] = value;
        return null;
      }
      case "number": {
        const value = parseNumber(cell);
        if (Number.isNaN(value))
          return ["bad_number", `not a number; ${DECIMAL_HINT}`, "importer.row.badDecimal"];
        this.numbers[i] = value;
        row[plan.stage] = value;
        return null;
      }
      case "money":
      case "decimal": {
        const reason = parseDecimal(cell, this.decimal);
        if (reason !== null) return ["bad_number", reason, parseReasonKey(reason, "importer.row.badDecimal")];
        if (def.kind === "decimal" && this.entity.name === "fx_rates" && !/[1-9]/.test(this.decimal.text)) {
          return ["out_of_range", "an exchange rate must be greater than 0", "importer.row.rateNotPositive"];
        }
        if (this.decimal.text.startsWith("-") && this.entity.name === "fx_rates") {
          return ["out_of_range", "an exchange rate must be greater than 0", "importer.row.rateNotPositive"];
        }
        this.text[i] = this.decimal.text;
        row[plan.stage] = this.decimal.text;
        this.track(plan.stage, this.decimal.intDigits, this.decimal.fracDigits);
        return null;
      }
    }
  }

  private track(stage: number, intDigits: number, fracDigits: number): void {
    const stats = this.decimalStats[stage];
    if (!stats) return;
    if (intDigits > stats.intDigits) stats.intDigits = intDigits;
    if (fracDigits > stats.fracDigits) stats.fracDigits = fracDigits;
  }

  /** The first of `indexes` whose cell is present, or -1. */
  private firstPresent(indexes: readonly number[]): number {
    for (const i of indexes) if (this.present[i]) return i;
    return -1;
  }

  private has(name: string): boolean {
    const i = this.byName.get(name);
    return i !== undefined && (this.present[i] as boolean);
  }

  private num(name: string): number {
    return this.numbers[this.byName.get(name) as number] as number;
  }

  private day(name: string): number {
    return this.days[this.byName.get(name) as number] as number;
  }

  private cell(name: string): string {
    return this.text[this.byName.get(name) as number] as string;
  }

  /** Rules that involve more than one cell (DATA_MODEL.md). */
  private checkRowRules(errors: RowProblem[]): void {
    switch (this.entity.name) {
      case "deals": {
        const status = this.cell("status");
        if (
          (status === "won" || status === "lost") &&
          !this.has("closed_at") &&
          this.cell("closed_at") === ""
        ) {
          errors.push(
            problem(
              "missing_required",
              "closed_at",
              "",
              `closed_at is required when status is ${status}`,
              "importer.row.closedAtRequired",
              { status },
            ),
          );
        }
        return;
      }
      case "survey_responses": {
        if (!this.has("score")) return;
        const defaults = SCALE_DEFAULTS[this.cell("survey")];
        const min = this.has("scale_min") ? this.num("scale_min") : defaults?.[0];
        const max = this.has("scale_max") ? this.num("scale_max") : defaults?.[1];
        const score = this.num("score");
        if ((min !== undefined && score < min) || (max !== undefined && score > max)) {
          errors.push(
            problem(
              "out_of_range",
              "score",
              this.cell("score"),
              `score must be within ${min ?? "…"}..${max ?? "…"} (scale_min..scale_max)`,
              "importer.row.scoreOutOfRange",
              { min: min ?? "…", max: max ?? "…" },
            ),
          );
        }
        return;
      }
      case "pipeline_stages": {
        if (this.has("position") && this.num("position") < 0) {
          errors.push(
            problem(
              "out_of_range",
              "position",
              this.cell("position"),
              "position must be 0 or more",
              "importer.row.negativePosition",
            ),
          );
        }
        if (this.has("probability")) {
          const p = this.num("probability");
          if (p < 0 || p > 1) {
            errors.push(
              problem(
                "out_of_range",
                "probability",
                this.cell("probability"),
                "probability is a fraction in 0..1",
                "importer.row.probabilityRange",
              ),
            );
          }
        }
        return;
      }
      case "quotas":
        if (
          !this.has("rep_id") &&
          !this.has("team") &&
          this.cell("rep_id") === "" &&
          this.cell("team") === ""
        ) {
          errors.push(
            problem(
              "missing_required",
              "rep_id",
              "",
              "a quota needs rep_id or team",
              "importer.row.quotaOwner",
            ),
          );
        }
        this.checkPeriod(errors);
        return;
      case "spend":
        if (
          this.cell("date") === "" &&
          (this.cell("period_start") === "" || this.cell("period_end") === "")
        ) {
          errors.push(
            problem(
              "missing_required",
              "date",
              "",
              "give date, or both period_start and period_end",
              "importer.row.spendDate",
            ),
          );
        }
        this.checkPeriod(errors);
        return;
      default:
        return;
    }
  }

  /**
   * NPS asks for a whole number 0..10: a 7.5 still counts (the row is kept,
   * 7.5 is a passive) but most likely comes from an average or a converted scale.
   */
  private checkNpsScore(warnings: RowProblem[]): void {
    if (!this.has("score") || this.cell("survey") !== "nps" || Number.isInteger(this.num("score"))) return;
    warnings.push(
      problem(
        "non_integer_score",
        "score",
        this.cell("score"),
        "an NPS score is a whole number 0..10; the row was imported, check whether the score was averaged or converted",
        "importer.row.npsNotInteger",
      ),
    );
  }

  private checkPeriod(errors: RowProblem[]): void {
    if (
      this.has("period_start") &&
      this.has("period_end") &&
      this.day("period_end") <= this.day("period_start")
    ) {
      errors.push(
        problem(
          "bad_range",
          "period_end",
          this.cell("period_end"),
          "period_end (exclusive) must be after period_start",
          "importer.row.periodOrder",
        ),
      );
    }
  }

  /** Writes `<money>_base` = amount × the fx rate of its currency on its fx date. */
  private convertMoney(row: SqlValue[], errors: RowProblem[]): void {
    let fxFailed = false;
    for (let i = 0; i < this.plans.length; i++) {
      const plan = this.plans[i] as ColumnPlan;
      if (plan.base < 0 || !this.present[i]) continue;
      const amount = this.text[i] as string;
      const currency =
        plan.currency >= 0 && this.present[plan.currency]
          ? (this.text[plan.currency] as string)
          : this.settings.base_currency;
      if (currency === this.settings.base_currency) {
        row[plan.base] = amount;
        const stats = this.decimalStats[plan.stage] as DecimalStats;
        this.track(plan.base, stats.intDigits, stats.fracDigits);
        continue;
      }
      const dateIndex = this.firstPresent(plan.fxDates);
      if (dateIndex < 0) {
        const name = plan.def.fxDateColumns?.[0] ?? plan.def.name;
        errors.push(
          problem(
            "fx_missing",
            name,
            "",
            `${currency} needs a date to convert ${plan.def.name}`,
            "importer.row.fxNoDate",
            { currency, amount: plan.def.name },
          ),
        );
        continue;
      }
      const rate = this.fx.lookup(currency, this.days[dateIndex] as number);
      // amount and cost share currency and date: one missing rate is one error
      if (typeof rate === "string" && fxFailed) continue;
      if (typeof rate === "string") fxFailed = true;
      if (rate === "no_currency") {
        errors.push(
          problem(
            "fx_missing",
            (this.plans[plan.currency] as ColumnPlan).def.name,
            currency,
            `no fx_rates for ${currency}; add its rates to fx_rates or correct the currency`,
            "importer.row.fxNoCurrency",
            { currency },
          ),
        );
        continue;
      }
      if (rate === "no_rate_before") {
        const dateName = (this.plans[dateIndex] as ColumnPlan).def.name;
        errors.push(
          problem(
            "fx_missing",
            dateName,
            this.text[dateIndex] as string,
            `no ${currency} rate on or before ${formatDay(this.days[dateIndex] as number)}; add an earlier rate to fx_rates`,
            "importer.row.fxNoRate",
            { currency, date: formatDay(this.days[dateIndex] as number) },
          ),
        );
        continue;
      }
      const base = multiplyDecimal(amount, rate as Exclude<typeof rate, null>, STORAGE_SCALE);
      row[plan.base] = base;
      const point = base.indexOf(".");
      const intDigits = (point < 0 ? base.length : point) - (base.startsWith("-") ? 1 : 0);
      this.track(plan.base, intDigits, point < 0 ? 0 : base.length - point - 1);
    }
  }
}

function problem(
  code: string,
  column: string | null,
  value: string | null,
  reason: string,
  messageKey: string,
  params: Readonly<Record<string, string | number>> = {},
): RowProblem {
  return { code, column, value, reason, messageKey, params };
}

/** Three ASCII capitals, as ISO 4217 codes are. */
function isUpperCode(text: string): boolean {
  if (text.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}
