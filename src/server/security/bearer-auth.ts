import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-types.js";
import { ApiError } from "../http-errors.js";
import { roleOfToken } from "./token-store.js";

const BEARER = /^Bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/**
 * Sets `role` for every request. With auth, every /api/ request needs a
 * valid `Authorization: Bearer <token>`; the token is looked up by its hash
 * and never logged. Without auth (loopback only) the caller is admin. The
 * dashboard's own files stay public: they hold no data.
 */
export function authenticate(deps: Pick<AppDeps, "auth" | "db">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!deps.auth) {
      c.set("role", "admin");
      return next();
    }
    c.set("role", "read");
    if (!isApiPath(c.req.path)) return next();
    const token = BEARER.exec(c.req.header("authorization") ?? "")?.[1];
    const role = token === undefined ? undefined : await deps.db.read((engine) => roleOfToken(engine, token));
    if (role === undefined) {
      c.header("WWW-Authenticate", 'Bearer realm="crm-kpi"');
      throw new ApiError("unauthorized");
    }
    c.set("role", role);
    await next();
  };
}

function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}
