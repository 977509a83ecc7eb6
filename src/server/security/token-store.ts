import { createHash, randomBytes } from "node:crypto";
import type { Engine, ResultRow } from "../../core/engine.js";
import { CrmKpiError } from "../../core/errors.js";
import type { Role } from "../app-types.js";

/** Marks a string as a crm-kpi token, so secret scanners and people recognise it. */
export const TOKEN_PREFIX = "ckpi_";
export const ROLES: readonly Role[] = ["read", "admin"];

/** A stored token as listed: never the token itself, which only its creator saw. */
export interface TokenRecord {
  readonly id: string;
  readonly name: string | null;
  readonly role: Role;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export interface CreatedToken {
  /** The secret, shown once: the database keeps only its hash. */
  readonly token: string;
  readonly record: TokenRecord;
}

/** SHA-256 of the whole token, hex: what the database stores and looks up. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new random token: 256 bits, base64url, with the `ckpi_` prefix. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Creates a token with `role` and stores its hash; the returned `token` is
 * the only time the secret exists outside its owner's hands.
 *
 * @example const { token } = await createApiToken(engine, { role: "read", name: "wall screen" })
 */
export async function createApiToken(
  engine: Engine,
  options: { readonly role: Role; readonly name?: string | undefined },
  now = Date.now(),
): Promise<CreatedToken> {
  const token = generateToken();
  const id = `t${randomBytes(4).toString("hex")}`;
  const p = (i: number) => engine.dialect.placeholder(i);
  await engine.execute(
    `INSERT INTO ${table(engine)} (id, name, role, hash, created_at) VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${engine.dialect.timestampParam(p(5))})`,
    [id, options.name ?? null, options.role, hashToken(token), new Date(now).toISOString()],
  );
  return { token, record: (await findRecord(engine, id)) ?? unknownToken(id) };
}

/** Every token, oldest first, revoked ones included (with when). */
export async function listApiTokens(engine: Engine): Promise<TokenRecord[]> {
  const rows = await engine.query({
    sql: `SELECT id, name, role, created_at, revoked_at FROM ${table(engine)} ORDER BY created_at, id`,
    params: [],
  });
  return rows.map(toRecord);
}

/** Revokes a token for good; revoking it again keeps the first date. Unknown ids are an error. */
export async function revokeApiToken(engine: Engine, id: string, now = Date.now()): Promise<TokenRecord> {
  const p = (i: number) => engine.dialect.placeholder(i);
  const existing = (await findRecord(engine, id)) ?? unknownToken(id);
  if (existing.revokedAt !== null) return existing;
  await engine.execute(
    `UPDATE ${table(engine)} SET revoked_at = ${engine.dialect.timestampParam(p(1))} WHERE id = ${p(2)}`,
    [new Date(now).toISOString(), id],
  );
  return (await findRecord(engine, id)) ?? unknownToken(id);
}

/** The role of a valid, unrevoked token; undefined for anything else. */
export async function roleOfToken(engine: Engine, token: string): Promise<Role | undefined> {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const rows = await engine.query({
    sql: `SELECT role FROM ${table(engine)} WHERE hash = ${engine.dialect.placeholder(1)} AND revoked_at IS NULL`,
    params: [hashToken(token)],
  });
  const role = String(rows[0]?.role ?? "");
  return isRole(role) ? role : undefined;
}

async function findRecord(engine: Engine, id: string): Promise<TokenRecord | undefined> {
  const rows = await engine.query({
    sql: `SELECT id, name, role, created_at, revoked_at FROM ${table(engine)} WHERE id = ${engine.dialect.placeholder(1)}`,
    params: [id],
  });
  return rows[0] ? toRecord(rows[0]) : undefined;
}

function table(engine: Engine): string {
  return engine.dialect.quoteIdentifier("api_tokens");
}

function toRecord(row: ResultRow): TokenRecord {
  const role = String(row.role);
  return {
    id: String(row.id),
    name: row.name === null || row.name === undefined ? null : String(row.name),
    role: isRole(role) ? role : "read",
    createdAt: String(row.created_at),
    revokedAt: row.revoked_at === null || row.revoked_at === undefined ? null : String(row.revoked_at),
  };
}

function unknownToken(id: string): never {
  throw new CrmKpiError(
    "bad_argument",
    `There is no token "${id}"; see crm-kpi tokens list`,
    { value: id, messageKey: "security.tokens.unknown" },
    { value: id },
  );
}
