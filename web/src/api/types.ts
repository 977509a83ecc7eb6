/**
 * Response shapes of the /api/v1 contract the dashboard reads. Kept loose
 * where the dashboard only shows rows generically (lists, findings).
 */

export type Grain = "day" | "week" | "month" | "quarter" | "year";
export type CalendarId = "gregorian" | "persian" | "islamic-umalqura";
export type Direction = "up" | "down" | "neutral" | string;

export interface CatalogMetric {
  readonly id: string;
  readonly family: string;
  readonly kind: string;
  readonly unit: string;
  readonly direction: Direction | null;
  readonly formula?: string;
  readonly requires?: readonly string[];
  readonly siblings?: readonly { readonly id: string; readonly name: string }[];
  readonly name: string;
  readonly description?: string;
}

export interface CatalogResponse {
  readonly metrics: readonly CatalogMetric[];
  readonly dimensions: {
    readonly customer: readonly string[];
    readonly metric: readonly string[];
    /** Propensity deciles: customer dimensions a model computes. */
    readonly scored: readonly string[];
  };
  readonly grains?: readonly Grain[];
  readonly calendars?: readonly CalendarId[];
  readonly langs?: readonly string[];
}

export interface DatasetResponse {
  readonly counts: Readonly<Record<string, number>>;
  readonly range: { readonly first: string | null; readonly last: string | null } | null;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly version: number;
}

export interface ReportPeriod {
  readonly label: string;
  readonly display?: string;
  readonly start?: string;
  readonly end?: string;
}

export type Segment = Readonly<Record<string, string | null>> | null;
export type SegmentValue = Segment;

export interface ReportValue {
  readonly metric: string;
  readonly period: string;
  readonly segment: Segment;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export type GoalNote = GoalEvaluation;

export interface ReportResponse {
  readonly periods: readonly ReportPeriod[];
  readonly values: readonly ReportValue[];
  readonly previous?: readonly ReportValue[];
  readonly notAvailable: readonly { readonly metric: string; readonly missing: readonly string[] }[];
  readonly notBrokenDown?: readonly string[];
  readonly goals?: readonly GoalNote[];
  readonly warnings?: readonly unknown[];
}

export type Row = Readonly<Record<string, unknown>>;

export interface ExplainRow {
  readonly part: string;
  readonly entity: string;
  readonly recordId: string;
  readonly amount: number | null;
  readonly detail: string | null;
}

export interface ExplainResponse {
  readonly value: ReportValue;
  readonly columns: readonly string[];
  readonly rows: readonly ExplainRow[];
  readonly total: number;
  readonly truncated?: boolean;
  readonly page: number;
  readonly pageSize: number;
}

export interface CohortCell {
  readonly offset: number;
  readonly customers: number;
  readonly customerShare: number | null;
  readonly revenue: number;
  readonly revenueShare: number | null;
}

export interface CohortsResponse {
  readonly cohorts: readonly {
    readonly cohort: string;
    readonly label?: string;
    readonly size: number;
    readonly revenue: number;
    readonly cells: readonly CohortCell[];
  }[];
}

export interface Goal {
  readonly id: string;
  readonly metric: string;
  readonly segment: Readonly<Record<string, string>> | null;
  readonly target: number;
  readonly direction: string;
  readonly start: string;
  readonly deadline: string | null;
  readonly owner: string | null;
  readonly why: string | null;
  readonly grain: string;
  readonly calendar: string;
}

export interface SmartEntry {
  readonly letter: string;
  readonly ok: boolean;
  readonly code: string;
  readonly message: string;
}

export interface GoalEvaluation {
  readonly goal: Goal;
  readonly mode: string;
  readonly baseline: number | null;
  readonly current: number | null;
  readonly currentPeriod: string | null;
  readonly progress: number | null;
  readonly projection: { readonly value?: number | null; readonly [key: string]: unknown };
  readonly status: string;
  readonly reason: string;
  readonly smart: readonly SmartEntry[];
  readonly asOf: string;
}

export interface RowError {
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly code: string;
  readonly message: string;
  readonly reason: string;
}

export interface ImportJob {
  readonly id: string;
  readonly state: "queued" | "running" | "succeeded" | "failed";
  readonly progress: {
    readonly file: string;
    readonly rows: number;
    readonly bytes?: number;
    readonly bytesTotal?: number;
  } | null;
  readonly result: {
    readonly rowsByEntity: Readonly<Record<string, number>>;
    readonly rejected: number;
  } | null;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export interface ImportPreview {
  readonly samples: readonly {
    readonly entity: string;
    readonly file: string;
    readonly rows: readonly Row[];
  }[];
  readonly rowsByEntity: Readonly<Record<string, number>>;
  readonly errors: readonly RowError[];
  readonly errorCount: number;
  readonly warnings: readonly RowError[];
}

/** GET /alerts (src/server/routes/alerts.ts, schema `Alert`). */
export interface Alert {
  readonly id: string;
  readonly name: string | null;
  readonly rule: string;
  readonly email: readonly string[];
  readonly webhooks: readonly string[];
  readonly lang: string;
  readonly calendar: string;
  readonly state: "ok" | "firing";
  readonly stateSince: string | null;
  readonly checkedAt: string | null;
}

/** GET /alerts/{id}/history (schema `AlertHistoryEntry`). */
export interface AlertHistoryEntry {
  readonly alertId: string;
  readonly seq: number;
  readonly at: string;
  readonly event: "fired" | "resolved" | "test";
  readonly period: string | null;
  readonly value: number | null;
  readonly delivery: readonly { readonly channel: string; readonly target: string; readonly ok: boolean }[];
}

/** GET /api/v1/predict/clv (src/server/routes/predict.ts, docs/predict.md): the parts the dashboard draws. */
export interface ClvResponse {
  readonly bg_nbd: { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };
  readonly customers: readonly { readonly customer_id: string; readonly clv: number | null }[];
  readonly summary: {
    readonly calibration_end: string;
    readonly data_end: string;
    readonly horizon_weeks: number;
    readonly customers: number;
    readonly average_clv: number | null;
  };
  readonly holdout: {
    readonly start: string;
    readonly end: string;
    readonly weeks: number;
    readonly groups: readonly {
      readonly label: string;
      readonly customers: number;
      readonly actual: number;
      readonly predicted: number;
    }[];
  } | null;
}
