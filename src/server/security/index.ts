import type { MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import type { AppDeps, AppEnv } from "../app-types.js";
import { authenticate } from "./bearer-auth.js";
import { bodyLimits } from "./body-limits.js";
import { hostGuard } from "./host-guard.js";
import { originGuard } from "./origin-guard.js";
import { securityHeaders } from "./security-headers.js";

export { assertSafeBinding, isLoopbackAddress } from "./binding.js";
export { csvField, neutralizeCsvCell } from "./csv-safe.js";
export { isLoopbackHost } from "./host-guard.js";
export { requireAdmin } from "./require-role.js";
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./security-headers.js";

/**
 * Every security check of the server as one middleware, in order: security
 * headers, the DNS-rebinding guard (loopback without auth only), refusal of
 * cross-origin writes, auth (sets `role`), body limits. Refusals throw
 * ApiError, so mount it after the middleware that sets `lang` and let the
 * app's onError answer.
 *
 * @example app.use("*", requestLang(), securityMiddleware(deps))
 */
export function securityMiddleware(deps: Pick<AppDeps, "auth" | "db" | "limits">): MiddlewareHandler<AppEnv> {
  const steps: MiddlewareHandler<AppEnv>[] = [
    securityHeaders(),
    ...(deps.auth ? [] : [hostGuard()]),
    originGuard(),
    authenticate(deps),
    bodyLimits(deps.limits),
  ];
  return every(...steps);
}
