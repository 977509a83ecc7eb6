import { useMemo } from "preact/hooks";
import { periodLabels, previousSeriesOf, segmentsOf, seriesOf } from "../api/report-data.js";
import type { ReportResponse, SegmentValue } from "../api/types.js";
import { Chart } from "../charts/chart.js";
import { cartesianOption } from "../charts/chart-options.js";
import { segmentName } from "../i18n/column-labels.js";
import { useI18n } from "../i18n/i18n.js";
import { useCatalog, useMetricInfo } from "../state/app-context.js";
import { navigate, segmentPairs } from "../state/url-state.js";

interface MetricChartProps {
  readonly report: ReportResponse;
  readonly metrics: readonly string[];
  readonly kind?: "line" | "bar";
  readonly stack?: boolean;
  /** One series per segment of the first metric (breakdown picker or built-in breakdown). */
  readonly bySegment?: boolean;
  readonly title?: string;
}

/** Metrics over the periods; a click opens the drill-down of that value; the metric's goal is a mark line. */
export function MetricChart(props: MetricChartProps) {
  const i18n = useI18n();
  const info = useMetricInfo();
  const scored = useCatalog()?.dimensions.scored;
  const first = props.metrics[0] ?? "";
  const unit = info(first)?.unit;
  const title = props.title ?? props.metrics.map(i18n.metric).join(", ");
  const seriesSpec = useMemo(() => {
    const segments = props.bySegment ? segmentsOf(props.report, first) : [];
    if (segments.length > 0) {
      return segments
        .slice(0, 12)
        .map((segment) => ({ metric: first, segment, name: segmentName(i18n, segment, scored ?? []) }));
    }
    return props.metrics.map((metric) => ({
      metric,
      segment: null as SegmentValue,
      name: i18n.metric(metric),
    }));
  }, [props.report, props.metrics, props.bySegment, first, i18n, scored]);
  const goal = props.report.goals?.find((g) => g.goal.metric === first && g.goal.segment === null);
  const option = useMemo(
    () =>
      cartesianOption({
        categories: periodLabels(props.report),
        series: [
          ...seriesSpec.map((s) => ({
            name: s.name,
            data: seriesOf(props.report, s.metric, s.segment),
            kind: props.kind ?? "line",
            stack: props.stack ? "total" : undefined,
          })),
          // One series only: the previous period's values beside it, dashed (compare=previous).
          ...(seriesSpec.length === 1 &&
          seriesSpec[0] &&
          previousSeriesOf(props.report, seriesSpec[0].metric, seriesSpec[0].segment)
            ? [
                {
                  name: i18n.t("web.previousSeries", { name: seriesSpec[0].name }),
                  data: previousSeriesOf(props.report, seriesSpec[0].metric, seriesSpec[0].segment) ?? [],
                  kind: "line" as const,
                  dashed: true,
                },
              ]
            : []),
        ],
        rtl: i18n.rtl,
        format: (v) => i18n.value(v, unit),
        goal: goal
          ? {
              value: goal.goal.target,
              label: i18n.t("web.goal.line", { target: i18n.value(goal.goal.target, unit) }),
            }
          : undefined,
      }),
    [props.report, seriesSpec, i18n, unit, goal, props.kind, props.stack],
  );
  const onClick = ({ dataIndex, seriesIndex }: { dataIndex: number; seriesIndex: number }) => {
    const period = props.report.periods[dataIndex];
    const spec = seriesSpec[seriesIndex];
    if (period && spec)
      navigate({ drill: { metric: spec.metric, period: period.label, segment: segmentPairs(spec.segment) } });
  };
  return (
    <section class="panel">
      <h3>{title}</h3>
      <Chart
        option={option}
        label={title}
        onClick={onClick}
        // The dashed previous-period series has no drill-down of its own.
        drillable={({ seriesIndex }) => seriesIndex < seriesSpec.length}
      />
    </section>
  );
}
