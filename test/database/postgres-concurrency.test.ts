import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-codes.js";
import type { Engine } from "../../src/core/engine.js";
import { CrmKpiError } from "../../src/core/errors.js";
import { openPGlite, openPostgres } from "../../src/engines/postgres/open-postgres.js";
import { WRITE_LOCK_KEY } from "../../src/engines/postgres/write-lock.js";
import { importDataset } from "../../src/import/import-dataset.js";
import { runReport } from "../../src/report/run-report.js";
import { DEFAULT_LIMITS } from "../../src/server/app-types.js";
import { createApp } from "../../src/server/create-app.js";
import { openServerDatabase } from "../../src/server/server-database.js";
import { runCaptured } from "../support/run-captured.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "crm-kpi-pgconc-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A dataset folder of `count` customers from C<first> on, two orders each, all in 2024 (USD). */
function writeDataset(name: string, first: number, count: number): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  const customers = ["customer_id,region,created_at"];
  const orders = ["order_id,customer_id,ordered_at,amount,currency"];
  for (let i = first; i < first + count; i++) {
    const month = String((i % 12) + 1).padStart(2, "0");
    const day = String((i % 28) + 1).padStart(2, "0");
    customers.push(`C${i},R${i % 7},2024-${month}-${day}T08:00:00`);
    for (const k of [0, 1])
      orders.push(`O${i}-${k},C${i},2024-${month}-${day}T1${k}:00:00,${(i % 97) + k}.50,USD`);
  }
  writeFileSync(path.join(dir, "customers.csv"), `${customers.join("\n")}\n`);
  writeFileSync(path.join(dir, "orders.csv"), `${orders.join("\n")}\n`);
  return dir;
}

const base = { customers: 1_000, orders: 2_000 };
const small = { customers: 300, orders: 600 };
let baseDir = "";
let bigDir = "";
let smallDir = "";
beforeAll(() => {
  baseDir = writeDataset("base", 0, base.customers);
  // Big enough that its import is in flight while readers run many times over.
  bigDir = writeDataset("big", 100_000, 40_000);
  smallDir = writeDataset("small", 900_000, small.customers);
});

async function rowCount(engine: Engine, table: string): Promise<number> {
  const [row] = await engine.query({ sql: `SELECT count(*) AS n FROM ${table}`, params: [] });
  return Number(row?.n);
}

/** Row counts and a report, in one read transaction: one state of the database, as text. */
function observe(engine: Engine): Promise<string> {
  return engine.transaction(async () => {
    const customers = await rowCount(engine, "customers");
    const report = await runReport(engine, {
      metrics: ["new_customers", "revenue"],
      grain: "month",
      from: "2024-01",
      to: "2024-12",
    });
    const orders = await rowCount(engine, "orders");
    return JSON.stringify({ customers, orders, values: report.values });
  }, "read");
}

/** Polls `condition` (tests never time anything: vitest's timeout bounds the wait). */
async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** A promise and the function that settles it: a step the test lets happen when it chooses. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const server = process.env.CRM_KPI_TEST_PG;
describe.runIf(server !== undefined)("PostgreSQL server: imports beside readers and other imports", () => {
  const names: string[] = [];
  let admin: Engine;
  beforeAll(async () => {
    admin = await openPostgres(server as string, { migrate: false });
  });
  afterAll(async () => {
    for (const name of names) await admin.execute(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  /** A new, empty database of its own on the server, by URL. */
  async function freshDatabase(): Promise<{ url: string; name: string }> {
    const name = `crm_kpi_conc_${process.pid}_${names.length + 1}`;
    names.push(name);
    await admin.execute(`CREATE DATABASE ${name}`);
    const target = new URL(server as string);
    target.pathname = `/${name}`;
    return { url: target.toString(), name };
  }

  /** Sessions holding crm-kpi's write lock on database `name`, and sessions waiting for it. */
  async function writeLock(name: string): Promise<{ held: number; waiting: number }> {
    const rows = await admin.query({
      sql: `SELECT granted FROM pg_locks l JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND d.datname = $1
              AND ((l.classid::bigint << 32) | l.objid::bigint) = ${WRITE_LOCK_KEY}`,
      params: [name],
    });
    return { held: rows.filter((r) => r.granted).length, waiting: rows.filter((r) => !r.granted).length };
  }

  it("readers in other sessions see the data before an import or after it, never part of it", async () => {
    const { url, name } = await freshDatabase();
    const engine = await openPostgres(url);
    try {
      await importDataset(engine, baseDir);
      const before = await observe(engine);
      const writer = await engine.openSession();
      const readers = [await engine.openSession(), await engine.openSession()];
      let importing = true;
      const imported = importDataset(writer, bigDir).finally(() => {
        importing = false;
      });
      await until(async () => !importing || (await writeLock(name)).held > 0);
      const seen: { state: string; whileImporting: boolean }[] = [];
      await Promise.all(
        readers.map(async (reader) => {
          while (importing) {
            const startedWhileImporting = importing;
            const state = await observe(reader);
            seen.push({ state, whileImporting: startedWhileImporting && importing });
          }
        }),
      );
      await imported;
      const after = await observe(engine);
      expect(after).not.toBe(before);
      expect(JSON.parse(after)).toMatchObject({
        customers: base.customers + 40_000,
        orders: base.orders + 80_000,
      });
      // The import really ran beside the readers, and each of them saw one whole state.
      expect(seen.filter((s) => s.whileImporting).length).toBeGreaterThan(0);
      for (const { state } of seen) expect([before, after]).toContain(state);
      for (const session of [writer, ...readers]) await session.close();
    } finally {
      await engine.close();
    }
  }, 180_000);

  it("a read transaction keeps its snapshot while another session imports and commits", async () => {
    const { url } = await freshDatabase();
    const engine = await openPostgres(url);
    try {
      await importDataset(engine, baseDir);
      const reader = await engine.openSession();
      const counts = await reader.transaction(async () => {
        const first = await rowCount(reader, "customers");
        await importDataset(engine, smallDir);
        // Committed, and visible to everyone else already.
        expect(await rowCount(engine, "customers")).toBe(base.customers + small.customers);
        return [first, await rowCount(reader, "customers")];
      }, "read");
      expect(counts).toEqual([base.customers, base.customers]);
      expect(await rowCount(reader, "customers")).toBe(base.customers + small.customers);
      await reader.close();
    } finally {
      await engine.close();
    }
  }, 120_000);

  it("the server answers a report while another process's import holds the write lock", async () => {
    const { url, name } = await freshDatabase();
    const engine = await openPostgres(url);
    await importDataset(engine, baseDir);
    const open = async () => {
      const db = await openServerDatabase(await openPostgres(url), { readSessions: 2 });
      return { db, app: createApp({ db, dbLabel: name, auth: false, limits: DEFAULT_LIMITS }) };
    };
    const report = "/api/v1/report?metrics=new_customers,revenue&period=month&from=2024-01&to=2024-12";
    const get = async (app: Awaited<ReturnType<typeof open>>["app"], route: string) => {
      const response = await app.request(route);
      return {
        status: response.status,
        body: (await response.json()) as { values?: unknown; counts?: unknown },
      };
    };
    const earlier = await open();
    const during = await open();
    const later = await open();
    try {
      const valuesBefore = (await get(earlier.app, report)).body.values;
      // As `crm-kpi import` in another process: its whole import in one transaction, not committed yet.
      const holder = await engine.openSession();
      const commit = gate();
      let imported = false;
      const holding = holder.transaction(async () => {
        await importDataset(holder, bigDir);
        imported = true;
        await commit.opened;
      });
      await until(() => imported);
      expect((await writeLock(name)).held).toBe(1);
      const answered = await get(during.app, report);
      expect(answered.status).toBe(200);
      expect(answered.body.values).toEqual(valuesBefore);
      expect((await get(during.app, "/api/v1/dataset")).body.counts).toMatchObject(base);
      const versionBefore = during.db.version;
      commit.open();
      await holding;
      await holder.close();
      const afterCommit = await get(later.app, report);
      expect(afterCommit.body.values).not.toEqual(valuesBefore);
      // The other process's commit reaches the server (NOTIFY), which drops the report it cached.
      await until(() => during.db.version > versionBefore);
      expect((await get(during.app, report)).body.values).toEqual(afterCommit.body.values);
      expect((await get(during.app, "/api/v1/dataset")).body.counts).toMatchObject({
        customers: base.customers + 40_000,
      });
    } finally {
      for (const { db } of [earlier, during, later]) await db.close();
      await engine.close();
    }
  }, 180_000);

  it("a second import waits for the first, then runs", async () => {
    const { url, name } = await freshDatabase();
    const engine = await openPostgres(url);
    try {
      const release = gate();
      let firstDone = false;
      const first = engine.exclusive(async () => {
        await importDataset(engine, baseDir);
        await release.opened;
        firstDone = true;
      });
      await until(async () => (await writeLock(name)).held > 0);
      const second = runCaptured(["import", smallDir, "--db", url, "--wait", "120"]).then((result) => ({
        ...result,
        afterFirst: firstDone,
      }));
      await until(async () => (await writeLock(name)).waiting > 0);
      release.open();
      await first;
      const result = await second;
      expect(result.err).toBe("");
      expect(result.code).toBe(EXIT.ok);
      expect(result.afterFirst).toBe(true);
      expect(await rowCount(engine, "customers")).toBe(base.customers + small.customers);
      expect(await rowCount(engine, "orders")).toBe(base.orders + small.orders);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it("with a short --wait the second import fails with database_busy and changes nothing", async () => {
    const { url, name } = await freshDatabase();
    const engine = await openPostgres(url);
    try {
      const release = gate();
      let imported = false;
      const first = engine.exclusive(async () => {
        await importDataset(engine, baseDir);
        imported = true;
        await release.opened;
      });
      await until(() => imported);
      expect((await writeLock(name)).held).toBe(1);
      const refused = await runCaptured(["import", smallDir, "--db", url, "--wait", "0.2"]);
      expect(refused.code).toBe(EXIT.database);
      expect(refused.err).toContain(
        "Another crm-kpi command or server is writing to this PostgreSQL database",
      );
      expect(refused.err).toContain("--wait");
      // --wait 0 asks without waiting; the message comes in the user's language.
      const persian = await runCaptured(["import", smallDir, "--db", url, "--wait", "0", "--lang", "fa"]);
      expect(persian.code).toBe(EXIT.database);
      expect(persian.err).toContain("در حال نوشتن در این پایگاه دادهٔ PostgreSQL است");
      // Reads are not writers: a report runs meanwhile.
      const reportRun = await runCaptured([
        "report",
        "--metrics",
        "new_customers",
        "--db",
        url,
        "--wait",
        "0",
      ]);
      expect(reportRun.code).toBe(EXIT.ok);
      release.open();
      await first;
      expect(await rowCount(engine, "customers")).toBe(base.customers);
      expect(await rowCount(engine, "orders")).toBe(base.orders);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it("a write transaction that cannot get the lock fails cleanly and leaves its session usable", async () => {
    const { url } = await freshDatabase();
    const engine = await openPostgres(url);
    const impatient = await openPostgres(url, { lockWaitMs: 100 });
    try {
      const release = gate();
      let holding = false;
      const held = engine.transaction(async () => {
        holding = true;
        await release.opened;
      });
      await until(() => holding);
      let wrote = false;
      const failure = await impatient
        .transaction(async () => {
          wrote = true;
        })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(CrmKpiError);
      expect((failure as CrmKpiError).code).toBe("database_busy");
      expect(wrote).toBe(false);
      // Reads go on, and once the lock is free a write goes through.
      expect(await rowCount(impatient, "customers")).toBe(0);
      release.open();
      await held;
      expect(await impatient.transaction(async () => rowCount(impatient, "customers"))).toBe(0);
    } finally {
      await impatient.close();
      await engine.close();
    }
  }, 60_000);

  it("a lost commit listener connects again: commits after it still reach the watcher", async () => {
    const { url, name } = await freshDatabase();
    const engine = await openPostgres(url);
    const writer = await engine.openSession();
    let notices = 0;
    const unwatch = await engine.watchCommits?.(() => {
      notices++;
    });
    /** Backends of database `name` listening for commits. */
    const listeners = async () =>
      (
        await admin.query({
          sql: "SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'",
          params: [name],
        })
      ).map((r) => Number(r.pid));
    try {
      expect(unwatch).toBeDefined();
      await until(async () => (await listeners()).length === 1);
      const [first] = await listeners();
      await writer.transaction(async () => writer.execute("SELECT 1"));
      await until(() => notices === 1);
      await admin.execute(`SELECT pg_terminate_backend(${first})`);
      // A new listener, then one notice for whatever was committed while none listened.
      await until(async () => {
        const pids = await listeners();
        return pids.length === 1 && pids[0] !== first;
      });
      await until(() => notices === 2);
      await writer.transaction(async () => writer.execute("SELECT 1"));
      await until(() => notices === 3);
      await unwatch?.();
      await until(async () => (await listeners()).length === 0);
      await writer.transaction(async () => writer.execute("SELECT 1"));
      expect(notices).toBe(3);
    } finally {
      await writer.close();
      await engine.close();
    }
  }, 60_000);

  it("a dropped connection fails the next statement instead of ending the process", async () => {
    const { url } = await freshDatabase();
    const engine = await openPostgres(url);
    try {
      const [row] = await engine.query({ sql: "SELECT pg_backend_pid() AS pid", params: [] });
      await admin.execute(`SELECT pg_terminate_backend(${Number(row?.pid)})`);
      await expect(
        (async () => {
          // The server's goodbye may reach the client just after the next statement leaves.
          for (;;) await engine.query({ sql: "SELECT 1", params: [] });
        })(),
      ).rejects.toThrow();
    } finally {
      await engine.close().catch(() => undefined);
    }
  }, 60_000);
});

describe("PGlite: one backend, so sessions take turns", () => {
  it("a session's statement waits for another session's transaction and never sees inside it", async () => {
    const engine = await openPGlite();
    try {
      const other = await engine.openSession();
      const release = gate();
      let inserted = false;
      const rolledBack = engine
        .transaction(async () => {
          await engine.execute("INSERT INTO customers (customer_id, created_at) VALUES ('X1', '2024-01-01')");
          inserted = true;
          await release.opened;
          throw new Error("rolled back on purpose");
        })
        .catch((error: Error) => error.message);
      await until(() => inserted);
      const counted = rowCount(other, "customers");
      // Time for a statement that did not wait to run inside the open transaction.
      await new Promise((resolve) => setTimeout(resolve, 50));
      release.open();
      expect(await rolledBack).toBe("rolled back on purpose");
      expect(await counted).toBe(0);
    } finally {
      await engine.close();
    }
  }, 120_000);

  it("two imports in two sessions run one after the other, and both land", async () => {
    const engine = await openPGlite();
    try {
      const other = await engine.openSession();
      const events: string[] = [];
      await Promise.all([
        engine.exclusive(async () => {
          events.push("first starts");
          await importDataset(engine, baseDir);
          events.push("first ends");
        }),
        other.exclusive(async () => {
          events.push("second starts");
          await importDataset(other, smallDir);
          events.push("second ends");
        }),
      ]);
      expect(events).toEqual(["first starts", "first ends", "second starts", "second ends"]);
      expect(await rowCount(engine, "customers")).toBe(base.customers + small.customers);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
