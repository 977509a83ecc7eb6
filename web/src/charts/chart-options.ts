/**
 * Pure ECharts option builders. RTL is an input: ECharts has no RTL switch,
 * so the category axis is inverted and the value axis moves to the right.
 * Data labels are wrapped in bidi isolates and tooltip text is escaped.
 */
import { escapeHtml, isolate } from "../i18n/format.js";

export interface SeriesInput {
  readonly name: string;
  readonly data: readonly (number | null | undefined)[];
  /** Stack group; bars with the same stack pile up. */
  readonly stack?: string;
  readonly kind?: "line" | "bar";
  /** Drawn dashed and grey: the comparison with the previous period. */
  readonly dashed?: boolean;
}

export interface CartesianInput {
  readonly categories: readonly string[];
  readonly series: readonly SeriesInput[];
  readonly rtl: boolean;
  readonly format: (value: number | null) => string;
  /** Horizontal bars: categories on the y axis. */
  readonly horizontal?: boolean;
  readonly goal?: { readonly value: number; readonly label: string };
  readonly fontFamily?: string;
}

type Option = Record<string, unknown>;

const PALETTE = ["#2563eb", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

function cleanData(data: readonly (number | null | undefined)[], length: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    const v = data[i];
    out.push(typeof v === "number" && Number.isFinite(v) ? v : null);
  }
  return out;
}

function tooltipFormatter(format: (value: number | null) => string) {
  return (params: unknown): string => {
    const list = (Array.isArray(params) ? params : [params]) as {
      axisValueLabel?: string;
      name?: string;
      seriesName?: string;
      value?: unknown;
      marker?: string;
    }[];
    const head = escapeHtml(list[0]?.axisValueLabel ?? list[0]?.name ?? "");
    const lines = list.map((p) => {
      const raw = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
      const value = typeof raw === "number" ? raw : null;
      return `${p.marker ?? ""}${escapeHtml(p.seriesName ?? "")}: ${escapeHtml(format(value))}`;
    });
    return [head, ...lines].join("<br/>");
  };
}

/** Lines and bars over periods or segments (stacked when the series share a `stack`). */
export function cartesianOption(input: CartesianInput): Option {
  const { categories, rtl, format } = input;
  const categoryAxis = {
    type: "category",
    data: categories.map(isolate),
    inverse: input.horizontal ? false : rtl,
    axisLabel: { hideOverlap: true },
  };
  const valueAxis = {
    type: "value",
    position: input.horizontal ? undefined : rtl ? "right" : "left",
    inverse: input.horizontal ? rtl : false,
    axisLabel: { formatter: (v: number) => format(v) },
  };
  const series = input.series.map((s, index) => {
    const base: Option = {
      name: isolate(s.name),
      type: s.kind ?? "line",
      data: cleanData(s.data, categories.length),
      connectNulls: false,
      emphasis: { focus: "series" },
    };
    if (s.stack !== undefined) base.stack = s.stack;
    if (s.dashed) {
      base.lineStyle = { type: "dashed", color: "#9ca3af" };
      base.itemStyle = { color: "#9ca3af" };
      base.symbol = "none";
    }
    if (index === 0 && input.goal !== undefined) {
      base.markLine = {
        symbol: "none",
        lineStyle: { type: "dashed", color: "#dc2626" },
        label: { formatter: input.goal.label, position: rtl ? "insideStartTop" : "insideEndTop" },
        data: [input.horizontal ? { xAxis: input.goal.value } : { yAxis: input.goal.value }],
      };
    }
    return base;
  });
  return {
    color: PALETTE,
    textStyle: input.fontFamily ? { fontFamily: input.fontFamily } : undefined,
    animation: false,
    grid: { left: 56, right: 56, top: 40, bottom: 32, containLabel: true },
    legend: input.series.length > 1 ? { type: "scroll", top: 0, left: rtl ? "right" : "left" } : undefined,
    tooltip: {
      trigger: "axis",
      confine: true,
      formatter: tooltipFormatter(format),
      textStyle: { align: rtl ? "right" : "left" },
    },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal
      ? { ...categoryAxis, inverse: true, position: rtl ? "right" : "left" }
      : valueAxis,
    series,
  };
}

export interface HeatmapInput {
  /** Columns (periods since acquisition). */
  readonly xLabels: readonly string[];
  /** Rows (cohorts). */
  readonly yLabels: readonly string[];
  /** `[x, y, value]`; a null value is left blank. */
  readonly cells: readonly (readonly [number, number, number | null])[];
  readonly rtl: boolean;
  readonly format: (value: number | null) => string;
  readonly xName?: string;
}

export function heatmapOption(input: HeatmapInput): Option {
  const values = input.cells.map((c) => c[2]).filter((v): v is number => v !== null && Number.isFinite(v));
  const max = values.length === 0 ? 1 : Math.max(...values, 0) || 1;
  return {
    animation: false,
    grid: { left: 80, right: 80, top: 24, bottom: 72, containLabel: true },
    tooltip: {
      confine: true,
      formatter: (p: { value?: [number, number, number | null] }) => {
        const [x, y, v] = p.value ?? [0, 0, null];
        return `${escapeHtml(input.yLabels[y] ?? "")} · ${escapeHtml(input.xLabels[x] ?? "")}: ${escapeHtml(input.format(v))}`;
      },
    },
    xAxis: {
      type: "category",
      data: input.xLabels.map(isolate),
      inverse: input.rtl,
      name: input.xName,
      nameLocation: "middle",
      nameGap: 28,
    },
    yAxis: {
      type: "category",
      data: input.yLabels.map(isolate),
      inverse: true,
      position: input.rtl ? "right" : "left",
      // The cohort axis is named in the panel: a vertical axis name collides with long labels.
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      inRange: { color: ["#eff6ff", "#1d4ed8"] },
      formatter: (v: number) => input.format(v),
    },
    series: [
      {
        type: "heatmap",
        data: input.cells.filter((c) => c[2] !== null).map((c) => [c[0], c[1], c[2]]),
        label: {
          show: input.xLabels.length <= 13,
          formatter: (p: { value: [number, number, number] }) => input.format(p.value[2]),
        },
      },
    ],
  };
}

export interface FunnelInput {
  readonly stages: readonly { readonly name: string; readonly value: number | null }[];
  readonly rtl: boolean;
  readonly format: (value: number | null) => string;
}

export function funnelOption(input: FunnelInput): Option {
  const data = input.stages.map((s) => ({ name: isolate(s.name), value: s.value ?? 0 }));
  return {
    color: PALETTE,
    animation: false,
    tooltip: {
      confine: true,
      formatter: (p: { name?: string; value?: number }) =>
        `${escapeHtml(p.name ?? "")}: ${escapeHtml(input.format(p.value ?? null))}`,
    },
    series: [
      {
        type: "funnel",
        sort: "none",
        left: "10%",
        width: "80%",
        funnelAlign: "center",
        label: {
          show: true,
          position: "inside",
          formatter: (p: { name: string; value: number }) => `${p.name} ${input.format(p.value)}`,
        },
        data,
      },
    ],
  };
}
