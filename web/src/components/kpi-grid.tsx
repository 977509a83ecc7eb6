import type { ReportResponse } from "../api/types.js";
import { KpiCard } from "./kpi-card.js";

export function KpiGrid({
  metrics,
  report,
}: {
  readonly metrics: readonly string[];
  readonly report: ReportResponse;
}) {
  return (
    <div class="kpi-grid">
      {metrics.map((m) => (
        <KpiCard key={m} metric={m} report={report} />
      ))}
    </div>
  );
}
