import { useEffect, useId, useMemo, useRef, useState } from "preact/hooks";
import { useI18n } from "../i18n/i18n.js";
import { type ChartCell, type ChartTable, chartTable } from "./chart-table.js";
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
  /** Which points a click drills into (default: all); the others are plain text in the data table. */
  readonly drillable?: (click: ChartClick) => boolean;
}

/** Owns one ECharts instance: init, resize, setOption (replace), dispose; plus "Save PNG" and a "Data" table. */
export function Chart({ option, label, height = 300, onClick, drillable }: ChartProps) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  const [showData, setShowData] = useState(false);
  const table = useMemo(() => (showData ? chartTable(option) : null), [showData, option]);
  const tableId = useId();

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
        <button
          type="button"
          class="small"
          aria-expanded={showData}
          aria-controls={tableId}
          aria-label={`${t("web.chart.data")}: ${label}`}
          onClick={() => setShowData((v) => !v)}
        >
          {showData ? t("web.chart.dataHide") : t("web.chart.data")}
        </button>
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
      <div id={tableId} class="chart-table" hidden={!showData}>
        {table && <DataOfChart table={table} label={label} onClick={onClick} drillable={drillable} />}
      </div>
    </figure>
  );
}

function clickOf(cell: ChartCell, name: string): ChartClick {
  return { dataIndex: cell.dataIndex, seriesIndex: cell.seriesIndex, name };
}

/** The chart's numbers as a table; with a click handler each value is a button opening the same drill-down. */
function DataOfChart(props: {
  readonly table: ChartTable;
  readonly label: string;
  readonly onClick?: (click: ChartClick) => void;
  readonly drillable?: (click: ChartClick) => boolean;
}) {
  const { t } = useI18n();
  const { table, onClick, drillable } = props;
  return (
    <table>
      <caption>{t("web.chart.dataOf", { name: props.label })}</caption>
      <thead>
        <tr>
          <td />
          {table.columns.map((column, i) => (
            <th key={i} scope="col" dir="auto">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            <th scope="row" dir="auto">
              {row.label}
            </th>
            {row.cells.map((cell, c) => (
              <td key={c} class="num">
                {cell === null ? (
                  ""
                ) : onClick && cell.value !== null && (drillable?.(clickOf(cell, row.label)) ?? true) ? (
                  <button
                    type="button"
                    aria-label={t("web.chart.open", {
                      series: table.columns[c] ?? "",
                      category: row.label,
                      value: cell.text,
                    })}
                    onClick={() => onClick(clickOf(cell, row.label))}
                  >
                    {cell.text}
                  </button>
                ) : (
                  cell.text
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
