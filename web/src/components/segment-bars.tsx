import { useMemo } from "preact/hooks";
import { segmentLabel, segmentsOf, valueAt } from "../api/report-data.js";
import type { ReportResponse } from "../api/types.js";
import { Chart } from "../charts/chart.js";
import { cartesianOption } from "../charts/chart-options.js";
import { segmentName } from "../i18n/column-labels.js";
import { useI18n } from "../i18n/i18n.js";
import { useCatalog, useMetricInfo } from "../state/app-context.js";
import { navigate, segmentPairs } from "../state/url-state.js";

/**
 * The last period's value per segment of each metric, as horizontal bars
 * (`keys` picks the built-in breakdown: `assignee_id`, `channel`, `rep_id`…).
 */
export function SegmentBars(props: {
  readonly report: ReportResponse;
  readonly metrics: readonly string[];
  readonly keys: readonly string[];
  readonly title: string;
}) {
  const i18n = useI18n();
  const info = useMetricInfo();
  const scored = useCatalog()?.dimensions.scored;
  const unit = info(props.metrics[0] ?? "")?.unit;
  const period = props.report.periods[props.report.periods.length - 1]?.label ?? "";
  const segments = useMemo(() => {
    const all = props.metrics.flatMap((m) => segmentsOf(props.report, m));
    const wanted = all.filter(
      (s) => s !== null && Object.keys(s).sort().join() === [...props.keys].sort().join(),
    );
    const unique: typeof wanted = [];
    for (const s of wanted) if (!unique.some((u) => segmentLabel(u) === segmentLabel(s))) unique.push(s);
    return unique.slice(0, 30);
  }, [props.report, props.metrics, props.keys]);
  const option = useMemo(
    () =>
      cartesianOption({
        categories: segments.map((s) => segmentName(i18n, s, scored ?? [])),
        series: props.metrics.map((m) => ({
          name: i18n.metric(m),
          kind: "bar" as const,
          data: segments.map((s) => valueAt(props.report, m, period, s)?.value ?? null),
        })),
        rtl: i18n.rtl,
        horizontal: true,
        format: (v) => i18n.value(v, unit),
      }),
    [segments, props.metrics, props.report, period, i18n, unit, scored],
  );
  const onClick = ({ dataIndex, seriesIndex }: { dataIndex: number; seriesIndex: number }) => {
    const metric = props.metrics[seriesIndex];
    const segment = segments[dataIndex];
    if (metric && segment !== undefined)
      navigate({ drill: { metric, period, segment: segmentPairs(segment) } });
  };
  return (
    <section class="panel">
      <h3>{props.title}</h3>
      <Chart
        option={option}
        label={props.title}
        height={Math.max(220, segments.length * 26 + 60)}
        onClick={onClick}
      />
    </section>
  );
}
