import type { Engine } from "../core/engine.js";
import type { ColumnDef, EntityDef, EntityName } from "../core/model/entities.js";
import type { DatasetSettings } from "../core/model/settings.js";
import { storageColumns } from "../core/schema/tables.js";
import { MONEY_SQL_TYPE } from "../core/sql/dialect.js";
import { type CsvLayout, scanCsvLayout } from "./csv-prescan.js";
import type { FxTable } from "./fx-table.js";
import { formatDay, formatScaled } from "./parse-cell.js";
import type { RawSource } from "./raw-record.js";
import { type DecimalStats, TIME_ORDER } from "./row-validator.js";
import { decimalCast, type FastViews } from "./staging.js";

/**
 * The import's fast path for canonical CSV files (issue 10): the engine
 * reads the file with its own parallel CSV reader into a typed TEMP table,
 * one SQL pass flags every row that might fail or warn under the
 * JavaScript rules of `RowValidator` (a superset: anything unusual is
 * flagged), and only the flagged rows are re-read and judged by the
 * validator, which gives the exact messages. Unflagged rows are stored as
 * the validator would have stored them: the same text (rows with a cell to
 * trim are flagged), the same casts from the same text, `<money>_base` with
 * the same rate and rounding (half away from zero at 12 decimals), the same
 * line numbers.
 *
 * The SQL here is DuckDB's (`regexp_full_match`, `getvariable`, lists,
 * ASOF joins, `rowid`), the one engine with `createCsvTable`; a second
 * engine offering it would need its own flavour of these statements.
 *
 * Eligible (everything else takes the JavaScript path, see docs/import.md):
 * an engine with `createCsvTable`; a canonical `.csv` file (no mapping or
 * preset) in UTF-8; a dataset in UTC (wall-clock times need no zone
 * rules); not fx_rates (its rows feed the rate table in file order) and no
 * second file for the same entity (ids are unique across both); a file the
 * byte scan of `scanCsvLayout` finds plain (see there).
 */

/** Characters `String.prototype.trim` removes (WhiteSpace and LineTerminator). */
export const JS_TRIM_CHARS =
  "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** Rows a fast-staged file left for the validator, and how to find their lines. */
export interface FastStage {
  /** Data records of the file. */
  readonly records: number;
  /** 0-based data record indexes, ascending, of the rows the validator must judge. */
  readonly flagged: readonly number[];
  /** Physical line of a data record (from the byte scan). */
  lineOf(index: number): number;
}

/** Options of the fast path in one import run. */
export interface FastCsvContext {
  readonly engine: Engine;
  readonly settings: DatasetSettings;
  /** The run's rates, sealed (fx_rates is imported before any fast file). */
  readonly fx: FxTable;
}

/** A SQL string literal. Only model constants, settings and file names go here; cell values never do. */
function sqlText(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

interface MoneyPlan {
  readonly def: ColumnDef;
  /** The currency column's index in the entity, or -1: then always the base currency. */
  readonly currency: number;
  /** SQL: the fx day of a row (first present fx date column) over the typed cells of the select list. */
  readonly fxDay: string;
  /**
   * The fast-table column with the rate of the row's currency on its fx
   * day (amounts that share currency and fx day share it); undefined when
   * the file has no currency column: then the amount is in the base currency.
   */
  readonly rate: string | undefined;
}

/** The run's rates as dense daily lists, for lookups without a join (joins would reorder rows). */
interface FxLists {
  /** Scale and integer digits of the widest rate. */
  readonly scale: number;
  readonly intDigits: number;
  readonly currencies: readonly {
    readonly currency: string;
    readonly firstDay: number;
    /** The rate on or before each day from `firstDay` to the currency's last rate. */
    readonly daily: readonly string[];
  }[];
}

/** Daily rates at most, over all currencies, held as SQL lists; more takes the JavaScript path. */
const MAX_FX_DAYS = 100_000;

/**
 * Stages canonical CSV files through the engine's reader. One per import
 * run: it owns the run's rate lists and the TEMP tables and views it made.
 */
export class FastCsvStager {
  private readonly views = new Map<EntityName, FastViews>();
  private readonly tables: string[] = [];
  /** Null when the rates span too many days for lists. */
  private fxLists: FxLists | null | undefined;
  /** Session variables holding the lists, one per currency of `fxLists`. */
  private readonly rateVariables: string[] = [];

  constructor(private readonly context: FastCsvContext) {}

  /** Whether a source may take the fast path at all (before its file is scanned). */
  eligible(source: RawSource, sourcesOfEntity: number): boolean {
    const { engine, settings } = this.context;
    const file = source.csvFile;
    return (
      engine.createCsvTable !== undefined &&
      file !== undefined &&
      source.cellBatches !== undefined &&
      (file.encoding === undefined || file.encoding === "utf-8") &&
      settings.timezone === "UTC" &&
      source.entity !== "fx_rates" &&
      sourcesOfEntity === 1
    );
  }

  /** The views of an entity's fast-staged rows, if it has some. */
  viewOf(entity: EntityName): FastViews | undefined {
    return this.views.get(entity);
  }

  /**
   * Reads `source` (eligible, header `columns` already checked) into the
   * entity's fast table; null when the file needs the JavaScript path, in
   * which case nothing of it was kept.
   */
  async stage(source: RawSource, def: EntityDef, columns: readonly string[]): Promise<FastStage | null> {
    const file = source.csvFile;
    const create = this.context.engine.createCsvTable?.bind(this.context.engine);
    if (!file || !create || this.views.has(def.name)) return null;
    const table = `_import_fast_${def.name}`;
    const q = this.context.engine.dialect.quoteIdentifier;
    await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
    const money = this.moneyPlans(def, columns);
    if (money.some((m) => m.rate !== undefined)) {
      if (this.rateLists() === null) return null;
      await this.storeRateLists();
    }
    // The byte scan runs while the engine reads (its threads, not ours); the scan has the last word.
    const scanning = scanCsvLayout(file.path, source.delimiter ?? ",").catch(() => null);
    let index: string | null;
    try {
      index = await create(
        table,
        { path: file.path, width: columns.length, delimiter: source.delimiter ?? "," },
        this.selectList(def, columns, money),
      );
    } catch {
      // The engine's reader disagrees with the scan (say, bytes that are not UTF-8): the JavaScript reader explains.
      index = null;
    }
    const layout = await scanning;
    if (index === null || !layout || layout.width !== columns.length) {
      await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
      return null;
    }
    this.tables.push(table);
    // Digits of the decimal columns (for exact casts), over rows whose cells have valid shapes.
    const decimals = def.columns.filter((c) => c.kind === "money" || c.kind === "decimal");
    // Unflagged cells have the canonical shape `-?digits(.digits)?` in ASCII: positions count digits
    // (three times faster than splitting the text).
    const parts = decimals.flatMap((c) => {
      const v = q(c.name);
      const point = `instr(${v}, '.')`;
      const intDigits = `CASE WHEN ${point} = 0 THEN strlen(${v}) ELSE ${point} - 1 END - CAST(starts_with(${v}, '-') AS INTEGER)`;
      const fracDigits = `CASE WHEN ${point} = 0 THEN 0 ELSE strlen(${v}) - ${point} END`;
      return [
        `max(${intDigits}) FILTER (WHERE NOT "_flag") AS ${q(`i_${c.name}`)}`,
        `max(${fracDigits}) FILTER (WHERE NOT "_flag") AS ${q(`f_${c.name}`)}`,
      ];
    });
    const [counts] = await this.context.engine.query({
      sql: `SELECT ${["count(*) AS n", ...parts].join(", ")} FROM ${q(table)}`,
      params: [],
    });
    const stats = new Map<string, DecimalStats>();
    for (const c of decimals) {
      stats.set(c.name, {
        intDigits: Math.max(1, Number(counts?.[`i_${c.name}`] ?? 1)),
        fracDigits: Number(counts?.[`f_${c.name}`] ?? 0),
      });
    }
    // A last guard: the engine must have read exactly the records the scan counted.
    if (Number(counts?.n) !== layout.records) {
      await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
      return null;
    }
    const flagged = await this.flagRows(def, table, index, layout);
    if (flagged.length > 10_000 && flagged.length > layout.records / 2) {
      // Mostly rows to re-read (say, every currency in lower case): the JavaScript path alone is cheaper.
      await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
      return null;
    }
    const views = await this.createViews(def, source.file, table, index, layout, money, stats);
    if (!views) {
      await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
      return null;
    }
    this.views.set(def.name, views);
    return { records: layout.records, flagged, lineOf: (i) => lineOf(layout, i) };
  }

  /** Drops what the stager made. */
  async drop(): Promise<void> {
    const q = this.context.engine.dialect.quoteIdentifier;
    for (const views of this.views.values()) {
      await this.context.engine.execute(`DROP VIEW IF EXISTS ${q(views.rows)}`);
      await this.context.engine.execute(`DROP VIEW IF EXISTS ${q(views.cells)}`);
    }
    for (const table of this.tables) await this.context.engine.execute(`DROP TABLE IF EXISTS ${q(table)}`);
    for (const name of this.rateVariables) await this.context.engine.execute(`RESET VARIABLE ${name}`);
    this.rateVariables.length = 0;
    this.views.clear();
    this.tables.length = 0;
  }

  private moneyPlans(def: EntityDef, columns: readonly string[]): MoneyPlan[] {
    const q = this.context.engine.dialect.quoteIdentifier;
    const present = new Set(columns);
    const rates = new Map<string, string>(); // currency column + fx day → rate column
    return def.columns
      .filter((c) => c.kind === "money")
      .map((c) => {
        const dates = (c.fxDateColumns ?? [])
          .filter((n) => present.has(n))
          .map((n) => {
            const kind = def.columns.find((d) => d.name === n)?.kind;
            // UTC: a timestamp's local day is its UTC date.
            return kind === "date" ? q(n) : `CAST(${q(n)} AS DATE)`;
          });
        const fxDay =
          dates.length === 0
            ? "NULL"
            : dates.length === 1
              ? (dates[0] as string)
              : `COALESCE(${dates.join(", ")})`;
        const currency = c.currencyColumn ? def.columns.findIndex((d) => d.name === c.currencyColumn) : -1;
        let rate: string | undefined;
        if (currency >= 0 && present.has(def.columns[currency]?.name ?? "")) {
          const key = `${currency}|${fxDay}`;
          rate = rates.get(key) ?? `_rate${rates.size}`;
          rates.set(key, rate);
        }
        return { def: c, currency, fxDay, rate };
      });
  }

  /** The run's rates as lists (made once; null when they span too many days). */
  private rateLists(): FxLists | null {
    if (this.fxLists !== undefined) return this.fxLists;
    const byCurrency = new Map<string, { day: number; rate: string }[]>();
    let scale = 0;
    let intDigits = 1;
    for (const r of this.context.fx.sealedRates()) {
      const text = formatScaled(r.rate.units, r.rate.scale);
      scale = Math.max(scale, r.rate.scale);
      intDigits = Math.max(intDigits, text.replace("-", "").split(".")[0]?.length ?? 1);
      let list = byCurrency.get(r.currency);
      if (!list) {
        list = [];
        byCurrency.set(r.currency, list);
      }
      list.push({ day: r.day, rate: text });
    }
    let days = 0;
    const currencies: { currency: string; firstDay: number; daily: string[] }[] = [];
    for (const [currency, rates] of byCurrency) {
      // sealedRates gives each currency's days ascending
      const first = rates[0] as { day: number; rate: string };
      const last = rates[rates.length - 1] as { day: number; rate: string };
      days += last.day - first.day + 1;
      if (days > MAX_FX_DAYS) {
        this.fxLists = null;
        return null;
      }
      const daily: string[] = [];
      let k = 0;
      for (let day = first.day; day <= last.day; day++) {
        while (k + 1 < rates.length && (rates[k + 1] as { day: number }).day <= day) k++;
        daily.push((rates[k] as { rate: string }).rate);
      }
      currencies.push({ currency, firstDay: first.day, daily });
    }
    // Rates that do not fit DECIMAL(38) exactly stay with the validator's exact arithmetic.
    this.fxLists = intDigits + scale > 38 ? null : { scale, intDigits, currencies };
    return this.fxLists;
  }

  /** Puts each currency's daily rates in a session variable (once per run), so queries bind them as constants. */
  private async storeRateLists(): Promise<void> {
    const lists = this.rateLists();
    if (!lists || this.rateVariables.length > 0) return;
    const type = `DECIMAL(38, ${lists.scale})`;
    for (const [i, c] of lists.currencies.entries()) {
      const name = `crm_kpi_fx_${i}`;
      await this.context.engine.execute(
        `SET VARIABLE ${name} = CAST([${c.daily.map(sqlText).join(", ")}] AS ${type}[])`,
      );
      this.rateVariables.push(name);
    }
  }

  /**
   * SQL: the rate of currency `currency` on `day` as `FxTable.lookup` finds
   * it (the latest on or before), NULL when there is none.
   */
  private rateExpression(currency: string, day: string): string {
    const lists = this.rateLists() as FxLists;
    if (lists.currencies.length === 0) return `CAST(NULL AS DECIMAL(38, ${lists.scale}))`;
    const cases = lists.currencies.map((c, i) => {
      const offset = `datediff('day', DATE '${formatDay(c.firstDay)}', ${day})`;
      const list = `getvariable('${this.rateVariables[i]}')`;
      return `WHEN ${sqlText(c.currency)} THEN CASE WHEN ${offset} >= 0 THEN ${list}[least(${offset}, ${c.daily.length - 1}) + 1] END`;
    });
    return `CASE ${currency} ${cases.join(" ")} END`;
  }

  /** The fast table's select list over `c0…`: typed cells (money as text), the rates, and `_flag`. */
  private selectList(def: EntityDef, columns: readonly string[], money: readonly MoneyPlan[]): string[] {
    const q = this.context.engine.dialect.quoteIdentifier;
    const v = new Map<string, string>();
    for (const c of def.columns) {
      const position = columns.lastIndexOf(c.name);
      // The reader gives NULL for an empty cell; cells with whitespace to trim are flagged by the scan (`trims`).
      let cell = position < 0 ? "NULL" : `c${position}`;
      if (c.default !== undefined) cell = `COALESCE(${cell}, ${sqlText(c.default)})`;
      v.set(c.name, position < 0 && c.default === undefined ? "CAST(NULL AS VARCHAR)" : cell);
    }
    const text = (name: string) => v.get(name) as string;
    // DuckDB lets a select list use the aliases before it: the rates and `_flag` read the typed cells by name.
    const select: string[] = [];
    for (const c of def.columns) select.push(`${typedCell(c, text(c.name))} AS ${q(c.name)}`);
    const rates = new Set<string>();
    for (const m of money) {
      if (m.rate === undefined || rates.has(m.rate)) continue;
      rates.add(m.rate);
      const currency = text((def.columns[m.currency] as ColumnDef).name);
      select.push(`${this.rateExpression(currency, m.fxDay)} AS ${q(m.rate)}`);
    }
    const terms = [
      ...def.columns.flatMap((c) => cellFlags(c, text(c.name), q)),
      ...this.rowFlags(def, money, text, q),
    ];
    select.push(
      `COALESCE(${terms.length === 0 ? "false" : terms.map((t) => `(${t})`).join(" OR ")}, true) AS "_flag"`,
    );
    return select;
  }

  /** Row rules of `RowValidator` (checkRowRules, warnings, fx without a date) as flag terms. */
  private rowFlags(
    def: EntityDef,
    money: readonly MoneyPlan[],
    v: (name: string) => string,
    q: (n: string) => string,
  ): string[] {
    const t = (n: string) => q(n);
    const base = sqlText(this.context.settings.base_currency);
    const terms: string[] = [];
    for (const [later, earlier] of TIME_ORDER[def.name] ?? [])
      terms.push(`COALESCE(${t(later)} < ${t(earlier)}, false)`);
    switch (def.name) {
      case "deals":
        terms.push(`${v("status")} IN ('won', 'lost') AND ${v("closed_at")} IS NULL`);
        break;
      case "survey_responses": {
        const min = `COALESCE(${t("scale_min")}, CASE ${v("survey")} WHEN 'nps' THEN 0 WHEN 'ces' THEN 1 WHEN 'csat' THEN 1 END)`;
        const max = `COALESCE(${t("scale_max")}, CASE ${v("survey")} WHEN 'nps' THEN 10 WHEN 'ces' THEN 5 WHEN 'csat' THEN 5 END)`;
        terms.push(
          `${t("score")} IS NOT NULL AND COALESCE(${t("score")} < ${min} OR ${t("score")} > ${max}, true)`,
        );
        terms.push(`COALESCE(${v("survey")} = 'nps' AND ${t("score")} <> floor(${t("score")}), false)`);
        break;
      }
      case "pipeline_stages":
        terms.push(`COALESCE(${t("position")} < 0, false)`);
        terms.push(`COALESCE(${t("probability")} < 0 OR ${t("probability")} > 1, false)`);
        break;
      case "quotas":
        terms.push(`${v("rep_id")} IS NULL AND ${v("team")} IS NULL`);
        terms.push(`COALESCE(${t("period_end")} <= ${t("period_start")}, false)`);
        break;
      case "spend":
        terms.push(`${v("date")} IS NULL AND (${v("period_start")} IS NULL OR ${v("period_end")} IS NULL)`);
        terms.push(`COALESCE(${t("period_end")} <= ${t("period_start")}, false)`);
        break;
      default:
        break;
    }
    for (const m of money) {
      if (m.rate === undefined) continue;
      const currency = (def.columns[m.currency] as ColumnDef).name;
      // A foreign amount without an fx date or a rate on or before it is an error (fx_missing).
      terms.push(
        `${v(m.def.name)} IS NOT NULL AND ${v(currency)} IS NOT NULL AND ${v(currency)} <> ${base} AND ${q(m.rate)} IS NULL`,
      );
    }
    return terms;
  }

  /** Marks the rows to re-read (row flags, cells to trim, ids seen twice); the views leave them out. */
  private async flagRows(def: EntityDef, table: string, index: string, layout: CsvLayout): Promise<number[]> {
    const { engine } = this.context;
    const q = engine.dialect.quoteIdentifier;
    const [key] = def.key;
    const keyDef = def.key.length === 1 ? def.columns.find((c) => c.name === key) : undefined;
    const idKey = keyDef?.kind === "id" ? q(keyDef.name) : undefined;
    if (layout.trims.length > 0) {
      // Rare: load them and trim their id as the validator does, so the duplicate check sees the same ids.
      const trims = `${table}_trims`;
      await engine.execute(`DROP TABLE IF EXISTS ${q(trims)}`);
      await engine.execute(`CREATE TEMP TABLE ${q(trims)} (r BIGINT)`);
      this.tables.push(trims);
      await engine.appendRows(
        trims,
        ["r"],
        layout.trims.map((r) => [r]),
      );
      const trimKey = idKey ? `, ${idKey} = NULLIF(trim(${idKey}, ${sqlText(JS_TRIM_CHARS)}), '')` : "";
      await engine.execute(
        `UPDATE ${q(table)} SET "_flag" = true${trimKey} WHERE ${index} IN (SELECT r FROM ${q(trims)})`,
      );
    }
    const terms = ["f._flag"];
    if (idKey) {
      terms.push(
        `f.${idKey} IN (SELECT ${idKey} FROM ${q(table)} WHERE ${idKey} IS NOT NULL GROUP BY ${idKey} HAVING count(*) > 1)`,
      );
    }
    const flags = `${table}_flags`;
    await engine.execute(`DROP TABLE IF EXISTS ${q(flags)}`);
    await engine.execute(
      `CREATE TEMP TABLE ${q(flags)} AS SELECT CAST(f.${index} AS BIGINT) AS r FROM ${q(table)} f WHERE ${terms.join(" OR ")}`,
    );
    this.tables.push(flags);
    const rows = await engine.query({ sql: `SELECT r FROM ${q(flags)} ORDER BY r`, params: [] });
    // Marked rather than deleted: a delete could renumber the rows, and `index` must keep naming records.
    if (rows.length > 0) {
      await engine.execute(
        `UPDATE ${q(table)} SET "_flag" = true WHERE ${index} IN (SELECT r FROM ${q(flags)})`,
      );
    }
    await engine.execute(`DROP TABLE ${q(flags)}`);
    return rows.map((r) => Number(r.r));
  }

  /**
   * The views of the fast rows as storage columns. Null when an amount × rate
   * could overflow DECIMAL(38): then the file takes the JavaScript path.
   */
  private async createViews(
    def: EntityDef,
    file: string,
    table: string,
    index: string,
    layout: CsvLayout,
    money: readonly MoneyPlan[],
    stats: ReadonlyMap<string, DecimalStats>,
  ): Promise<FastViews | null> {
    const { engine, settings } = this.context;
    const q = engine.dialect.quoteIdentifier;
    const select: string[] = [];
    const cells: string[] = [];
    const moneyByName = new Map(money.map((m) => [m.def.name, m]));
    for (const c of storageColumns(def)) {
      const name = q(c.name);
      if (c.name === "_file") {
        select.push(`${sqlText(file)} AS ${name}`);
        cells.push(`${sqlText(file)} AS ${name}`);
        continue;
      }
      if (c.name === "_line") {
        const line = layout.shifts.length === 0 ? `f.${index} + 2` : `f.${index} + 2 + COALESCE(s.extra, 0)`;
        select.push(`CAST(${line} AS INTEGER) AS ${name}`);
        cells.push(`CAST(${line} AS INTEGER) AS ${name}`);
        continue;
      }
      if (c.source) {
        const s = stats.get(c.name);
        select.push(s ? `${decimalCast(`f.${name}`, s)} AS ${name}` : `f.${name} AS ${name}`);
        cells.push(s ? `${decimalCast(`f.${name}`, s)} AS ${name}` : `f.${name} AS ${name}`);
        continue;
      }
      // `<money>_base`
      const m = moneyByName.get(c.name.slice(0, -"_base".length)) as MoneyPlan;
      const amount = `f.${q(m.def.name)}`;
      const s = stats.get(m.def.name) as DecimalStats;
      const same = decimalCast(amount, s);
      const lists = this.fxLists;
      if (m.rate === undefined || !lists) {
        select.push(`${same} AS ${name}`);
        continue;
      }
      if (s.intDigits + lists.intDigits + s.fracDigits + lists.scale > 38) return null;
      const cur = `f.${q((def.columns[m.currency] as ColumnDef).name)}`;
      const width = s.intDigits + s.fracDigits <= 18 ? 18 : 38;
      // Exact product, then one rounding to the storage scale (DuckDB rounds half away from zero, as multiplyDecimal does).
      const converted = `CAST(CAST(${amount} AS DECIMAL(${width}, ${s.fracDigits})) * f.${q(m.rate)} AS ${MONEY_SQL_TYPE})`;
      select.push(
        `CASE WHEN ${cur} IS NULL OR ${cur} = ${sqlText(settings.base_currency)} THEN ${same} ELSE ${converted} END AS ${name}`,
      );
    }
    const shiftJoin: string[] = [];
    if (layout.shifts.length > 0) {
      const shifts = `${table}_shifts`;
      await engine.execute(`DROP TABLE IF EXISTS ${q(shifts)}`);
      await engine.execute(`CREATE TEMP TABLE ${q(shifts)} (idx BIGINT, extra BIGINT)`);
      this.tables.push(shifts);
      await engine.appendRows(
        shifts,
        ["idx", "extra"],
        layout.shifts.map((s) => [s.index, s.extra]),
      );
      shiftJoin.push(`ASOF LEFT JOIN ${q(shifts)} s ON f.${index} >= s.idx`);
    }
    const views: FastViews = {
      rows: `_import_fastv_${def.name}`,
      cells: `_import_fastc_${def.name}`,
      inFileOrder: shiftJoin.length === 0,
    };
    await engine.execute(`DROP VIEW IF EXISTS ${q(views.rows)}`);
    await engine.execute(`DROP VIEW IF EXISTS ${q(views.cells)}`);
    await engine.execute(
      `CREATE TEMP VIEW ${q(views.rows)} AS SELECT ${select.join(", ")} FROM ${q(table)} f ${shiftJoin.join(" ")} WHERE NOT f."_flag"`,
    );
    await engine.execute(
      `CREATE TEMP VIEW ${q(views.cells)} AS SELECT ${cells.join(", ")} FROM ${q(table)} f ${shiftJoin.join(" ")} WHERE NOT f."_flag"`,
    );
    return views;
  }
}

/** A cell typed as the storage column holds it; `v` is its text (NULL when empty). */
function typedCell(c: ColumnDef, v: string): string {
  switch (c.kind) {
    case "timestamp":
      return `TRY_CAST(${v} AS TIMESTAMP)`;
    case "date":
      return `TRY_CAST(${v} AS DATE)`;
    case "integer":
      return `TRY_CAST(${v} AS BIGINT)`;
    case "number":
      return `TRY_CAST(${v} AS DOUBLE)`;
    default:
      // text, ids, enums, currencies; money and decimals stay text until the view casts them
      return v;
  }
}

/**
 * Flag terms of one cell: true when the validator might reject it or store
 * something else. Each accepted shape is one the validator stores as the
 * text itself (or its plain cast).
 */
function cellFlags(c: ColumnDef, v: string, q: (n: string) => string): string[] {
  const t = q(c.name);
  const terms: string[] = [];
  if (c.required) terms.push(`${v} IS NULL`);
  const shape = (() => {
    switch (c.kind) {
      case "id":
        // bytes ≥ UTF-16 units, so at most 200 bytes is at most 200 characters
        return `strlen(${v}) > 200`;
      case "text":
        return null;
      case "enum":
        return `${v} NOT IN (${(c.values ?? []).map(sqlText).join(", ")})`;
      case "currency":
        return `NOT regexp_full_match(${v}, '[A-Z]{3}')`;
      case "timestamp":
        // `YYYY-MM-DD`, or with `THH:MM:SS` / ` HH:MM:SS` (no offset, no fraction): the validator
        // stores that text; the cast rejects days a month does not have.
        return `${t} IS NULL OR NOT regexp_full_match(${v}, '${DATE_SHAPE}([T ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9])?')`;
      case "date":
        return `${t} IS NULL OR NOT regexp_full_match(${v}, '${DATE_SHAPE}')`;
      case "integer":
        return `${t} IS NULL OR NOT regexp_full_match(${v}, '[+-]?[0-9]{1,15}')`;
      case "number":
        // JavaScript stores -0 as 0; digits only, so NaN and Infinity never pass
        return `${t} IS NULL OR isinf(${t}) OR NOT regexp_full_match(${v}, '[+-]?[0-9]{1,300}(\\.[0-9]{1,300})?') OR (${t} = 0 AND starts_with(${v}, '-'))`;
      case "money":
      case "decimal":
        // the validator's canonical shape (its own text), at most 12 decimals (no rounding on the cast)
        return `NOT regexp_full_match(${v}, '-?(0|[1-9][0-9]{0,23})(\\.[0-9]{1,12})?')`;
    }
  })();
  if (shape !== null) terms.push(`${v} IS NOT NULL AND (${shape})`);
  return terms;
}

/** A date from year 1000 on (earlier years take JavaScript's `Date.UTC` two-digit-year path). */
const DATE_SHAPE = "[1-9][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

/** Line of data record `index`: `index + 2` plus the line breaks inside quoted cells before it. */
function lineOf(layout: CsvLayout, index: number): number {
  const { shifts } = layout;
  let lo = 0;
  let hi = shifts.length - 1;
  let extra = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = shifts[mid] as { index: number; extra: number };
    if (s.index <= index) {
      extra = s.extra;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return index + 2 + extra;
}
