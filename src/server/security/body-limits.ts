import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv, ServerLimits } from "../app-types.js";
import { ApiError } from "../http-errors.js";

/** Room for multipart boundaries and part headers above the upload limit. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * JSON (and any other non-multipart) bodies are capped at `jsonBodyBytes`,
 * counted as they stream in. Uploads are capped at `uploadBytes` by their
 * declared Content-Length here; they are not buffered, so the upload route
 * enforces the limit again on what it actually reads.
 */
export function bodyLimits(limits: ServerLimits): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new ApiError("payload_too_large", {}, { limit: limits.jsonBodyBytes });
  };
  const json = bodyLimit({ maxSize: limits.jsonBodyBytes, onError: tooLarge });
  return async (c, next) => {
    const type = c.req.header("content-type") ?? "";
    if (!type.toLowerCase().startsWith("multipart/form-data")) return json(c, next);
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > limits.uploadBytes + MULTIPART_OVERHEAD_BYTES) {
      throw new ApiError("payload_too_large", {}, { limit: limits.uploadBytes });
    }
    await next();
  };
}
