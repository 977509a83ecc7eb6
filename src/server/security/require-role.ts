import type { Context } from "hono";
import type { AppEnv } from "../app-types.js";
import { ApiError } from "../http-errors.js";

/**
 * Refuses the request unless its caller may write (import, merge, undo, goal
 * changes, settings). Without auth the caller is the loopback user: admin.
 *
 * @example app.openapi(putSettings, async (c) => { requireAdmin(c); ... })
 */
export function requireAdmin(c: Context<AppEnv>): void {
  if (c.get("role") !== "admin") throw new ApiError("forbidden");
}
