import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { CrmKpiError, type ErrorCode } from "../core/errors.js";
import { type Lang, lookupMessage, type MessageParams } from "../messages/index.js";
import { localizeError } from "../messages/localize-error.js";
import type { AppEnv } from "./app-types.js";

/** Failures only the HTTP shell knows: routing, validation, auth, limits. */
export const SERVER_ERROR_CODES = [
  "not_found",
  "bad_request",
  "unauthorized",
  "forbidden",
  "payload_too_large",
  "unsupported_media_type",
  "host_not_allowed",
  "cross_origin_refused",
  "internal",
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
export type ApiErrorCode = ErrorCode | ServerErrorCode;

/** The one map from an error code to its HTTP status. */
const STATUS: Readonly<Record<ApiErrorCode, ContentfulStatusCode>> = {
  import_bad_row: 422,
  import_bad_file: 422,
  import_missing_required_column: 422,
  import_no_files: 400,
  import_rejected: 422,
  mapping_invalid: 422,
  settings_invalid: 400,
  unknown_metric: 400,
  unknown_dimension: 400,
  unknown_period: 400,
  bad_argument: 400,
  database_error: 500,
  // Another writer holds the database: retrying later helps, which 503 says.
  database_busy: 503,
  not_available: 422,
  goal_invalid: 422,
  unknown_goal: 404,
  alert_invalid: 422,
  unknown_alert: 404,
  not_found: 404,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  payload_too_large: 413,
  unsupported_media_type: 415,
  host_not_allowed: 403,
  cross_origin_refused: 403,
  internal: 500,
};

export function httpStatusOf(code: ApiErrorCode): ContentfulStatusCode {
  return STATUS[code];
}

/**
 * An error of the HTTP shell. Its message comes from `server.error.<code>`
 * (or `messageKey`), filled with `params`; `details` go to the body as they are.
 *
 * @example throw new ApiError("forbidden")
 */
export class ApiError extends Error {
  readonly code: ServerErrorCode;
  readonly params: MessageParams;
  readonly details: Readonly<Record<string, unknown>>;
  readonly messageKey: string | undefined;

  constructor(
    code: ServerErrorCode,
    params: MessageParams = {},
    details: Record<string, unknown> = {},
    messageKey?: string,
  ) {
    super(code);
    this.name = "ApiError";
    this.code = code;
    this.params = params;
    this.details = details;
    this.messageKey = messageKey;
  }
}

export interface ErrorBody {
  error: { code: string; message: string; fix?: string; details: Record<string, unknown> };
}

/**
 * The body and status of any failure, in `lang`. Unknown errors become
 * `internal` with a generic message: stack and SQL text go to stderr only.
 */
export function errorBodyOf(error: unknown, lang: Lang): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof ApiError) {
    const key = error.messageKey ?? `server.error.${error.code}`;
    const fix = lookupMessage(lang, `server.error.${error.code}.fix`);
    return {
      status: httpStatusOf(error.code),
      body: {
        error: {
          code: error.code,
          message: lookupMessage(lang, key, error.params) ?? error.code,
          ...(fix ? { fix } : {}),
          details: { ...error.details },
        },
      },
    };
  }
  if (error instanceof CrmKpiError && error.code !== "database_error") {
    const { message, fix } = localizeError(error, lang);
    return {
      status: httpStatusOf(error.code),
      body: { error: { code: error.code, message, ...(fix ? { fix } : {}), details: publicDetails(error) } },
    };
  }
  if (error instanceof HTTPException && error.status < 500) {
    // Hono's own refusals (malformed JSON, wrong media type, body limit) get our body and language.
    return errorBodyOf(new ApiError(codeOfStatus(error.status), { fields: "body" }), lang);
  }
  // database_error carries the engine's text (SQL, paths): log it, never send it.
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return errorBodyOf(new ApiError("internal"), lang);
}

function codeOfStatus(status: number): ServerErrorCode {
  const code = SERVER_ERROR_CODES.find((c) => STATUS[c] === status);
  return code ?? "bad_request";
}

/** The error's parameters without the internal ones (messageKey, English detail). */
function publicDetails(error: CrmKpiError): Record<string, unknown> {
  const { messageKey: _key, detail: _detail, ...params } = error.params;
  return { ...params, ...(error.place ? { place: error.place } : {}) };
}

/** Sends the error body of `error` in the request's language. */
export function errorResponse(c: Context<AppEnv>, error: unknown): Response {
  const { status, body } = errorBodyOf(error, c.get("lang") ?? "en");
  return c.json(body, status);
}
