export * from "./customer-features.js";
export * from "./customer-history.js";
export * from "./explain-score.js";
export * from "./logistic-regression.js";
export * from "./propensity-model.js";
export * from "./ranking-metrics.js";
export * from "./standardize.js";
