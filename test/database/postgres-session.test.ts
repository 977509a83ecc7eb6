import { describe, expect, it } from "vitest";
import type { Engine } from "../../src/core/engine.js";
import { TEST_ENGINES } from "../support/test-engines.js";

const POSTGRES_ENGINES = TEST_ENGINES.filter((e) => e.name !== "DuckDB");

const setting = async (engine: Engine, name: string) =>
  String((await engine.query({ sql: `SELECT current_setting('${name}') AS v`, params: [] }))[0]?.v);

/** Every session starts in UTC, without JIT, with work_mem of at least 64 MB (postgres-engine.ts, SESSION_SETUP). */
describe.each(POSTGRES_ENGINES)("PostgreSQL sessions on $name", (testEngine) => {
  it("start in UTC, without JIT, with at least 64 MB of work_mem, and keep a larger one", async () => {
    const engine = await testEngine.open();
    try {
      expect(await setting(engine, "TimeZone")).toBe("UTC");
      expect(await setting(engine, "work_mem")).toBe("64MB");
      const session = await engine.openSession();
      expect(await setting(session, "work_mem")).toBe("64MB");
      await session.close();
      if (testEngine.name === "PostgreSQL") {
        // A server's own larger setting (here the database's) is not lowered.
        await engine.execute(
          "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '256MB'); END $$",
        );
        const next = await engine.openSession();
        expect(await setting(next, "work_mem")).toBe("256MB");
        expect(await setting(next, "jit")).toBe("off");
        await next.close();
      }
    } finally {
      await engine.close();
    }
  }, 60_000);
});
