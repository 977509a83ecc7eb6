import type { DatasetSettings } from "../../model/settings.js";
import { ParamList, type SqlValue } from "../../sql/compiled-query.js";
import type { SqlDialect } from "../../sql/dialect.js";
import type { Grouping } from "./grouping.js";
import { type SharedRelationName, sharedRelationTable } from "./relation-names.js";

/**
 * What a metric's compiler may use. It binds values, quotes names and names
 * the report-wide relations (periods, customer base, activity), which are
 * materialized once per report so that thirty metrics do not recompute them.
 */
export class MetricContext {
  readonly params: ParamList;
  readonly used = new Set<SharedRelationName>();

  constructor(
    readonly dialect: SqlDialect,
    readonly settings: DatasetSettings,
    readonly metricParams: Readonly<Record<string, string>>,
    params?: ParamList,
  ) {
    this.params = params ?? new ParamList(dialect.placeholder);
  }

  bind(value: SqlValue): string {
    return this.params.bind(value);
  }

  q(name: string): string {
    return this.dialect.quoteIdentifier(name);
  }

  /** Table name of a report-wide relation; records that the report needs it. */
  rel(name: SharedRelationName): string {
    this.used.add(name);
    return this.q(sharedRelationTable(name));
  }

  /** A metric parameter, or its default. */
  param(name: string, fallback: string): string {
    return this.metricParams[name] ?? fallback;
  }

  /** `, c."region" AS g0, c."segment" AS g1` for a customer grouping. */
  groupColumns(grouping: Grouping, alias: string): string {
    if (grouping.source !== "customer") return "";
    return grouping.keys.map((key, i) => `, ${alias}.${this.q(key)} AS g${i}`).join("");
  }

  /** `, g0, g1` to repeat a grouping's columns in GROUP BY or SELECT lists. */
  groupNames(grouping: Grouping, prefix = ""): string {
    return grouping.keys.map((_, i) => `, ${prefix}g${i}`).join("");
  }

  /** Seconds in `days` 86,400-second days (METRICS.md: day parameters are fixed-length). */
  days(days: number): string {
    return this.bind(days * 86_400);
  }
}
