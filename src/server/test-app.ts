import { fileURLToPath } from "node:url";
import type { Engine } from "../core/engine.js";
import { openDuckDB } from "../engines/duckdb/duckdb-engine.js";
import { importDataset } from "../import/import-dataset.js";
import { type ApiApp, DEFAULT_LIMITS, type ServerDatabase } from "./app-types.js";
import { createApp } from "./create-app.js";
import { openServerDatabase } from "./server-database.js";

/** The reference dataset of the spec (tests only read it, never copy it). */
export const REFERENCE_DATA = fileURLToPath(new URL("../../../shared/data/reference/", import.meta.url));

/** A parsed response body: tests read it by path and compare it with library values. */
// biome-ignore lint/suspicious/noExplicitAny: a JSON body of any route
export type JsonBody = any;

export interface TestApp {
  readonly app: ApiApp;
  readonly db: ServerDatabase;
  /** `app.request` and the parsed JSON body. */
  get(path: string, init?: RequestInit): Promise<{ status: number; body: JsonBody }>;
  send(method: string, path: string, json: unknown): Promise<{ status: number; body: JsonBody }>;
}

/**
 * The real app on an in-memory DuckDB holding the reference dataset (or the
 * folder `data`), as tests of route modules use it.
 */
export async function openTestApp(
  data: string = REFERENCE_DATA,
  prepare?: (e: Engine) => Promise<void>,
): Promise<TestApp> {
  const engine = await openDuckDB(":memory:");
  await importDataset(engine, data);
  if (prepare) await prepare(engine);
  const db = await openServerDatabase(engine, { readSessions: 2 });
  const app = createApp({ db, dbLabel: ":memory:", auth: false, limits: DEFAULT_LIMITS });
  const get = async (path: string, init?: RequestInit) => {
    const res = await app.request(path, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (the dashboard's HTML): keep the text.
    }
    return { status: res.status, body };
  };
  const send = (method: string, path: string, json: unknown) =>
    get(path, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(json) });
  return { app, db, get, send };
}
