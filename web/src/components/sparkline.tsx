/** A tiny inline SVG trend (cheaper than an ECharts instance per card). */
export function Sparkline({
  data,
  rtl,
}: {
  readonly data: readonly (number | null)[];
  readonly rtl: boolean;
}) {
  const points = data
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length < 2) return <svg class="spark" viewBox="0 0 100 24" aria-hidden="true" />;
  const values = points.map((p) => p[1]);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const last = Math.max(data.length - 1, 1);
  const path = points
    .map(([i, v]) => {
      const x = (i / last) * 100;
      return `${(rtl ? 100 - x : x).toFixed(1)},${(22 - ((v - min) / span) * 20).toFixed(1)}`;
    })
    .join(" ");
  return (
    <svg class="spark" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true">
      <polyline points={path} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
