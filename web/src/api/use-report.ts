import { useAppState, useCalendar } from "../state/app-context.js";
import type { ReportResponse } from "./types.js";
import { type ApiState, useApi } from "./use-api.js";

export interface ReportOptions {
  /** Ignore the breakdown picker (charts that have their own built-in breakdown). */
  readonly noBy?: boolean;
  readonly params?: readonly string[];
  /** A fixed breakdown instead of the picker's. */
  readonly by?: readonly string[];
  /** Send nothing (e.g. no metric to ask for yet). */
  readonly skip?: boolean;
}

/** /report for `metrics` with the URL's grain, calendar, range, breakdown and comparison. */
export function useReport(metrics: readonly string[], options: ReportOptions = {}): ApiState<ReportResponse> {
  const state = useAppState();
  const calendar = useCalendar();
  return useApi<ReportResponse>(options.skip ? null : "/report", {
    metrics: metrics.join(","),
    grain: state.grain,
    calendar,
    from: state.from,
    to: state.to,
    by: options.by
      ? options.by.join(",")
      : options.noBy || state.by.length === 0
        ? undefined
        : state.by.join(","),
    compare: state.compare ? "previous" : undefined,
    param: options.params,
  });
}
