import { getCountries } from "libphonenumber-js";
import type { Engine, ResultRow } from "../core/engine.js";
import { type ColumnDef, ENTITIES, type EntityDef, type EntityName } from "../core/model/entities.js";
import { isoSeconds, timestampText } from "../core/sql/timestamp-text.js";
import { type Finding, metricsUsing } from "./findings.js";
import { isPossiblePhone } from "./normalize-phone.js";

const DAY_MS = 86_400_000;
/** Older than this, an entity's data counts as stale. */
export const STALE_AFTER_DAYS = 30;
const EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
/** Identifier quoting of the engine's dialect. */
const quoter = (engine: Engine) => (name: string) => engine.dialect.quoteIdentifier(name);

/** Groups in the order their first row came in the files, so the examples are the same every run and on every engine. */
function firstSeen(engine: Engine): string {
  const q = quoter(engine);
  return `ORDER BY min(${engine.dialect.binaryOrder(q("_file"))}), min(${q("_line")})`;
}

/** Later-than pairs that must hold (METRICS.md §7, time consistency). */
const TIME_RULES: readonly { entity: EntityName; before: string; after: string }[] = [
  { entity: "leads", before: "created_at", after: "converted_at" },
  { entity: "deals", before: "created_at", after: "closed_at" },
  { entity: "subscriptions", before: "start_at", after: "end_at" },
  { entity: "subscriptions", before: "start_at", after: "canceled_at" },
  { entity: "tickets", before: "created_at", after: "first_response_at" },
  { entity: "tickets", before: "created_at", after: "resolved_at" },
];

/** Counts a check saw, for the health score. */
export interface CheckTotals {
  cellsFilled: number;
  cellsTotal: number;
  invalid: number;
  checked: number;
  orphans: number;
  references: number;
  inconsistent: number;
  timeChecked: number;
  latestAgeDays: number | null;
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly totals: CheckTotals;
}

/** Completeness, validity, orphans, time consistency and freshness as of `asOf`. */
export async function runColumnChecks(engine: Engine, asOf: Date): Promise<CheckResult> {
  const q = quoter(engine);
  const findings: Finding[] = [];
  const totals: CheckTotals = {
    cellsFilled: 0,
    cellsTotal: 0,
    invalid: 0,
    checked: 0,
    orphans: 0,
    references: 0,
    inconsistent: 0,
    timeChecked: 0,
    latestAgeDays: null,
  };
  const asOfText = timestampText(asOf.getTime());
  for (const entity of ENTITIES) {
    const rows = await count(engine, `SELECT count(*) AS n FROM ${q(entity.name)}`);
    if (rows === 0) continue;
    const affects = metricsUsing(entity.name);
    await checkCompleteness(engine, entity, rows, affects, findings, totals);
    await checkValidity(engine, entity, asOfText, affects, findings, totals);
    await checkOrphans(engine, entity, rows, affects, findings, totals);
    await checkFreshness(engine, entity, asOf, affects, findings, totals);
  }
  for (const rule of TIME_RULES) {
    const t = q(rule.entity);
    const row = (
      await engine.query({
        sql: `SELECT count(*) FILTER (WHERE ${q(rule.after)} < ${q(rule.before)}) AS bad, count(${q(rule.after)}) AS n FROM ${t}`,
        params: [],
      })
    )[0];
    const bad = Number(row?.bad ?? 0);
    const n = Number(row?.n ?? 0);
    totals.inconsistent += bad;
    totals.timeChecked += n;
    if (bad > 0) {
      findings.push({
        kind: "time_consistency",
        entity: rule.entity,
        rule: `${rule.after} >= ${rule.before}`,
        count: bad,
        rows: n,
        affects: metricsUsing(rule.entity),
      });
    }
  }
  return { findings, totals };
}

async function count(engine: Engine, sql: string, params: (string | number)[] = []): Promise<number> {
  const row = (await engine.query({ sql, params }))[0];
  return Number(row?.n ?? 0);
}

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round((part / whole) * 10000) / 10000;
}

async function checkCompleteness(
  engine: Engine,
  entity: EntityDef,
  rows: number,
  affects: string[],
  findings: Finding[],
  totals: CheckTotals,
): Promise<void> {
  const q = quoter(engine);
  const filled = entity.columns.map((c) =>
    isTextual(c)
      ? `count(*) FILTER (WHERE ${q(c.name)} IS NOT NULL AND trim(CAST(${q(c.name)} AS VARCHAR)) <> '') AS ${q(c.name)}`
      : `count(${q(c.name)}) AS ${q(c.name)}`,
  );
  const row =
    (await engine.query({ sql: `SELECT ${filled.join(", ")} FROM ${q(entity.name)}`, params: [] }))[0] ?? {};
  for (const column of entity.columns) {
    const n = Number(row[column.name] ?? 0);
    totals.cellsFilled += n;
    totals.cellsTotal += rows;
    if (n < rows) {
      findings.push({
        kind: "completeness",
        entity: entity.name,
        column: column.name,
        value: share(n, rows),
        filled: n,
        rows,
        affects,
      });
    }
  }
}

function isTextual(column: ColumnDef): boolean {
  return ["id", "text", "enum", "currency"].includes(column.kind);
}

async function checkValidity(
  engine: Engine,
  entity: EntityDef,
  asOfText: string,
  affects: string[],
  findings: Finding[],
  totals: CheckTotals,
): Promise<void> {
  const q = quoter(engine);
  const t = q(entity.name);
  const push = (
    column: string,
    rule: Extract<Finding, { kind: "validity" }>["rule"],
    invalid: number,
    checked: number,
    examples: string[],
  ) => {
    totals.invalid += invalid;
    totals.checked += checked;
    if (invalid > 0) {
      findings.push({
        kind: "validity",
        entity: entity.name,
        column,
        rule,
        value: share(checked - invalid, checked),
        invalid,
        checked,
        examples: examples.slice(0, 3),
        affects,
      });
    }
  };
  for (const column of entity.columns) {
    const c = q(column.name);
    if (column.name === "email") {
      const pattern = engine.dialect.placeholder(1);
      const bad = `NOT ${engine.dialect.matchesPattern(`trim(${c})`, pattern)}`;
      const filled = `${c} IS NOT NULL AND ${c} <> ''`;
      const rows = await engine.query({
        sql: `SELECT count(*) FILTER (WHERE ${bad}) AS bad, count(${c}) AS n FROM ${t} WHERE ${filled}`,
        params: [EMAIL_PATTERN],
      });
      const ex = await firstExamples(engine, t, c, `${filled} AND ${bad}`, [EMAIL_PATTERN]);
      push(column.name, "email_syntax", Number(rows[0]?.bad ?? 0), Number(rows[0]?.n ?? 0), ex);
    }
    if (column.kind === "currency") {
      const known = new Set(Intl.supportedValuesOf("currency"));
      await distinctCheck(
        engine,
        t,
        c,
        (v) => known.has(v.toUpperCase()),
        (invalid, checked, ex) => push(column.name, "currency_iso4217", invalid, checked, ex),
      );
    }
    if (column.kind === "money") {
      // A refund is the one row whose amount may be negative (DATA_MODEL.md, orders).
      const exempt =
        entity.name === "orders" && column.name === "amount" ? " AND type IS DISTINCT FROM 'refund'" : "";
      const rows = await engine.query({
        sql: `SELECT count(*) FILTER (WHERE ${c} < 0${exempt}) AS bad, count(${c}) AS n FROM ${t}`,
        params: [],
      });
      push(column.name, "amount_sign", Number(rows[0]?.bad ?? 0), Number(rows[0]?.n ?? 0), []);
    }
    if (column.kind === "timestamp" && !(entity.name === "subscriptions" && column.name === "end_at")) {
      const future = `${c} > ${engine.dialect.timestampParam(engine.dialect.placeholder(1))}`;
      const rows = await engine.query({
        sql: `SELECT count(*) FILTER (WHERE ${future}) AS bad, count(${c}) AS n FROM ${t}`,
        params: [asOfText],
      });
      const ex = await firstExamples(engine, t, c, future, [asOfText]);
      push(column.name, "not_in_future", Number(rows[0]?.bad ?? 0), Number(rows[0]?.n ?? 0), ex);
    }
  }
  if (entity.name === "customers") {
    const countries = new Set<string>(getCountries());
    await distinctCheck(
      engine,
      t,
      q("country"),
      (v) => countries.has(v),
      (invalid, checked, ex) => push("country", "country_iso_alpha2", invalid, checked, ex),
    );
    // A phone is valid or not for its customer's country, so group by both.
    await groupedCheck(
      engine,
      `SELECT phone AS v, country, count(*) AS n FROM customers WHERE phone IS NOT NULL AND trim(phone) <> '' GROUP BY phone, country ${firstSeen(engine)}`,
      (r) => isPossiblePhone(String(r.v), r.country === null ? null : String(r.country)),
      (invalid, checked, ex) => push("phone", "phone_possible", invalid, checked, ex),
    );
  }
}

function distinctCheck(
  engine: Engine,
  table: string,
  column: string,
  valid: (value: string) => boolean,
  report: (invalid: number, checked: number, examples: string[]) => void,
): Promise<void> {
  const sql = `SELECT ${column} AS v, count(*) AS n FROM ${table} WHERE ${column} IS NOT NULL AND ${column} <> '' GROUP BY 1 ${firstSeen(engine)}`;
  return groupedCheck(engine, sql, (r) => valid(String(r.v)), report);
}

/** Validates the groups of `sql` (columns `v`, `n`, …) in JavaScript; each group weighs `n` rows. */
async function groupedCheck(
  engine: Engine,
  sql: string,
  valid: (row: ResultRow) => boolean,
  report: (invalid: number, checked: number, examples: string[]) => void,
): Promise<void> {
  const rows = await engine.query({ sql, params: [] });
  let invalid = 0;
  let checked = 0;
  const examples: string[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    checked += n;
    if (!valid(r)) {
      invalid += n;
      if (examples.length < 3) examples.push(String(r.v));
    }
  }
  report(invalid, checked, examples);
}

/** Up to three values of `column` on rows meeting `where`, in the order of the files they came from. */
async function firstExamples(
  engine: Engine,
  table: string,
  column: string,
  where: string,
  params: readonly string[],
): Promise<string[]> {
  const q = quoter(engine);
  const rows = await engine.query({
    sql: `SELECT ${column} AS v FROM ${table} WHERE ${where} ORDER BY ${engine.dialect.binaryOrder(q("_file"))}, ${q("_line")} LIMIT 3`,
    params,
  });
  return rows.map((r) => String(r.v));
}

async function checkOrphans(
  engine: Engine,
  entity: EntityDef,
  rows: number,
  affects: string[],
  findings: Finding[],
  totals: CheckTotals,
): Promise<void> {
  const q = quoter(engine);
  for (const column of entity.columns) {
    const ref = column.references;
    if (!ref) continue;
    const c = q(column.name);
    const row = (
      await engine.query({
        sql: `SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ${q(ref.entity)} r WHERE r.${q(ref.column)} = e.${c})) AS bad,
          count(*) AS n FROM ${q(entity.name)} e WHERE e.${c} IS NOT NULL`,
        params: [],
      })
    )[0];
    const bad = Number(row?.bad ?? 0);
    totals.orphans += bad;
    totals.references += Number(row?.n ?? 0);
    if (bad > 0) {
      findings.push({
        kind: "orphans",
        entity: entity.name,
        column: column.name,
        references: `${ref.entity}.${ref.column}`,
        count: bad,
        rows,
        affects,
      });
    }
  }
}

async function checkFreshness(
  engine: Engine,
  entity: EntityDef,
  asOf: Date,
  affects: string[],
  findings: Finding[],
  totals: CheckTotals,
): Promise<void> {
  const q = quoter(engine);
  const columns = entity.columns.filter(
    (c) => c.kind === "timestamp" && !(entity.name === "subscriptions" && c.name === "end_at"),
  );
  if (columns.length === 0) return;
  const max = columns.map((c) => `max(${q(c.name)})`).join(", ");
  const sql = `SELECT ${columns.length === 1 ? max : `greatest(${max})`} AS latest FROM ${q(entity.name)}`;
  const newest = (await engine.query({ sql, params: [] }))[0]?.latest;
  if (newest === null || newest === undefined) return;
  const latest = `${isoSeconds(String(newest))}Z`;
  const ageDays = Math.max(0, Math.round(((asOf.getTime() - Date.parse(String(latest))) / DAY_MS) * 10) / 10);
  totals.latestAgeDays = totals.latestAgeDays === null ? ageDays : Math.min(totals.latestAgeDays, ageDays);
  findings.push({
    kind: "freshness",
    entity: entity.name,
    latest: String(latest),
    age_days: ageDays,
    stale: ageDays > STALE_AFTER_DAYS,
    affects,
  });
}
