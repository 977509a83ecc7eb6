/** Messages of the metrics area (Metric details: exact sums, RFM, NPS components, pipeline value, breakdowns); the other locales have exactly these keys (parity.test.ts). */
export const metricsEn = {} as const;
