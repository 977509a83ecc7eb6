/** Messages of the predict area (predicted CLV); the other locales have exactly these keys (parity.test.ts). */
export const predictEn = {
  "predict.cli.description": "Predictions per customer from the history before a date",
  "predict.clv.cli.description":
    "Predicted customer lifetime value: P(alive), expected purchases and spend, and discounted CLV per customer",
  "predict.clv.option.calibrationEnd":
    "last day the model learns from, in the dataset calendar (default: the last purchase day); later purchases are the holdout",
  "predict.clv.option.horizon": "how far ahead to predict: 52w, 12m, 1y, 90d",
  "cli.help.placeholder.rate": "rate",
  "predict.clv.option.discountRate": "annual discount rate for CLV, e.g. 0.1 for 10 % a year",
  "predict.error.badHorizon": '--horizon "{value}" is not a duration.',
  "predict.error.badHorizon.fix": "Write weeks, months, years or days, e.g. --horizon 52w, 12m, 1y or 90d.",
  "predict.error.badDiscountRate": "--discount-rate {value} is not an annual rate between 0 and 10.",
  "predict.error.badDiscountRate.fix":
    "Write the rate as a fraction, e.g. --discount-rate 0.1 for 10 % a year.",
  "predict.error.noCustomers":
    "No customer made a purchase in the calibration period: nothing to fit the model on.",
  "predict.error.noCustomers.fix": "Import orders, or pass a later --calibration-end.",
  "predict.error.noRepeats":
    "No customer bought on two different days in the calibration period: the model needs repeat purchases.",
  "predict.error.noRepeats.fix": "Import a longer order history, or pass a later --calibration-end.",
  "predict.error.badHoldout": '--holdout "{value}" is not a duration.',
  "predict.error.badHoldout.fix": "Write weeks, months or days, e.g. --holdout 13w, 3m or 90d.",
  "predict.clv.option.holdout":
    "instead of --calibration-end: hold out this much at the end of the data, e.g. 13w",
  "predict.column.customer": "Customer",
  "predict.column.frequency": "Repeat days",
  "predict.column.recency": "Recency (weeks)",
  "predict.column.age": "Age (weeks)",
  "predict.column.pAlive": "P(alive)",
  "predict.column.expectedPurchases": "Expected purchases",
  "predict.column.expectedValue": "Expected spend",
  "predict.column.clv": "CLV",
  "predict.column.group": "Repeat days in calibration",
  "predict.column.customers": "Customers",
  "predict.column.actual": "Actual per customer",
  "predict.column.predicted": "Predicted per customer",
  "predict.note.bgNbd": "BG/NBD: r = {r}, α = {alpha}, a = {a}, b = {b}; log-likelihood {ll}",
  "predict.note.gammaGamma":
    "Gamma-Gamma: p = {p}, q = {q}, v = {v}; log-likelihood {ll} ({customers} customers with repeat purchases)",
  "predict.note.noGammaGamma":
    "Gamma-Gamma: not fitted (fewer than two customers with repeat purchases of positive value); spend and CLV are empty.",
  "predict.note.calibration":
    "Calibration up to {end}: {customers} customers, {repeat} with repeat purchases. Horizon {weeks} weeks, discount rate {rate} a year. Average CLV {average}.",
  "predict.note.holdout":
    "Holdout {start} to {end} ({weeks} weeks): {actual} repeat purchases, the model predicted {predicted}.",
  "predict.note.noHoldout":
    "No holdout: the calibration ends on the last purchase day. Pass an earlier --calibration-end to compare the model with what happened after it.",
  "predict.catalog.list": "Per-customer list: crm-kpi predict clv (GET /api/v1/predict/clv)",
  "metric.predicted_clv.name": "Predicted CLV",
  "metric.predicted_clv.description":
    "Discounted value of each customer's expected purchases over the horizon (BG/NBD × Gamma-Gamma); the metric is its average over customers.",
} as const;
