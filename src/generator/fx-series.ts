import { CrmKpiError } from "../core/errors.js";
import { USD_VALUE } from "./catalog.js";
import { DAY, formatDate } from "./clock.js";
import type { CsvSink } from "./csv-sink.js";
import type { Random } from "./random.js";

/**
 * Daily exchange rates as a mean-reverting random walk around nominal
 * values, one rate per calendar day from a week before the first event to
 * the last day, so every amount finds a rate on or before its date.
 */
export class FxSeries {
  readonly currencies: readonly string[];
  private readonly firstDay: number;
  private readonly days: number;
  /** USD value of one unit, per currency, per day. */
  private readonly usd = new Map<string, Float64Array>();

  constructor(
    random: Random,
    readonly baseCurrency: string,
    foreign: readonly string[],
    fromMs: number,
    toMs: number,
  ) {
    if (USD_VALUE[baseCurrency] === undefined) {
      throw new CrmKpiError(
        "bad_argument",
        `The generator cannot price in ${baseCurrency}; use one of ${Object.keys(USD_VALUE).join(", ")}.`,
        { value: baseCurrency },
        { column: "base_currency", value: baseCurrency },
      );
    }
    this.firstDay = Math.floor(fromMs / DAY) - 7;
    this.days = Math.floor(toMs / DAY) - this.firstDay + 1;
    this.currencies = [...new Set(foreign)].filter((c) => c !== baseCurrency).sort();
    for (const currency of new Set([...this.currencies, baseCurrency])) {
      const nominal = USD_VALUE[currency] ?? 1;
      const series = new Float64Array(this.days);
      let drift = 0;
      for (let i = 0; i < this.days; i++) {
        if (currency !== "USD") drift = drift * 0.995 + random.normal() * 0.0035;
        series[i] = nominal * Math.exp(drift);
      }
      this.usd.set(currency, series);
    }
  }

  /** Units of the base currency for one unit of `currency` on the day of `ms`. */
  rate(currency: string, ms: number): number {
    if (currency === this.baseCurrency) return 1;
    const index = Math.min(this.days - 1, Math.max(0, Math.floor(ms / DAY) - this.firstDay));
    const value = this.usd.get(currency)?.[index];
    const base = this.usd.get(this.baseCurrency)?.[index];
    if (value === undefined || base === undefined) throw new Error(`no rate for ${currency}`);
    return value / base;
  }

  /** Converts a USD list price to `currency` at its nominal value (price lists do not follow the daily rate). */
  static fromUsd(usd: number, currency: string): number {
    return usd / (USD_VALUE[currency] ?? 1);
  }

  writeTo(sink: CsvSink): void {
    for (const currency of this.currencies) {
      for (let i = 0; i < this.days; i++) {
        const ms = (this.firstDay + i) * DAY;
        sink.write([formatDate(ms), currency, this.rate(currency, ms).toFixed(6)]);
      }
    }
  }
}
