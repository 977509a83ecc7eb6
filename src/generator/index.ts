export { type GenerateOptions, type GenerateResult, generateDataset } from "./generate-dataset.js";
