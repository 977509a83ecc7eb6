/** Messages of the mapping area; the other locales have exactly these keys (parity.test.ts). */
export const mappingEn = {
  "mapping.warning.noFile": "{entity}: no file found for this optional source; it was skipped",
  "mapping.warning.unpivotNoColumn":
    "{entity}: no column of {file} matches the unpivot pattern {pattern}; the file gave no records",
  "mapping.summary.title": "Mapping rules:",
  "mapping.summary.source": "{entity} ({file}, {source}): {rows} rows read, {records} records",
  "mapping.summary.where": "{count} dropped by where ({path})",
  "mapping.summary.dedupe": "{count} dropped by dedupe ({path})",
  "mapping.summary.joinRequired": "{count} dropped: no match in the required join ({path})",
  "mapping.summary.joinUnmatched": "{count} without a match in the join, kept with empty cells ({path})",
  "mapping.summary.groupBy": "{count} merged into their group ({path})",
  "mapping.error.groupDiffers":
    '{place}: "{value}" differs from "{first}" of an earlier row of the same group.',
  "mapping.error.groupDiffers.fix":
    "Give the column an aggregate (first, last, min, max, sum or count) in the mapping.",
  "mapping.error.sumNotNumber": '{place}: cannot sum "{value}", it is not a number.',
  "mapping.error.sumNotNumber.fix": "Fix the cell, or give the column a number: rule in the mapping.",
} as const;
