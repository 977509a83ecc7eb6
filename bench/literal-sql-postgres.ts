/**
 * The literal SQL of bench/literal-sql/*.sql is written for DuckDB. This
 * rewrites its few DuckDB-only constructs for PostgreSQL, mechanically and
 * statement by statement, so the statements stay as literal as written:
 *
 * - `CREATE OR REPLACE TEMP TABLE t AS …` → `DROP TABLE IF EXISTS t; CREATE TEMP TABLE t AS …;
 *   ANALYZE t`: autovacuum never analyzes temporary tables, and without statistics
 *   PostgreSQL runs the correlated subqueries as nested loops (one statement at
 *   scale 10 ran for over ten minutes); a user of PostgreSQL analyzes what they load;
 * - `INTERVAL 365 DAY` → `INTERVAL '365 day'`; `DOUBLE` → `DOUBLE PRECISION`; `**` → `^`;
 * - `epoch(x)` → `EXTRACT(EPOCH FROM x)`; `strftime(m, '%Y-%m')` → `to_char(m, 'YYYY-MM')`;
 * - `arg_max(v, k)` → `(array_agg(v ORDER BY k DESC))[1]`;
 * - `unnest(generate_series(…))` → `generate_series(…)`;
 * - DuckDB's `/` is always a true division, PostgreSQL's divides integers
 *   as integers: a divisor `NULLIF(…)` or `COUNT(*)` is multiplied by 1.0 first.
 */

/** Replaces each call `name(args)` (balanced parentheses) by `rewrite(args)`. */
function replaceCalls(sql: string, name: string, rewrite: (args: string) => string): string {
  const pattern = new RegExp(`\\b${name}\\(`, "g");
  let out = "";
  let from = 0;
  for (let m = pattern.exec(sql); m; m = pattern.exec(sql)) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < sql.length && depth > 0; i++) {
      if (sql[i] === "(") depth++;
      else if (sql[i] === ")") depth--;
    }
    out += sql.slice(from, m.index) + rewrite(sql.slice(m.index + m[0].length, i - 1));
    from = i;
    pattern.lastIndex = i;
  }
  return out + sql.slice(from);
}

/** Splits call arguments at top-level commas. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "(") depth++;
    else if (args[i] === ")") depth--;
    else if (args[i] === "," && depth === 0) {
      parts.push(args.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(args.slice(start).trim());
  return parts;
}

export function toPostgres(sql: string): string {
  const table = /CREATE OR REPLACE TEMP TABLE (\w+) AS/.exec(sql)?.[1];
  let s = sql.replace(
    /CREATE OR REPLACE TEMP TABLE (\w+) AS/g,
    "DROP TABLE IF EXISTS $1;\nCREATE TEMP TABLE $1 AS",
  );
  if (table) s = `${s};\nANALYZE ${table}`;
  s = s.replace(
    /INTERVAL (\d+) (DAY|MONTH)\b/g,
    (_, n: string, unit: string) => `INTERVAL '${n} ${unit.toLowerCase()}'`,
  );
  s = s.replace(/\bAS DOUBLE\)/g, "AS DOUBLE PRECISION)");
  s = s.replace(/ \*\* /g, " ^ ");
  s = replaceCalls(s, "epoch", (x) => `EXTRACT(EPOCH FROM ${x})`);
  s = replaceCalls(s, "strftime", (args) => {
    const [value, format] = splitArgs(args);
    if (format !== "'%Y-%m'") throw new Error(`strftime format ${format} has no translation`);
    return `to_char(${value}, 'YYYY-MM')`;
  });
  s = replaceCalls(s, "arg_max", (args) => {
    const [value, key] = splitArgs(args);
    return `(array_agg(${value} ORDER BY ${key} DESC))[1]`;
  });
  s = replaceCalls(s, "unnest", (args) => args);
  s = s.replace(/\/ NULLIF\(/g, "/ NULLIF(1.0 * ");
  s = s.replace(/\/ COUNT\(\*\)/g, "/ (1.0 * COUNT(*))");
  return s;
}
