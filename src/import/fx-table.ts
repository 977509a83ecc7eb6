import type { Engine } from "../core/engine.js";
import { type ScaledDecimal, toScaled } from "./parse-cell.js";

/** Why no rate was found: the currency has none at all, or none on or before the date. */
export type FxMiss = "no_currency" | "no_rate_before";

interface CurrencyRates {
  days: number[];
  rates: ScaledDecimal[];
}

/**
 * Exchange rates in memory for the conversion of every money cell: the rates
 * stored in the database plus those of this import (which replace stored ones
 * of the same day). Rate tables are small (a row per currency and day), so
 * memory is not a concern here.
 */
export class FxTable {
  private readonly pending = new Map<string, Map<number, string>>();
  private sealed = new Map<string, CurrencyRates>();

  constructor(readonly baseCurrency: string) {}

  /** Loads the rates already stored. */
  async loadStored(engine: Engine): Promise<void> {
    const q = engine.dialect.quoteIdentifier;
    const rows = await engine.query({
      sql: `SELECT CAST(${q("date")} AS VARCHAR) AS d, ${q("currency")} AS c, CAST(${q("rate")} AS VARCHAR) AS r FROM ${q("fx_rates")}`,
      params: [],
    });
    for (const row of rows) {
      const day = Date.parse(String(row.d)) / 86_400_000;
      this.add(String(row.c), day, String(row.r));
    }
    this.seal();
  }

  add(currency: string, day: number, rate: string): void {
    let byDay = this.pending.get(currency);
    if (!byDay) {
      byDay = new Map();
      this.pending.set(currency, byDay);
    }
    byDay.set(day, rate);
  }

  /** Sorts what was added so lookups can binary-search. */
  seal(): void {
    const sealed = new Map<string, CurrencyRates>();
    for (const [currency, byDay] of this.pending) {
      const days = [...byDay.keys()].sort((a, b) => a - b);
      sealed.set(currency, { days, rates: days.map((d) => toScaled(byDay.get(d) as string)) });
    }
    this.sealed = sealed;
  }

  /** Every sealed rate, for an engine-side copy of the table (the fast import path). */
  *sealedRates(): Iterable<{
    readonly currency: string;
    readonly day: number;
    readonly rate: ScaledDecimal;
  }> {
    for (const [currency, table] of this.sealed) {
      for (let i = 0; i < table.days.length; i++) {
        yield { currency, day: table.days[i] as number, rate: table.rates[i] as ScaledDecimal };
      }
    }
  }

  /** The latest rate of `currency` on or before `day`; base currency = 1 (returns null). */
  lookup(currency: string, day: number): ScaledDecimal | FxMiss | null {
    if (currency === this.baseCurrency) return null;
    const table = this.sealed.get(currency);
    if (!table) return "no_currency";
    const { days } = table;
    let lo = 0;
    let hi = days.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid] as number) <= day) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? "no_rate_before" : (table.rates[found] as ScaledDecimal);
  }
}
