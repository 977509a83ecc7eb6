import { describe, expect, it } from "vitest";
import { chartOption, renderChartSvg } from "./render-chart.js";
import { measureText } from "./text-measurer.js";

const PERSIAN_MONTHS = [
  "فروردین ۱۴۰۳",
  "اردیبهشت ۱۴۰۳",
  "خرداد ۱۴۰۳",
  "تیر ۱۴۰۳",
  "مرداد ۱۴۰۳",
  "شهریور ۱۴۰۳",
];
const series = (labels: readonly string[]) =>
  labels.map((label, i) => ({ period: `1403-0${i + 1}`, label, value: i / 100 }));

/** The x-axis labels of an SVG chart: the texts on the axis's line, with their centre x. */
function axisLabels(svg: string): { x: number; text: string; size: number }[] {
  const pattern =
    /<text[^>]*text-anchor="middle"[^>]*font-size:(\d+)px[^>]*transform="translate\(([\d.]+) ([\d.]+)\)"[^>]*>([^<]*)<\/text>/g;
  const labels = [...svg.matchAll(pattern)].map((m) => ({
    size: Number(m[1]),
    x: Number(m[2]),
    y: Number(m[3]),
    text: m[4] ?? "",
  }));
  const axisY = Math.max(...labels.map((l) => l.y));
  return labels.filter((l) => l.y === axisY);
}

describe("digest charts rendered on the server", () => {
  it("measures Persian, Arabic and Chinese text with the real fonts", () => {
    for (const text of ["فروردین ۱۴۰۳", "محرم ١٤٤٦", "2024年3月", "March 2024"]) {
      expect(measureText(text, "12px sans-serif").width).toBeGreaterThan(0);
    }
    const short = measureText("تیر", "12px sans-serif").width;
    const long = measureText("اردیبهشت", "12px sans-serif").width;
    expect(long).toBeGreaterThan(short);
    // Twice the font size, twice the width.
    expect(measureText("اردیبهشت", "24px sans-serif").width).toBeCloseTo(2 * long, 6);
    // Shaped, not summed letter by letter: joined Persian letters take less room than isolated ones.
    const isolated = [..."مشتری"].reduce((w, ch) => w + measureText(ch, "12px x").width, 0);
    expect(measureText("مشتری", "12px x").width).toBeLessThan(isolated);
  });

  it("keeps Persian axis labels apart: overlapping ones are hidden, the shown ones do not touch", () => {
    const svg = renderChartSvg({
      title: "نرخ ریزش",
      series: series(PERSIAN_MONTHS),
      unit: "fraction",
      lang: "fa",
      width: 360,
      height: 240,
    });
    expect(svg.startsWith("<svg")).toBe(true);
    const labels = axisLabels(svg);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels.length).toBeLessThan(PERSIAN_MONTHS.length);
    const sorted = [...labels].sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [sorted[i - 1], sorted[i]];
      if (!a || !b) continue;
      const half =
        (measureText(a.text, `${a.size}px x`).width + measureText(b.text, `${b.size}px x`).width) / 2;
      expect(b.x - a.x).toBeGreaterThanOrEqual(half);
    }
    // Right to left: the first month is drawn rightmost.
    expect(sorted.at(-1)?.text).toBe(PERSIAN_MONTHS[0]);
  });

  it("mirrors the axes for right-to-left languages only", () => {
    const fa = chartOption({ title: "t", series: series(PERSIAN_MONTHS), unit: "count", lang: "fa" }) as {
      xAxis: { inverse: boolean };
      yAxis: { position: string };
    };
    const en = chartOption({
      title: "t",
      series: series(PERSIAN_MONTHS),
      unit: "count",
      lang: "en",
    }) as typeof fa;
    expect([fa.xAxis.inverse, fa.yAxis.position]).toEqual([true, "right"]);
    expect([en.xAxis.inverse, en.yAxis.position]).toEqual([false, "left"]);
  });

  it("draws the same bytes for the same input", () => {
    const input = {
      title: "流失率",
      series: series(["1月", "2月", "3月"]),
      unit: "fraction",
      lang: "zh",
    } as const;
    expect(renderChartSvg(input)).toBe(renderChartSvg(input));
  });
});
