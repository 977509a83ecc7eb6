/** Messages of the presets area; the other locales have exactly these keys (parity.test.ts). */
export const presetsEn = {
  "presets.error.unknown": 'Unknown preset "{value}".',
  "presets.error.unknown.fix": "Use one of: {presets}.",
  "presets.error.presetAndMapping": "--preset and --mapping exclude each other.",
  "presets.error.presetAndMapping.fix": "Pass one of them.",
  "presets.error.ambiguous": "The files look like exports of several products ({presets}).",
  "presets.error.ambiguous.fix": "Pass --preset to choose one.",
  "presets.error.noFiles": "No dataset files were found in {file}.",
  "presets.error.noFiles.fix":
    "Add customers.csv (or .ndjson, .json) and the other entities' files, pass --preset <name> for a product's export ({presets}) or --mapping <file>, or draft a mapping with: crm-kpi mapping init {dir}",
  "presets.detected":
    "Recognized a {product} export: using preset {name} ({file}); pass --preset or --mapping to choose another.",
  "presets.used": "Using preset {name} ({file}).",
  "presets.option.preset": "map a product's export with a shipped preset: {presets}",
  "presets.mapping.description": "draft and check mapping files (docs/mapping.md)",
  "presets.mapping.init.description":
    "draft a mapping file for a folder of CSV/JSON files, guessing entities and columns from headers and values",
  "presets.mapping.init.arg.dir": "folder of the data files",
  "presets.mapping.init.option.out": "write the draft to this file instead of stdout",
  "presets.mapping.init.option.force": "overwrite the --out file when it exists",
  "presets.mapping.init.option.sample": "rows read per file to guess value shapes",
  "presets.mapping.init.written":
    "Wrote the draft mapping {file}: {found} entities guessed, {todo} required columns to fill in (TODO).",
  "presets.mapping.init.next": "Check it, then: crm-kpi import {dir} --mapping {file}",
  "presets.error.outExists": "{file} exists already.",
  "presets.error.outExists.fix": "Pass --force to overwrite it, or choose another --out file.",
  "presets.error.noDataFiles": "No CSV, NDJSON or JSON files in {file}.",
  "presets.error.noDataFiles.fix": "Give the folder that holds the exported files.",
  "presets.draft.header":
    "Draft mapping written by crm-kpi mapping init for {dir}: check every guess below (docs/mapping.md).",
  "presets.draft.next": "Then import with: crm-kpi import {dir} --mapping <this file>",
  "presets.draft.source.byName":
    "{file}: entity {entity} guessed from the file name; {matched} of {total} columns matched.",
  "presets.draft.source.byHeaders":
    "{file}: entity {entity} guessed from the headers; {matched} of {total} columns matched.",
  "presets.draft.source.unknown":
    "{file}: entity not recognized (headers {headers}); add it under the right entity by hand.",
  "presets.draft.unmatched": "Not mapped, check whether one is a canonical column: {headers}",
  "presets.draft.todo.required":
    "TODO: required column {column} not found; name the source column that holds it",
  "presets.draft.note.format": "dates like {example}",
  "presets.draft.note.ambiguous": "dates like {example}: day first assumed (no day above 12 seen), check",
  "presets.draft.note.persian": "Jalali (Persian calendar) dates like {example}",
  "presets.draft.note.number": "numbers like {example}",
  "presets.draft.note.currency": "amounts written with the symbol of {currency}",
  "presets.draft.note.email": "guessed from the values (e-mail addresses)",
  "presets.draft.note.map": "values seen: {values}; check the map",
  "presets.draft.todo.map": "TODO: map {values} to one of {allowed}",
} as const;
