import { localDayOf, parseCalendarDate } from "../calendar/index.js";
import type { Engine } from "../core/engine.js";
import { CrmKpiError } from "../core/errors.js";
import type { DatasetSettings } from "../core/model/settings.js";
import {
  type ClvModel,
  type CustomerPurchaseDays,
  clvFitProblem,
  fitClv,
  parseHorizonWeeks,
} from "../core/predict/fit-clv.js";
import { loadDatasetSettings } from "../report/dataset-settings.js";
import { calendarDate } from "../report/lists.js";
import { customerPurchaseDaysSql, lastPurchaseDaySql } from "./purchase-days-sql.js";

export const DEFAULT_HORIZON = "52w";
/** Annual; 10 % is a common cost of capital, and the rate is printed with the result. */
export const DEFAULT_DISCOUNT_RATE = 0.1;

export interface ClvRequest {
  /** A date of the dataset calendar; calibration runs up to and including it. Default: the last purchase day. */
  readonly calibrationEnd?: string;
  /** `52w`, `12m`, `1y`, `90d`; default 52 weeks. */
  readonly horizon?: string;
  /**
   * Instead of a calibration end: hold out this much at the end of the data
   * (`13w`, `3m`), so the calibration ends that many whole days before the last purchase day.
   */
  readonly holdout?: string;
  /** Annual discount rate, 0 ≤ R ≤ 10; default 0.1. */
  readonly discountRate?: number;
}

export interface ClvPrediction {
  readonly model: ClvModel;
  /** In the dataset calendar (`2024-06-30`, `1403-04-09`). */
  readonly calibrationEnd: string;
  /** The last purchase day, in the dataset calendar; the holdout runs up to it. */
  readonly dataEnd: string;
  /** The holdout's first day, when there is one. */
  readonly holdoutStart: string | null;
  readonly horizonWeeks: number;
  readonly discountRate: number;
  readonly settings: DatasetSettings;
}

/**
 * Predicted customer lifetime value: BG/NBD and Gamma-Gamma fitted on the
 * purchase days up to the calibration end, every customer scored, and the
 * holdout after it compared with the model's prediction.
 *
 * @example await predictClv(engine, { calibrationEnd: "2024-06-30", horizon: "52w", discountRate: 0.1 })
 */
export async function predictClv(engine: Engine, request: ClvRequest = {}): Promise<ClvPrediction> {
  const horizonText = request.horizon ?? DEFAULT_HORIZON;
  const horizonWeeks = parseHorizonWeeks(horizonText);
  if (horizonWeeks === null) {
    throw new CrmKpiError(
      "bad_argument",
      `--horizon "${horizonText}" is not a duration: write weeks, months, years or days, e.g. 52w, 12m, 1y, 90d`,
      { option: "--horizon", value: horizonText, messageKey: "predict.error.badHorizon" },
    );
  }
  const discountRate = request.discountRate ?? DEFAULT_DISCOUNT_RATE;
  if (!(Number.isFinite(discountRate) && discountRate >= 0 && discountRate <= 10)) {
    throw new CrmKpiError(
      "bad_argument",
      `--discount-rate ${discountRate} is not an annual rate between 0 and 10, e.g. 0.1 for 10 % a year`,
      { option: "--discount-rate", value: String(discountRate), messageKey: "predict.error.badDiscountRate" },
    );
  }
  const settings = await loadDatasetSettings(engine);
  const zone = settings.timezone;
  const [last] = await engine.query(lastPurchaseDaySql(engine.dialect, settings));
  const lastDay = last?.last_day === null || last?.last_day === undefined ? null : Number(last.last_day);
  if (lastDay === null) throw noData("no_customers", request.calibrationEnd);
  const endDay = request.calibrationEnd
    ? localDayOf(parseCalendarDate(request.calibrationEnd, settings.calendar, zone), zone)
    : lastDay - holdoutDays(request.holdout);
  const rows = await engine.query(
    customerPurchaseDaysSql(engine.dialect, settings, calendarDate(endDay, "gregorian")),
  );
  const days = rows
    .map(
      (r): CustomerPurchaseDays => ({
        customerId: String(r.customer_id),
        frequency: Number(r.frequency),
        recencyDays: Number(r.recency_days),
        ageDays: Number(r.age_days),
        repeatValue: Number(r.repeat_value),
        holdoutPurchases: Number(r.holdout_purchases),
      }),
    )
    .sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const problem = clvFitProblem(days);
  if (problem) throw noData(problem, request.calibrationEnd);
  const holdoutWeeks = lastDay > endDay ? (lastDay - endDay) / 7 : null;
  const model = fitClv(days, { horizonWeeks, discountRate, holdoutWeeks });
  return {
    model,
    calibrationEnd: calendarDate(endDay, settings.calendar),
    dataEnd: calendarDate(lastDay, settings.calendar),
    holdoutStart: holdoutWeeks === null ? null : calendarDate(endDay + 1, settings.calendar),
    horizonWeeks,
    discountRate,
    settings,
  };
}

function holdoutDays(text: string | undefined): number {
  if (text === undefined) return 0;
  const weeks = parseHorizonWeeks(text);
  if (weeks === null) {
    throw new CrmKpiError(
      "bad_argument",
      `--holdout "${text}" is not a duration: write weeks, months, years or days, e.g. 13w, 3m, 90d`,
      { option: "--holdout", value: text, messageKey: "predict.error.badHoldout" },
    );
  }
  return Math.round(weeks * 7);
}

function noData(
  problem: "no_customers" | "no_repeat_purchases",
  calibrationEnd: string | undefined,
): CrmKpiError {
  const end = calibrationEnd ?? "";
  return problem === "no_customers"
    ? new CrmKpiError(
        "not_available",
        calibrationEnd
          ? `no customer made a purchase on or before --calibration-end ${end}: nothing to fit the model on`
          : "the orders hold no purchase: nothing to fit the model on",
        { value: end, messageKey: "predict.error.noCustomers" },
      )
    : new CrmKpiError(
        "not_available",
        "no customer bought on two different days before the calibration end: the model needs repeat purchases",
        { value: end, messageKey: "predict.error.noRepeats" },
      );
}
