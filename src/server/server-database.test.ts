import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import type { ServerDatabase } from "./app-types.js";
import { openServerDatabase } from "./server-database.js";

let db: ServerDatabase;
beforeAll(async () => {
  const engine = await openDuckDB(":memory:");
  await engine.execute("CREATE TABLE probe (n INTEGER)");
  await engine.execute("INSERT INTO probe VALUES (1)");
  db = await openServerDatabase(engine, { readSessions: 2 });
});
afterAll(async () => {
  await db.close();
});

const count = () =>
  db.read(async (e) => Number((await e.query({ sql: "SELECT count(*) AS n FROM probe", params: [] }))[0]?.n));

describe("openServerDatabase", () => {
  it("lets reads during an open write transaction see the data as it was", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const didInsert = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const write = db.write((e) =>
      e.transaction(async () => {
        await e.execute("INSERT INTO probe VALUES (2), (3)");
        inserted();
        await held;
      }),
    );
    await didInsert;
    expect(await count()).toBe(1);
    release();
    await write;
    expect(await count()).toBe(3);
  });

  it("bumps the version after each successful write only", async () => {
    const before = db.version;
    await db.write((e) => e.execute("INSERT INTO probe VALUES (4)"));
    expect(db.version).toBe(before + 1);
    await expect(db.write((e) => e.execute("INSERT INTO nowhere VALUES (1)"))).rejects.toThrow();
    expect(db.version).toBe(before + 1);
  });

  it("runs writes one at a time, in order", async () => {
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3].map((i) =>
        db.write(async (e) => {
          await e.execute("SELECT 1");
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3]);
  });

  it("queues reads beyond the pool and answers them all", async () => {
    const counts = await Promise.all(Array.from({ length: 6 }, count));
    expect(new Set(counts).size).toBe(1);
  });
});
