import { CommanderError } from "commander";
import { assertUnreachable, CrmKpiError, type ErrorCode } from "../core/errors.js";

/**
 * Exit codes of the CLI, decided here and nowhere else. Scripts can tell a
 * problem in the data (1) from a mistyped command (2) from a broken
 * database (3); anything else is a bug (70, EX_SOFTWARE of sysexits.h).
 */
export const EXIT = {
  ok: 0,
  data: 1,
  usage: 2,
  database: 3,
  internal: 70,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function exitCodeOfErrorCode(code: ErrorCode): ExitCode {
  switch (code) {
    case "import_bad_row":
    case "import_bad_file":
    case "import_missing_required_column":
    case "import_no_files":
    case "import_rejected":
    case "mapping_invalid":
    case "settings_invalid":
    case "not_available":
    case "goal_invalid":
    case "alert_invalid":
      return EXIT.data;
    case "unknown_metric":
    case "unknown_dimension":
    case "unknown_period":
    case "bad_argument":
    case "unknown_goal":
    case "unknown_alert":
      return EXIT.usage;
    case "database_error":
    case "database_busy":
      return EXIT.database;
    default:
      return assertUnreachable(code);
  }
}

/** The exit code for anything a command threw. */
export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof CrmKpiError) return exitCodeOfErrorCode(error.code);
  if (error instanceof CommanderError) {
    return error.code === "commander.helpDisplayed" || error.code === "commander.version"
      ? EXIT.ok
      : EXIT.usage;
  }
  return EXIT.internal;
}
