/** Messages of the cohorts area; the other locales have exactly these keys (parity.test.ts). */
export const cohortsEn = {
  "cohorts.cli.description":
    "Cohort retention: customers grouped by acquisition period × periods since, with their revenue",
  "cohorts.cli.option.period": "cohort period length: day, week, month, quarter, year…",
  "cohorts.cli.option.from": "first cohort period (e.g. 2024-01, 1403-01)",
  "cohorts.cli.option.to": "last period of the table",
  "cohorts.cli.option.measure":
    "what the cells show: customers (active share) or revenue (share of period 0)",
  "cohorts.column.cohort": "Cohort",
  "cohorts.column.size": "Customers",
  "cohorts.column.revenue": "Revenue",
  "cohorts.column.offset": "+{offset}",
  "cohorts.none": "No customers were acquired in this range.",
  "cohorts.note.customers": "Cells: share of the cohort still active, {count} cohorts.",
  "cohorts.note.revenue": "Cells: revenue as a share of the cohort's period-0 revenue, {count} cohorts.",
} as const;
