/**
 * Errors are data: a stable code, the place, and parameters. The text the
 * user reads comes from the message catalogs (src/messages), so every
 * language gets the same facts. Core never decides exit codes or HTTP
 * statuses: the shells map codes in one place each.
 */
export type ErrorCode =
  | "import_bad_row"
  | "import_bad_file"
  | "import_missing_required_column"
  | "import_no_files"
  | "import_rejected"
  | "mapping_invalid"
  | "settings_invalid"
  | "unknown_metric"
  | "unknown_dimension"
  | "unknown_period"
  | "bad_argument"
  | "database_error"
  | "database_busy"
  | "not_available"
  | "goal_invalid"
  | "unknown_goal"
  | "alert_invalid"
  | "unknown_alert";

/** Where a problem is: `orders.csv:118 amount`. */
export interface Place {
  readonly file?: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
}

export class CrmKpiError extends Error {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
  readonly place: Place | undefined;

  constructor(code: ErrorCode, message: string, params: Record<string, string | number> = {}, place?: Place) {
    super(message);
    this.name = "CrmKpiError";
    this.code = code;
    this.params = params;
    this.place = place;
  }
}

export function formatPlace(place: Place): string {
  let text = place.file ?? "";
  if (place.line !== undefined) text += `:${place.line}`;
  if (place.column) text += ` ${place.column}`;
  return text;
}

export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
