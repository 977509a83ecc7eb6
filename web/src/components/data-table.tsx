import { useMemo, useState } from "preact/hooks";
import { cellText, columnLabel } from "../i18n/column-labels.js";
import { isolate } from "../i18n/format.js";
import { type I18n, useI18n } from "../i18n/i18n.js";
import { downloadCsv, toCsv } from "./csv.js";

export interface Column<R> {
  readonly key: string;
  readonly label: string;
  /** Raw value: sorting and CSV use it. */
  readonly value: (row: R) => unknown;
  /** Shown text; default: the raw value (numbers in local digits). */
  readonly render?: (row: R) => preact.ComponentChildren;
  readonly numeric?: boolean;
  /** Long text that may wrap (details, messages). */
  readonly wrap?: boolean;
}

interface DataTableProps<R> {
  readonly caption: string;
  readonly columns: readonly Column<R>[];
  readonly rows: readonly R[];
  readonly fileName?: string;
  /** Server-side paging or sorting: the table then only shows what it is given. */
  readonly onSort?: (key: string, order: "asc" | "desc") => void;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/** A sortable table with "Export CSV"; text from data is bidi-isolated. */
export function DataTable<R>(props: DataTableProps<R>) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<{ key: string; order: "asc" | "desc" } | null>(null);
  const number = useMemo(
    () => new Intl.NumberFormat(locale.intl, { maximumFractionDigits: 2 }),
    [locale.intl],
  );

  const rows = useMemo(() => {
    if (sort === null || props.onSort) return props.rows;
    const column = props.columns.find((c) => c.key === sort.key);
    if (column === undefined) return props.rows;
    const sign = sort.order === "asc" ? 1 : -1;
    return [...props.rows].sort((a, b) => sign * compare(column.value(a), column.value(b)));
  }, [props.rows, props.columns, sort, props.onSort]);

  const toggle = (key: string) => {
    const order = sort?.key === key && sort.order === "asc" ? "desc" : "asc";
    setSort({ key, order });
    props.onSort?.(key, order);
  };

  const exportCsv = () => {
    const header = props.columns.map((c) => c.label);
    downloadCsv(
      `${props.fileName ?? "table"}.csv`,
      toCsv(
        header,
        rows.map((row) => props.columns.map((c) => c.value(row))),
      ),
    );
  };

  const show = (column: Column<R>, row: R) => {
    if (column.render) return column.render(row);
    const v = column.value(row);
    if (typeof v === "number") return number.format(v);
    if (v === null || v === undefined) return "—";
    return isolate(typeof v === "object" ? JSON.stringify(v) : String(v));
  };

  return (
    <div class="table-block">
      <div class="table-actions">
        <button
          type="button"
          class="small"
          onClick={exportCsv}
          aria-label={`${t("web.exportCsv")}: ${props.caption}`}
        >
          {t("web.exportCsv")}
        </button>
      </div>
      {/* Keyboard users scroll it through the focusable sort buttons inside. */}
      <div class="table-scroll">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  class={c.numeric ? "num" : undefined}
                  aria-sort={
                    sort?.key === c.key ? (sort.order === "asc" ? "ascending" : "descending") : undefined
                  }
                >
                  <button type="button" class="sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    {sort?.key === c.key ? (sort.order === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {props.columns.map((c) => (
                  <td key={c.key} class={c.numeric ? "num" : c.wrap ? "wrap" : undefined}>
                    {show(c, row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** Columns for rows whose shape is only known at run time (lists, explain, findings). */
export function columnsOf(
  rows: readonly Readonly<Record<string, unknown>>[],
  i18n?: I18n,
): Column<Readonly<Record<string, unknown>>>[] {
  const keys: string[] = [];
  for (const row of rows.slice(0, 50)) {
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => ({
    key,
    label: i18n ? columnLabel(i18n, key) : key,
    render: i18n
      ? (row: Readonly<Record<string, unknown>>) => {
          const v = row[key];
          if (typeof v === "string") return isolate(cellText(i18n, key, v));
          if (typeof v === "number") return i18n.value(v);
          if (Array.isArray(v)) return isolate(v.join(", "));
          return v === null || v === undefined ? "—" : isolate(JSON.stringify(v));
        }
      : undefined,
    value: (row) => {
      const v = row[key];
      return v !== null && typeof v === "object" ? JSON.stringify(v) : v;
    },
    numeric: rows.some((r) => typeof r[key] === "number"),
  }));
}
