/**
 * Figures that come from a fitted model rather than from one SQL statement:
 * they are in the catalog (`GET /api/v1/catalog`, `predictions`) but not in
 * the metric registry, because `report`, `explain`, goals and `--by` need a
 * metric that compiles to SQL for every period and segment (docs/predict.md).
 */
export interface PredictionInfo {
  readonly id: string;
  readonly unit: "money";
  readonly direction: "up";
  /** The per-customer list: the command and route that print it, and the field per customer. */
  readonly list: { readonly command: string; readonly endpoint: string; readonly field: string };
  /** The average over customers: where it is in the same document. */
  readonly average: { readonly command: string; readonly endpoint: string; readonly field: string };
  readonly nameKey: string;
  readonly descriptionKey: string;
}

export const PREDICTIONS: readonly PredictionInfo[] = [
  {
    id: "predicted_clv",
    unit: "money",
    direction: "up",
    list: { command: "crm-kpi predict clv", endpoint: "/api/v1/predict/clv", field: "customers[].clv" },
    average: {
      command: "crm-kpi predict clv --format json",
      endpoint: "/api/v1/predict/clv",
      field: "summary.average_clv",
    },
    nameKey: "metric.predicted_clv.name",
    descriptionKey: "metric.predicted_clv.description",
  },
];
