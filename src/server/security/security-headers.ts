import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-types.js";

/**
 * The Content-Security-Policy of every response: scripts only from our own
 * files (the dashboard has no inline script). `style-src-attr 'unsafe-inline'`
 * because ECharts' HTML tooltips carry `style="…"` attributes; `<style>`
 * elements and style sheets stay limited to our own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * Adds the security headers to every response. They are set before `next()`
 * too, so error responses built by `onError` (through `c.json`) carry them
 * even when a later guard throws.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.header(name, value);
    }
  };
}
