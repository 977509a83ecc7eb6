/**
 * The value contract every engine keeps (as DuckDB's JSON rows give them):
 * INTEGER and DOUBLE as numbers; BIGINT, COUNT and NUMERIC as exact text;
 * TIMESTAMP as `YYYY-MM-DD HH:MM:SS[.fff]` (UTC, no zone mark); DATE as
 * `YYYY-MM-DD`; BOOLEAN as a boolean. PostgreSQL clients parse some of
 * these their own way (`pg` turns DATE into a local-midnight Date, PGlite
 * turns int8 into a bigint), so the adapters give them these parsers, keyed
 * by PostgreSQL type OID.
 */
export const TYPE_OIDS = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  numeric: 1700,
} as const;

const asText = (value: string): string => value;
const asNumber = (value: string): number => Number(value);

export const VALUE_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  [TYPE_OIDS.bool]: (value) => value === "t" || value === "true",
  [TYPE_OIDS.int8]: asText,
  [TYPE_OIDS.int2]: asNumber,
  [TYPE_OIDS.int4]: asNumber,
  [TYPE_OIDS.float4]: asNumber,
  [TYPE_OIDS.float8]: asNumber,
  [TYPE_OIDS.date]: asText,
  [TYPE_OIDS.timestamp]: asText,
  // Sessions run in UTC, so a timestamptz prints as `… +00`: the same instant as plain text.
  [TYPE_OIDS.timestamptz]: (value) => value.replace(/\+00(:00)?$/, ""),
  [TYPE_OIDS.numeric]: asText,
};
