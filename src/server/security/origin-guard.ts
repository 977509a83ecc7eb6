import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-types.js";
import { ApiError } from "../http-errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses writes sent by a page of another origin (CSRF): browsers send
 * `Origin` on every cross-origin POST/PUT/DELETE and `Sec-Fetch-Site` on
 * every request. Clients that send neither (curl, scripts) are not browsers
 * and pass; auth, when on, still applies to them.
 */
export function originGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const host = c.req.header("host") ?? new URL(c.req.url).host;
      if (isCrossOrigin(c.req.raw.headers, host)) throw new ApiError("cross_origin_refused");
    }
    await next();
  };
}

/**
 * Compares the Origin's host and port with the Host header, not the scheme:
 * behind a TLS-terminating proxy the page is https while the request that
 * reaches us is http.
 */
function isCrossOrigin(headers: Headers, host: string): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  // `Origin: null` comes from sandboxed frames, file: pages and redirects: never ours.
  return hostOf(origin) !== host.toLowerCase();
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host.toLowerCase();
  } catch {
    return undefined;
  }
}
