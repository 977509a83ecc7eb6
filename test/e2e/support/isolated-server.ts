/**
 * A server of its own for a spec that writes (goals, import, dedupe): it runs
 * on a fresh copy of the seed database, so the spec passes in any order and
 * leaves the shared server's data untouched.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { cliPath, e2eDir, repoRoot, seedDb } from "./e2e-env.js";

export interface IsolatedServer {
  url: string;
  stop(): Promise<void>;
}

export interface IsolatedServerOptions {
  /** More `serve` arguments (`--auth`). */
  readonly serveArgs?: readonly string[];
  /** Runs on the copied database before the server holds it (e.g. to create tokens). */
  readonly prepare?: (db: string) => void;
  /** When the server counts as up; default: any 2xx from /api/v1/dataset. */
  readonly isUp?: (status: number) => boolean;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function waitUntilUp(
  url: string,
  child: ChildProcess,
  output: () => string,
  isUp: (status: number) => boolean,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${output()}`);
    try {
      if (isUp((await fetch(`${url}/api/v1/dataset`)).status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not answer within 30 s: ${output()}`);
}

export async function startIsolatedServer(options: IsolatedServerOptions = {}): Promise<IsolatedServer> {
  const dir = await mkdtemp(path.join(e2eDir, "isolated-"));
  const db = path.join(dir, "crm-kpi.duckdb");
  await copyFile(seedDb, db);
  options.prepare?.(db);
  const port = await freePort();
  const args = [cliPath, "serve", ...(options.serveArgs ?? []), "--db", db, "--port", String(port)];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => stderr, options.isUp ?? ((status) => status >= 200 && status < 300));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
