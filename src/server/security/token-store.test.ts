import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../core/engine.js";
import { CrmKpiError } from "../../core/errors.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import {
  createApiToken,
  hashToken,
  listApiTokens,
  revokeApiToken,
  roleOfToken,
  TOKEN_PREFIX,
} from "./token-store.js";

describe("token store", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openDuckDB(":memory:");
  });
  afterAll(async () => {
    await engine.close();
  });

  it("creates random tokens of 256 bits with the ckpi_ prefix", async () => {
    const a = await createApiToken(engine, { role: "read", name: "wall screen" });
    const b = await createApiToken(engine, { role: "read" });
    for (const { token } of [a, b]) {
      expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
      expect(Buffer.from(token.slice(TOKEN_PREFIX.length), "base64url")).toHaveLength(32);
    }
    expect(a.token).not.toBe(b.token);
    expect(a.record).toMatchObject({ role: "read", name: "wall screen", revokedAt: null });
  });

  it("stores the SHA-256 hash, never the token", async () => {
    const { token, record } = await createApiToken(engine, { role: "admin" });
    const rows = await engine.query({ sql: "SELECT * FROM api_tokens WHERE id = $1", params: [record.id] });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toBe(rows[0]?.hash);
    const everything = JSON.stringify(await engine.query({ sql: "SELECT * FROM api_tokens", params: [] }));
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(TOKEN_PREFIX.length, 20));
  });

  it("finds the role of a valid token and nothing for others", async () => {
    const { token } = await createApiToken(engine, { role: "admin" });
    expect(await roleOfToken(engine, token)).toBe("admin");
    expect(await roleOfToken(engine, `${token}x`)).toBeUndefined();
    expect(await roleOfToken(engine, "")).toBeUndefined();
    expect(await roleOfToken(engine, hashToken(token))).toBeUndefined();
  });

  it("revokes for good, keeping the first date", async () => {
    const { token, record } = await createApiToken(engine, { role: "read" });
    const first = await revokeApiToken(engine, record.id, Date.parse("2026-01-02T03:04:05Z"));
    expect(first.revokedAt).toMatch(/^2026-01-02.03:04:05/);
    expect(await roleOfToken(engine, token)).toBeUndefined();
    const again = await revokeApiToken(engine, record.id);
    expect(again.revokedAt).toBe(first.revokedAt);
  });

  it("lists tokens without secrets", async () => {
    const list = await listApiTokens(engine);
    expect(list.length).toBeGreaterThanOrEqual(5);
    for (const record of list)
      expect(Object.keys(record).sort()).toEqual(["createdAt", "id", "name", "revokedAt", "role"]);
  });

  it("names an unknown id", async () => {
    await expect(revokeApiToken(engine, "t-nope")).rejects.toThrow(CrmKpiError);
  });
});
