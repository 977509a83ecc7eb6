/**
 * File-level checks of a source's header, before any row is read: a
 * header that names a column twice, or one cell that holds the whole
 * header because the file uses another separator.
 */

/** A problem of a whole file, before it gets its file name. */
export interface HeaderProblem {
  readonly code: string;
  readonly column: string | null;
  readonly value: string | null;
  readonly reason: string;
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const SEPARATORS: readonly { readonly char: string; readonly key: string; readonly flag: string }[] = [
  { char: ";", key: "importer.file.looksSemicolon", flag: "--delimiter ';'" },
  { char: "\t", key: "importer.file.looksTab", flag: "--delimiter '\\t'" },
  { char: ",", key: "importer.file.looksComma", flag: "--delimiter ','" },
];

/**
 * The header's problems; `delimiter` is set for CSV sources only.
 * `suggest` words the fix for another separator (a mapping sets it with its
 * own `delimiter:` option, not with the command-line flag).
 */
export function headerProblems(
  columns: readonly string[],
  delimiter: string | undefined,
  suggest?: (separator: string) => string,
): HeaderProblem[] {
  const problems: HeaderProblem[] = [];
  const firstAt = new Map<string, number>();
  columns.forEach((name, i) => {
    if (name === "") return;
    const first = firstAt.get(name);
    if (first === undefined) {
      firstAt.set(name, i);
      return;
    }
    // 1-based positions, as a spreadsheet user counts columns
    problems.push({
      code: "duplicate_column",
      column: name,
      value: null,
      reason: `the header names ${name} twice, in columns ${first + 1} and ${i + 1}; rename or remove one of them`,
      messageKey: "importer.file.duplicateColumn",
      params: { first: first + 1, second: i + 1 },
    });
  });
  const only = columns.length === 1 ? (columns[0] as string) : undefined;
  if (delimiter !== undefined && only !== undefined) {
    const other = SEPARATORS.find((s) => s.char !== delimiter && only.includes(s.char));
    if (other) {
      const name = other.char === "\t" ? "tab" : `"${other.char}"`;
      const flag = suggest ? suggest(other.char) : other.flag;
      problems.push({
        code: "wrong_delimiter",
        column: null,
        value: only,
        reason: `the header is one column that contains ${name}: the file looks separated by ${name}; import it with ${flag}`,
        messageKey: other.key,
        params: { flag },
      });
    }
  }
  return problems;
}
