import { ApiError } from "../http-errors.js";

/** Why an upload was refused; `details.reason` in the error body, `upload.error.<reason>` its message. */
export type UploadRefusal =
  | "too_large"
  | "zip_entries"
  | "zip_total"
  | "zip_ratio"
  | "zip_size_mismatch"
  | "zip_invalid"
  | "unsafe_name"
  | "bad_extension"
  | "duplicate_name"
  | "no_files"
  | "mapping_path"
  | "not_multipart";

const TOO_LARGE: ReadonlySet<UploadRefusal> = new Set(["too_large", "zip_entries", "zip_total", "zip_ratio"]);

/**
 * The ApiError of a refused upload: limits are `payload_too_large` (413),
 * everything else `bad_request` (400); `details.reason` says which rule.
 *
 * @example throw uploadRefused("zip_ratio", { entry: "customers.csv", ratio: 1000, limit: 200 })
 */
export function uploadRefused(reason: UploadRefusal, params: Record<string, string | number> = {}): ApiError {
  const code = TOO_LARGE.has(reason) ? "payload_too_large" : "bad_request";
  return new ApiError(code, params, { reason, ...params }, `upload.error.${reason}`);
}
