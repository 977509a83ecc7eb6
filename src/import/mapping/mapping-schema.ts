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
    }),
  ],
  { error: 'a pattern such as "dd/MM/yyyy", or { pattern: "yyyy/MM/dd", calendar: persian }' },
);

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
      })
      .refine((spec) => VALUE_KEYS.filter((k) => spec[k] !== undefined).length === 1, {
        error: "give exactly one of column, const, template or expr",
      }),
  ],
  { error: "a source column name, or an object with one of column, const, template, expr" },
);

const columnsSchema = z.record(z.string(), columnSpecSchema);

const fileType = z.enum(["csv", "ndjson", "json"]).optional();
const delimiter = z.string().length(1, "one character such as , ; | or a tab").optional();

const joinSpecSchema = z.strictObject({
  from: z.string().min(1),
  type: fileType,
  delimiter,
  /** Column of the joined file that identifies its rows. */
  key: z.string().min(1),
  /** Column of the main file holding that key; defaults to `key`. */
  on: z.string().min(1).optional(),
  /** Prefix of the joined columns: `deal.seller_id`. */
  as: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "a name of letters, digits and _"),
});

export const sourceSpecSchema = z.strictObject({
  from: z.string({ error: "from: the source file, relative to the data folder" }).min(1),
  type: fileType,
  delimiter,
  join: z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(joinSpecSchema).optional(),
  ),
  where: z.string().optional(),
  unpivot: z
    .strictObject({
      columns: z.array(z.string()).min(1),
      name: z.string().min(1),
      value: z.string().min(1),
      keep_empty: z.boolean().default(false),
    })
    .optional(),
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
  dedupe: z.union([z.boolean(), z.array(z.string()).min(1)]).optional(),
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
