/**
 * The data of an ECharts option as a table, read back from the option itself
 * so every chart gets the same keyboard-reachable alternative: rows are the
 * categories (periods, segments, stages), columns the series. Each cell keeps
 * the dataIndex/seriesIndex a click on that point would report.
 */

export interface ChartCell {
  readonly value: number | null;
  readonly text: string;
  readonly dataIndex: number;
  readonly seriesIndex: number;
}

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly label: string; readonly cells: readonly (ChartCell | null)[] }[];
}

type Option = Record<string, unknown>;
type Format = (value: number) => string;

const ISOLATES = /[\u2066-\u2069]/g;

function plain(text: unknown): string {
  return String(text ?? "").replace(ISOLATES, "");
}

function asList(value: unknown): Option[] {
  if (Array.isArray(value)) return value as Option[];
  return value !== null && typeof value === "object" ? [value as Option] : [];
}

function numberOf(raw: unknown): number | null {
  const v = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Option).value : raw;
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function formatterOf(axis: Option | undefined): Format | undefined {
  const formatter = (axis?.axisLabel as Option | undefined)?.formatter;
  return typeof formatter === "function" ? (formatter as Format) : undefined;
}

const fallback: Format = (v) => v.toLocaleString();

function cell(value: number | null, format: Format, dataIndex: number, seriesIndex: number): ChartCell {
  return { value, text: value === null ? "–" : format(value), dataIndex, seriesIndex };
}

/** null when the option is not a kind this knows (then no table is offered). */
export function chartTable(option: Option): ChartTable | null {
  const series = asList(option.series);
  const first = series[0];
  if (first === undefined) return null;
  const xAxis = asList(option.xAxis)[0];
  const yAxis = asList(option.yAxis)[0];
  if (first.type === "heatmap") return heatmapTable(option, first, xAxis, yAxis);
  if (first.type === "funnel" || first.type === "pie") {
    const data = asList(first.data);
    return {
      columns: [plain(first.name)],
      rows: data.map((d, i) => ({ label: plain(d.name), cells: [cell(numberOf(d), fallback, i, 0)] })),
    };
  }
  const categoryAxis = xAxis?.type === "category" ? xAxis : yAxis?.type === "category" ? yAxis : undefined;
  if (categoryAxis === undefined || !Array.isArray(categoryAxis.data)) return null;
  const valueAxis = categoryAxis === xAxis ? yAxis : xAxis;
  const format = formatterOf(valueAxis) ?? fallback;
  return {
    columns: series.map((s) => plain(s.name)),
    rows: (categoryAxis.data as unknown[]).map((label, i) => ({
      label: plain(label),
      cells: series.map((s, j) => {
        const data = Array.isArray(s.data) ? (s.data as unknown[]) : [];
        return cell(numberOf(data[i]), format, i, j);
      }),
    })),
  };
}

function heatmapTable(
  option: Option,
  series: Option,
  xAxis: Option | undefined,
  yAxis: Option | undefined,
): ChartTable | null {
  const xs = Array.isArray(xAxis?.data) ? (xAxis.data as unknown[]).map(plain) : null;
  const ys = Array.isArray(yAxis?.data) ? (yAxis.data as unknown[]).map(plain) : null;
  if (xs === null || ys === null) return null;
  const visual = asList(option.visualMap)[0]?.formatter;
  const format = typeof visual === "function" ? (visual as Format) : fallback;
  const grid: (ChartCell | null)[][] = ys.map(() => xs.map(() => null));
  (Array.isArray(series.data) ? (series.data as unknown[]) : []).forEach((point, i) => {
    if (!Array.isArray(point)) return;
    const [x, y, v] = point as [number, number, unknown];
    const row = grid[y];
    if (row !== undefined && x < row.length) row[x] = cell(numberOf(v), format, i, 0);
  });
  return { columns: xs, rows: ys.map((label, y) => ({ label, cells: grid[y] ?? [] })) };
}
