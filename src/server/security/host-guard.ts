import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-types.js";
import { ApiError } from "../http-errors.js";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** `name[:port]` or `[ipv6][:port]`, nothing else. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/;

/**
 * Whether a Host header (with or without port) names this machine's
 * loopback: localhost, *.localhost, 127.0.0.0/8 or [::1].
 *
 * @example isLoopbackHost("localhost:8080") // true
 */
export function isLoopbackHost(host: string): boolean {
  // A strict Host grammar first: `127.0.0.1:80@evil.example` must not pass as 127.0.0.1.
  const match = HOST_HEADER.exec(host.trim().toLowerCase());
  const name = (match?.[1] ?? "").replace(/\.$/, "");
  return LOOPBACK_NAMES.has(name) || name.endsWith(".localhost") || IPV4_LOOPBACK.test(name);
}

/**
 * DNS rebinding guard for a server on loopback without tokens: a page on
 * evil.example whose name was re-pointed at 127.0.0.1 still sends
 * `Host: evil.example`, so any Host that is not a loopback name is refused.
 */
export function hostGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!isLoopbackHost(host)) throw new ApiError("host_not_allowed");
    await next();
  };
}
