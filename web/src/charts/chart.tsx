import { useEffect, useRef } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { echarts } from "./echarts-setup.js";

export interface ChartClick {
  readonly dataIndex: number;
  readonly seriesIndex: number;
  readonly name: string;
}

interface ChartProps {
  readonly option: Record<string, unknown>;
  /** Accessible name of the chart (also the PNG file name). */
  readonly label: string;
  readonly height?: number;
  readonly onClick?: (click: ChartClick) => void;
}

/** Owns one ECharts instance: init, resize, setOption (replace), dispose; plus "Save PNG". */
export function Chart({ option, label, height = 300, onClick }: ChartProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const instance = echarts.init(el, undefined, { renderer: "canvas" });
    chart.current = instance;
    instance.on("click", (p: { dataIndex?: number; seriesIndex?: number; name?: string }) => {
      clickRef.current?.({
        dataIndex: p.dataIndex ?? 0,
        seriesIndex: p.seriesIndex ?? 0,
        name: p.name ?? "",
      });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" });
    if (url === undefined) return;
    const a = document.createElement("a");
    a.href = url;
    a.download = `${label.replace(/[^\p{L}\p{N}_-]+/gu, "-")}.png`;
    a.click();
  };

  return (
    <figure class="chart">
      <div class="chart-actions">
        <button type="button" class="small" onClick={savePng} aria-label={`${t("web.savePng")}: ${label}`}>
          {t("web.savePng")}
        </button>
      </div>
      <div
        ref={box}
        dir="ltr"
        role="img"
        aria-label={label}
        style={{ height: `${height}px`, width: "100%" }}
      />
    </figure>
  );
}
