import type { OpenAPIHono } from "@hono/zod-openapi";
import type { DeliveryConfig } from "../alerts/delivery/deliver-notice.js";
import type { Engine } from "../core/engine.js";
import type { Lang } from "../messages/index.js";

/** Who is calling: no auth (loopback default) acts as admin. */
export type Role = "read" | "admin";

/** Per-request values set by middleware (request-lang, security/auth). */
export interface AppVariables {
  lang: Lang;
  role: Role;
}

export interface AppEnv {
  Variables: AppVariables;
}

/** The API app every route module registers on. */
export type ApiApp = OpenAPIHono<AppEnv>;

/**
 * The database as the server owns it: reads run on pooled sessions and see
 * committed data only; writes (import, merge, undo, goals, settings) run one
 * at a time, and each committed write bumps `version` (cache key), as does
 * a write another process commits, where the engine tells (PostgreSQL).
 */
export interface ServerDatabase {
  read<T>(work: (engine: Engine) => Promise<T>): Promise<T>;
  write<T>(work: (engine: Engine) => Promise<T>): Promise<T>;
  readonly version: number;
  close(): Promise<void>;
}

/** What route modules get: `registerXRoutes(app, deps)`. */
export interface AppDeps {
  readonly db: ServerDatabase;
  /** Path of the database file (for messages only; never built from a request). */
  readonly dbLabel: string;
  readonly auth: boolean;
  readonly limits: ServerLimits;
  /** How alert notices go out (SMTP server, sender); without it emails are recorded as not sent. */
  readonly delivery?: DeliveryConfig;
}

export interface ServerLimits {
  readonly jsonBodyBytes: number;
  readonly uploadBytes: number;
  readonly zipEntries: number;
  readonly zipUncompressedBytes: number;
  readonly zipMaxRatio: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  jsonBodyBytes: 1024 * 1024,
  uploadBytes: 200 * 1024 * 1024,
  zipEntries: 200,
  zipUncompressedBytes: 2 * 1024 * 1024 * 1024,
  zipMaxRatio: 200,
};
