import { CrmKpiError } from "../core/errors.js";

/** `a,b , c` → ["a", "b", "c"]. */
export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** `k=v` strings (one or repeated) into a record; a value may hold commas and `=`. A malformed pair is a bad_argument. */
export function pairsOf(input: string | readonly string[] | undefined): Record<string, string> {
  const list = input === undefined ? [] : typeof input === "string" ? [input] : input;
  const result: Record<string, string> = {};
  for (const pair of list.map((p) => p.trim()).filter((p) => p.length > 0)) {
    const eq = pair.indexOf("=");
    if (eq <= 0) {
      throw new CrmKpiError(
        "bad_argument",
        `"${pair}" is not of the form key=value`,
        { value: pair, messageKey: "cli.error.badParam" },
        { value: pair },
      );
    }
    result[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return result;
}

/** Metric parameters are durations and ratios: numbers beyond this overflow the engine's intervals. */
const PARAM_NUMBER_LIMIT = 1_000_000;

/** `param=k=v` pairs, each number in them at most PARAM_NUMBER_LIMIT (a 4xx, never an engine overflow). */
export function paramsOf(input: string | readonly string[] | undefined): Record<string, string> {
  const params = pairsOf(input);
  for (const [key, value] of Object.entries(params)) {
    const numbers = value.match(/\d+(?:\.\d+)?/g) ?? [];
    if (numbers.some((n) => Number(n) > PARAM_NUMBER_LIMIT)) {
      throw new CrmKpiError(
        "bad_argument",
        `the parameter ${key}="${value}" is out of range (numbers up to ${PARAM_NUMBER_LIMIT})`,
        { param: key, value },
        { value },
      );
    }
  }
  return params;
}
