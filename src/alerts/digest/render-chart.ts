import * as echarts from "echarts";
import { isRightToLeft, type Lang } from "../../messages/index.js";
import type { SeriesPoint } from "../read-alert.js";
import { formatAlertValue } from "./format-value.js";
import { measureText } from "./text-measurer.js";

export interface ChartInput {
  readonly title: string;
  readonly series: readonly SeriesPoint[];
  readonly unit: string;
  readonly lang: Lang;
  /** A threshold rule's line, in the metric's units. */
  readonly threshold?: { readonly value: number; readonly label: string };
  readonly width?: number;
  readonly height?: number;
}

let platformReady = false;

/** ECharts measures labels with the real fonts (text-measurer.ts), once per process. */
function usePlatform(): void {
  if (platformReady) return;
  echarts.setPlatformAPI({ measureText: (text: string, font?: string) => measureText(text, font) });
  platformReady = true;
}

const FONT_FAMILY = "Vazirmatn, 'Noto Sans SC', sans-serif";

/**
 * The ECharts option of a digest's line chart: pure, so tests can read it.
 * Right-to-left languages get the time axis reversed and the value axis on
 * the right (ECharts has no RTL mode of its own).
 */
export function chartOption(input: ChartInput): echarts.EChartsCoreOption {
  const rtl = isRightToLeft(input.lang);
  const format = (v: number) => formatAlertValue(v, input.unit, input.lang);
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    title: { text: input.title, left: rtl ? "right" : "left", textStyle: { fontSize: 14 } },
    grid: { left: rtl ? 24 : 72, right: rtl ? 72 : 24, top: 48, bottom: 56 },
    xAxis: {
      type: "category",
      inverse: rtl,
      data: input.series.map((p) => p.label),
      axisLabel: { fontSize: 11, hideOverlap: true, rotate: input.series.length > 6 ? 30 : 0 },
    },
    yAxis: {
      type: "value",
      position: rtl ? "right" : "left",
      scale: true,
      axisLabel: { fontSize: 11, formatter: format },
    },
    series: [
      {
        type: "line",
        data: input.series.map((p) => p.value),
        connectNulls: false,
        label: { show: true, fontSize: 10, formatter: (p: { value: number }) => format(p.value) },
        ...(input.threshold
          ? {
              markLine: {
                symbol: "none",
                silent: true,
                lineStyle: { color: "#c0392b", type: "dashed" },
                label: {
                  formatter: input.threshold.label,
                  position: rtl ? "insideStartTop" : "insideEndTop",
                },
                data: [{ yAxis: input.threshold.value }],
              },
            }
          : {}),
      },
    ],
  };
}

/**
 * zrender numbers its instances and style classes process-wide (`zr7-cls-12`):
 * renumbered in order of appearance, the same input gives the same bytes.
 */
function stableIds(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-([A-Za-z]+)-?(\d+)\b/g, (id, kind: string) => {
    let name = names.get(id);
    if (name === undefined) {
      name = `zr0-${kind}-${names.size}`;
      names.set(id, name);
    }
    return name;
  });
}

/**
 * Renders the chart to an SVG document on the server (no browser).
 *
 * @example renderChartSvg({ title: "Churn", series, unit: "fraction", lang: "fa" })
 */
export function renderChartSvg(input: ChartInput): string {
  usePlatform();
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: input.width ?? 640,
    height: input.height ?? 320,
  });
  try {
    chart.setOption(chartOption(input));
    return stableIds(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
