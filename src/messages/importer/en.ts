/** Messages of the importer area (Importer input: encodings, delimiters, headers, numbers, row errors and warnings); the other locales have exactly these keys (parity.test.ts). */
export const importerEn = {
  // Errors that stop the import (CrmKpiError with a messageKey)
  "importer.error.badEncoding": "{file}:{line}: the text is not valid {encoding}.",
  "importer.error.badEncoding.fix":
    "Save the file as UTF-8, or give its encoding with --encoding (for example --encoding windows-1256).",
  "importer.error.unknownEncoding": 'Unknown encoding "{value}".',
  "importer.error.unknownEncoding.fix":
    "Use utf-8, utf-16le, windows-1256, windows-1252, latin1 or another WHATWG encoding name.",
  "importer.error.unknownDelimiter": 'Unknown delimiter "{value}".',
  "importer.error.unknownDelimiter.fix": "Use ',', ';', '|' or '\\t' (a tab).",
  // Problems of a whole file
  "importer.error.delimiterWithMapping":
    "--delimiter applies to canonical files, not to a mapping's sources.",
  "importer.error.delimiterWithMapping.fix": "Give each source its delimiter in the mapping file.",
  "importer.error.duplicateColumn":
    "{file}:1: the header names {column} twice, in columns {first} and {second}.",
  "importer.error.duplicateColumn.fix": "Rename or remove one of the two columns.",
  "importer.error.emptyFile": "{file}: the file is empty (not even a header).",
  "importer.error.emptyFile.fix":
    "Export it again, or remove its source from the mapping if there is no data for it.",
  "importer.error.looksSemicolon":
    "{file}:1: the header is one column that contains semicolons: the file looks separated by semicolons.",
  "importer.error.looksSemicolon.fix": "Set {flag} on this source in the mapping file.",
  "importer.error.looksTab":
    "{file}:1: the header is one column that contains tabs: the file looks separated by tabs.",
  "importer.error.looksTab.fix": "Set {flag} on this source in the mapping file.",
  "importer.error.looksComma":
    "{file}:1: the header is one column that contains commas: the file looks separated by commas.",
  "importer.error.looksComma.fix": "Set {flag} on this source in the mapping file.",
  "importer.option.encoding":
    "encoding of the files: utf-8 (default), utf-16le, windows-1256, windows-1252, latin1, ...",
  "importer.option.delimiter": "cell separator of the CSV files: ',' (default), ';', '|' or '\\t'",
  "importer.file.unreadable": "cannot read the file; check its format",
  "importer.file.unreadablePast":
    "the file cannot be read past this point; fix it (often an unclosed quote) and import again",
  "importer.file.empty":
    "the file is empty (not even a header); export it again, or delete it if there is no data for it",
  "importer.file.headerOnly": "the file has a header but no rows; nothing was imported from it",
  "importer.file.noRecords": "the file holds no records; nothing was imported from it",
  "importer.file.duplicateColumn":
    "the header names {column} twice, in columns {first} and {second}; rename or remove one of them",
  "importer.file.looksSemicolon":
    "the header is one column that contains semicolons: the file looks separated by semicolons; import it with {flag}",
  "importer.file.looksTab":
    "the header is one column that contains tabs: the file looks separated by tabs; import it with {flag}",
  "importer.file.looksComma":
    "the header is one column that contains commas: the file looks separated by commas; import it with {flag}",
  "importer.file.missingColumn":
    "the file has no {column} column, which {entity} requires; the whole file was rejected, add the column",
  "importer.file.unknownColumn":
    "{column} is not a column of {entity} and was ignored; rename it or use a mapping file",
  // Problems of one row
  "importer.row.required": "{column} is required; fill it in",
  "importer.row.duplicateId": "{column} {value} already appears on line {seenAt}; keep one row per id",
  "importer.row.timeOrder": "{column} is before {earlier}; the row was imported, check both dates",
  "importer.row.idTooLong": "an id has at most 200 characters",
  "importer.row.unknownValue": "must be one of {values} (lower case)",
  "importer.row.badCurrency": "use a three-letter ISO 4217 code such as USD or IRR",
  "importer.row.badTimestamp":
    "not a date-time; use ISO 8601 such as 2024-03-05, 2024-03-05T14:30:00 or 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchDate":
    "no such date; use ISO 8601 such as 2024-03-05, 2024-03-05T14:30:00 or 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchTime":
    "no such time of day; use ISO 8601 such as 2024-03-05, 2024-03-05T14:30:00 or 2024-03-05T14:30:00+03:30",
  "importer.row.badOffset":
    "offset out of range; use ISO 8601 such as 2024-03-05, 2024-03-05T14:30:00 or 2024-03-05T14:30:00+03:30",
  "importer.row.badDate": "not a valid date; use an ISO date such as 2024-03-05",
  "importer.row.badInteger": "not a whole number; write digits only, e.g. 1985",
  "importer.row.badDecimal":
    "not a number; write a number with . as the decimal point and no thousands separators, e.g. 1234.50",
  "importer.row.numberTooLarge": "the number is too large (at most 24 digits before the decimal point)",
  "importer.row.commaDecimal":
    "looks like a number with a comma as the decimal point, which split the row into one cell too many; quote the cell or write it as {suggestion}",
  "importer.row.rateNotPositive": "an exchange rate must be greater than 0",
  "importer.row.closedAtRequired": "closed_at is required when status is {status}",
  "importer.row.scoreOutOfRange": "score must be within {min}..{max} (scale_min..scale_max)",
  "importer.row.npsNotInteger":
    "an NPS score is a whole number 0..10; the row was imported, check whether the score was averaged or converted",
  "importer.row.negativePosition": "position must be 0 or more",
  "importer.row.probabilityRange": "probability is a fraction in 0..1",
  "importer.row.quotaOwner": "a quota needs rep_id or team",
  "importer.row.spendDate": "give date, or both period_start and period_end",
  "importer.row.periodOrder": "period_end (exclusive) must be after period_start",
  "importer.row.fxNoDate": "{currency} needs a date to convert {amount}",
  "importer.row.fxNoCurrency":
    "no fx_rates for {currency}; add its rates to fx_rates or correct the currency",
  "importer.row.fxNoRate": "no {currency} rate on or before {date}; add an earlier rate to fx_rates",
  "importer.row.orphan":
    "{column} {value} is not a known {refColumn} in {refEntity}; the row was imported, add the missing {refEntity} row or correct the id",
  "importer.row.orphanMore": "{count} more rows of {entity} have a {column} not found in {refEntity}",
  "importer.row.wrongCellCount":
    "the row has {cells} cells but the header has {expected}; check for a missing or extra separator or an unclosed quote",
  "importer.row.badJson": "not valid JSON; fix the syntax of this record",
  "importer.row.notAnObject": 'each record must be a JSON object such as {"customer_id": "C1", ...}',
  // Generic messages by code, for problems that bring no message of their own (mapped sources)
  "importer.issue.wrong_cell_count":
    "the row has another number of cells than the header; check for an unquoted separator",
  "importer.issue.bad_number": "not a number; write a number with . as the decimal point",
  "importer.issue.bad_json": "not valid JSON; fix the syntax of this record",
  "importer.issue.not_an_object": "each record must be a JSON object",
  "importer.issue.other": "this row cannot be imported ({code})",
  /** After a value cut short in an error. */
  "importer.value.length": "({length} characters)",
} as const;
