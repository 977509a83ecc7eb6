import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCaptured } from "../../../test/support/run-captured.js";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { hashToken, roleOfToken } from "../../server/security/token-store.js";

const cli = (...argv: string[]) => runCaptured(argv);

describe("crm-kpi tokens", () => {
  it("creates a token shown once, lists it without the secret, and revokes it", async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), "crm-kpi-tokens-")), "crm.duckdb");
    const created = await cli("tokens", "create", "--role", "read", "--name", "wall screen", "--db", db);
    expect(created.code).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^ckpi_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toContain("shown only this once");
    const id = /token (t[0-9a-f]+)/.exec(created.err)?.[1] ?? "";
    expect(id).not.toBe("");

    const listed = await cli("tokens", "list", "--db", db);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(id);
    expect(listed.out).toContain("wall screen");
    expect(listed.out).toContain("read");
    expect(listed.out + listed.err).not.toContain(token);
    expect(listed.out).not.toContain(hashToken(token));

    const engine = await openDuckDB(db);
    try {
      expect(await roleOfToken(engine, token)).toBe("read");
    } finally {
      await engine.close();
    }

    const revoked = await cli("tokens", "revoke", id, "--db", db);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toContain(id);
    const after = await openDuckDB(db);
    try {
      expect(await roleOfToken(after, token)).toBeUndefined();
    } finally {
      await after.close();
    }
  });

  it("requires a known role and a known id, in the user's language", async () => {
    const db = path.join(await mkdtemp(path.join(tmpdir(), "crm-kpi-tokens-")), "crm.duckdb");
    await (await openDuckDB(db)).close(); // an existing crm-kpi database without tokens
    expect((await cli("tokens", "create", "--role", "root", "--db", db)).code).not.toBe(0);
    expect((await cli("tokens", "create", "--db", db)).code).not.toBe(0);
    const unknown = await cli("tokens", "revoke", "t-none", "--db", db, "--lang", "fa");
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain("توکنی با شناسهٔ «t-none» وجود ندارد");
    const empty = await cli("tokens", "list", "--db", db);
    expect(empty.code).toBe(0);
    expect(empty.err).toContain("no tokens yet");
  });
});
