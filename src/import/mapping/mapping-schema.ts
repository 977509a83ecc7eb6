import { z } from "zod";
import { CALENDARS, datasetSettingsSchema } from "../../core/model/settings.js";
import { TEMPLATE_FILTERS } from "./template.js";

/**
 * The shape of a mapping file (docs/mapping.md). Zod checks the shape; the
 * meaning (known entities and columns, expressions that parse) is checked in
 * compile-mapping.ts, so both report the key path of the problem.
 */

// YAML writes `Yes`, `0` and `true` as it likes: every scalar becomes text.
const scalar = z
  .union([z.string(), z.number(), z.boolean()], { error: "a text or number" })
  .transform(String);

const numberFormatSchema = z
  .strictObject({
    decimal: z.enum([".", ","], { error: 'decimal: "." or ","' }).default("."),
    thousands: z
      .enum([",", ".", " ", "'", ""], { error: 'thousands: ",", ".", " ", "\'" or ""' })
      .default(""),
  })
  .refine((f) => f.decimal !== f.thousands, "decimal and thousands separators must differ");

const dateFormatSchema = z.union(
  [
    z.string(),
    z.strictObject({
      pattern: z.string(),
      calendar: z.enum(CALENDARS).default("gregorian"),
      /** IANA zone (or UTC) of a wall-clock time written without an offset: the output keeps the instant. */
      zone: z.string().min(1).optional(),
    }),
  ],
  { error: 'a pattern such as "dd/MM/yyyy", or { pattern: "yyyy/MM/dd", calendar: persian }' },
);

/** How a grouped source turns a column's values in one group into one value. */
export const AGGREGATES = ["sum", "min", "max", "count", "first", "last"] as const;
export type Aggregate = (typeof AGGREGATES)[number];

const VALUE_KEYS = ["column", "const", "template", "expr"] as const;

export const columnSpecSchema = z.union(
  [
    z.string(),
    z
      .strictObject({
        column: z.string().optional(),
        const: scalar.optional(),
        template: z.string().optional(),
        expr: z.string().optional(),
        when: z.string().optional(),
        map: z.record(z.string(), z.union([scalar, z.null().transform(() => "")])).optional(),
        else: z.union([scalar, z.null().transform(() => "")]).optional(),
        number: numberFormatSchema.optional(),
        format: dateFormatSchema.optional(),
        transform: z.enum(TEMPLATE_FILTERS).optional(),
        default: scalar.optional(),
        /** In a source with `group_by`: how the group's values become one (docs/mapping.md, Aggregation). */
        aggregate: z.enum(AGGREGATES).optional(),
        /** For `aggregate: first | last`: the source column that orders the group's rows (default: file order). */
        order_by: z.string().min(1).optional(),
      })
      .refine((spec) => VALUE_KEYS.filter((k) => spec[k] !== undefined).length === 1, {
        error: "give exactly one of column, const, template or expr",
      }),
  ],
  { error: "a source column name, or an object with one of column, const, template, expr" },
);

const columnsSchema = z.record(z.string(), columnSpecSchema);

const fileType = z.enum(["csv", "ndjson", "json"]).optional();
// `auto` sniffs , ; tab or | from the header line (exports re-saved by a spreadsheet).
const delimiter = z
  .union([z.literal("auto"), z.string().length(1, 'one character such as , ; | or a tab, or "auto"')])
  .optional();
/** WHATWG encoding label of a source file (windows-1252, utf-16le, ...); a byte order mark wins. */
const encoding = z.string().min(1).optional();
/**
 * Header names a file must have to be this source's file. With a glob in
 * `from`, only matching files that have them are read; presets are detected by them.
 */
const matchColumns = z.array(z.string().min(1)).min(1).optional();

const joinSpecSchema = z.strictObject({
  from: z.string().min(1),
  type: fileType,
  delimiter,
  encoding,
  match_columns: matchColumns,
  /** No file for this join is not an error: its columns read as empty. */
  optional: z.boolean().default(false),
  /** Drop the main file's rows that have no match (an inner join); counted in the import summary. */
  required: z.boolean().default(false),
  /** Column of the joined file that identifies its rows. */
  key: z.string().min(1),
  /** Column of the main file (or `alias.column` of an earlier join) holding that key; defaults to `key`. */
  on: z.string().min(1).optional(),
  /** Prefix of the joined columns: `deal.seller_id`. */
  as: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a name of letters, digits and _"),
});

/** Which record of several with one key survives (docs/mapping.md, Dedupe). */
const dedupeRuleSchema = z.strictObject({
  /** Canonical columns of the key; default: the entity's key. */
  key: z.array(z.string().min(1)).min(1).optional(),
  /** first/last in file order, or earliest/latest by the canonical column `by`. */
  keep: z.enum(["first", "last", "earliest", "latest"]).default("first"),
  by: z.string().min(1).optional(),
  /** Compare keys case-insensitively (and with surrounding spaces trimmed). */
  ignore_case: z.boolean().default(false),
});

export const sourceSpecSchema = z.strictObject({
  /** A file relative to the data folder, or a glob (`*`, `?`, `**`): every match, in name order. */
  from: z.string({ error: "from: the source file, relative to the data folder" }).min(1),
  type: fileType,
  delimiter,
  encoding,
  match_columns: matchColumns,
  /** No file for this source is not an error (presets list every file a product can export). */
  optional: z.boolean().default(false),
  join: z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(joinSpecSchema).optional(),
  ),
  where: z.string().optional(),
  unpivot: z
    .strictObject({
      /** The columns to turn into records, by name. */
      columns: z.array(z.string()).min(1).optional(),
      /** Or every header matching this regular expression; its named groups read as columns. */
      match: z.string().min(1).optional(),
      name: z.string().min(1),
      value: z.string().min(1),
      keep_empty: z.boolean().default(false),
    })
    .refine((u) => (u.columns === undefined) !== (u.match === undefined), {
      error: "give exactly one of columns or match",
    })
    .optional(),
  /** Source columns (or `alias.column`) whose values make one group: one record per group. */
  group_by: z.array(z.string().min(1)).min(1).optional(),
  columns: columnsSchema.default({}),
  split: z
    .array(
      z.strictObject({
        where: z.string().optional(),
        columns: columnsSchema.default({}),
      }),
    )
    .min(1)
    .optional(),
  dedupe: z.union([z.boolean(), z.array(z.string()).min(1), dedupeRuleSchema]).optional(),
});

export const mappingSchema = z.strictObject({
  version: z.literal(1, { error: "version: 1 (the only version so far)" }).optional(),
  vars: z
    .record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a name of letters, digits and _"), scalar)
    .optional(),
  settings: z.strictObject(datasetSettingsSchema.partial().shape).optional(),
  // One source may be written without the list around it.
  entities: z.record(
    z.string(),
    z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(sourceSpecSchema).min(1)),
  ),
});

export type MappingSpec = z.infer<typeof mappingSchema>;
export type SourceSpec = z.infer<typeof sourceSpecSchema>;
export type ColumnSpec = z.infer<typeof columnSpecSchema>;
export type JoinSpec = z.infer<typeof joinSpecSchema>;
export type DedupeRule = z.infer<typeof dedupeRuleSchema>;
