import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDuckDB } from "../../engines/duckdb/duckdb-engine.js";
import { t } from "../../messages/index.js";
import { type AppDeps, type AppEnv, DEFAULT_LIMITS, type ServerDatabase } from "../app-types.js";
import { errorResponse } from "../http-errors.js";
import { requestLang } from "../request-lang.js";
import { openServerDatabase } from "../server-database.js";
import { isLoopbackHost, requireAdmin, SECURITY_HEADERS, securityMiddleware } from "./index.js";
import { createApiToken, revokeApiToken } from "./token-store.js";

const LIMITS = { ...DEFAULT_LIMITS, jsonBodyBytes: 1024, uploadBytes: 4096 };

/** A tiny app with the real middleware and error handler, as create-app mounts them. */
function tinyApp(deps: Pick<AppDeps, "auth" | "db" | "limits">) {
  const app = new Hono<AppEnv>();
  app.use("*", requestLang(), securityMiddleware(deps));
  app.onError((error, c) => errorResponse(c, error));
  app.get("/", (c) => c.html("<p>dashboard</p>"));
  app.get("/raw", () => new Response("raw"));
  app.get("/api/v1/thing", (c) => c.json({ role: c.get("role") }));
  app.post("/api/v1/thing", async (c) => {
    requireAdmin(c);
    const body = (await c.req.json()) as unknown;
    return c.json({ saved: JSON.stringify(body).length });
  });
  app.post("/api/v1/upload", (c) => c.json({ ok: true }));
  return app;
}

async function errorCode(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error.code;
}

let db: ServerDatabase;
beforeAll(async () => {
  db = await openServerDatabase(await openDuckDB(":memory:"), { readSessions: 2 });
});
afterAll(async () => {
  await db.close();
});

describe("security headers", () => {
  const app = () => tinyApp({ auth: false, db, limits: LIMITS });

  it("are on pages, API answers, raw responses, 404s and refusals", async () => {
    const responses = [
      await app().request("/"),
      await app().request("/api/v1/thing"),
      await app().request("/raw"),
      await app().request("/nothing-here"),
      await app().request("/", { headers: { host: "evil.example" } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 403]);
    for (const res of responses) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name)).toBe(value);
    }
  });

  it("allow no inline script and no framing", async () => {
    const csp = (await app().request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
  });
});

describe("DNS-rebinding guard (loopback without auth)", () => {
  const app = tinyApp({ auth: false, db, limits: LIMITS });

  it.each(["localhost", "localhost:8080", "127.0.0.1:8080", "127.1.2.3", "[::1]:8080", "dash.localhost:1"])(
    "accepts Host %s",
    async (host) => {
      expect((await app.request("/api/v1/thing", { headers: { host } })).status).toBe(200);
    },
  );

  it.each([
    "evil.example",
    "evil.example:8080",
    "127.0.0.1.evil.example",
    "localhost.evil.example",
    "10.0.0.1",
  ])("refuses Host %s with host_not_allowed", async (host) => {
    const res = await app.request("/api/v1/thing", { headers: { host } });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("host_not_allowed");
  });

  it("answers in the request's language", async () => {
    const res = await app.request("/api/v1/thing?lang=fa", { headers: { host: "evil.example" } });
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toBe(t("fa", "server.error.host_not_allowed"));
  });

  it("is off with auth: tokens guard a server on a public name", async () => {
    const res = await tinyApp({ auth: true, db, limits: LIMITS }).request("/", {
      headers: { host: "crm.example.com" },
    });
    expect(res.status).toBe(200);
  });

  it("knows loopback names", () => {
    expect(isLoopbackHost("LOCALHOST:80")).toBe(true);
    expect(isLoopbackHost("localhost.")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("[::2]:80")).toBe(false);
    expect(isLoopbackHost("")).toBe(false);
    expect(isLoopbackHost("127.0.0.1:80@evil.example")).toBe(false);
  });
});

describe("cross-origin writes", () => {
  const app = tinyApp({ auth: false, db, limits: LIMITS });
  const post = (headers: Record<string, string>) =>
    app.request("http://localhost:8080/api/v1/thing", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: "{}",
    });

  it("refuses a write whose Origin is another site", async () => {
    for (const origin of ["http://evil.example", "http://localhost:5173", "null"]) {
      const res = await post({ origin });
      expect(res.status, origin).toBe(403);
      expect(await errorCode(res)).toBe("cross_origin_refused");
    }
  });

  it("refuses a write a browser marks cross-site", async () => {
    const res = await post({ "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe("cross_origin_refused");
  });

  it("accepts the https page of a TLS-terminating proxy in front of an http server", async () => {
    const res = await post({ origin: "https://localhost:8080" });
    expect(res.status).toBe(200);
  });

  it("accepts writes from its own origin and from non-browser clients", async () => {
    expect((await post({ origin: "http://localhost:8080", "sec-fetch-site": "same-origin" })).status).toBe(
      200,
    );
    expect((await post({})).status).toBe(200);
  });

  it("lets cross-origin reads through (CSP and CORS keep them unreadable)", async () => {
    const res = await app.request("http://localhost:8080/api/v1/thing", {
      headers: { origin: "http://evil.example" },
    });
    expect(res.status).toBe(200);
  });
});

describe("auth", () => {
  let read: string;
  let admin: string;
  let revoked: string;
  const app = () => tinyApp({ auth: true, db, limits: LIMITS });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    ({ read, admin, revoked } = await db.write(async (engine) => {
      const gone = await createApiToken(engine, { role: "admin", name: "old" });
      await revokeApiToken(engine, gone.record.id);
      return {
        read: (await createApiToken(engine, { role: "read" })).token,
        admin: (await createApiToken(engine, { role: "admin" })).token,
        revoked: gone.token,
      };
    }));
  });

  it("without auth, the loopback caller is admin", async () => {
    const res = await tinyApp({ auth: false, db, limits: LIMITS }).request("/api/v1/thing");
    expect(await res.json()).toEqual({ role: "admin" });
  });

  it("refuses API requests without a valid token, with WWW-Authenticate", async () => {
    for (const headers of [
      {},
      bearer("ckpi_not-a-real-token"),
      bearer(revoked),
      { authorization: `Basic ${btoa("a:b")}` },
      { authorization: `Bearer ${read} extra` },
    ]) {
      const res = await app().request("/api/v1/thing", { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await errorCode(res)).toBe("unauthorized");
    }
  });

  it("sets the role of the token", async () => {
    expect(await (await app().request("/api/v1/thing", { headers: bearer(read) })).json()).toEqual({
      role: "read",
    });
    expect(await (await app().request("/api/v1/thing", { headers: bearer(admin) })).json()).toEqual({
      role: "admin",
    });
  });

  it("gives read tokens 403 on admin routes and lets admin tokens write", async () => {
    const write = (token: string) =>
      app().request("/api/v1/thing", {
        method: "POST",
        headers: { ...bearer(token), "content-type": "application/json" },
        body: '{"a":1}',
      });
    const refused = await write(read);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe("forbidden");
    expect((await write(admin)).status).toBe(200);
  });

  it("keeps the dashboard's files public: they hold no data", async () => {
    expect((await app().request("/")).status).toBe(200);
  });
});

describe("body limits", () => {
  const app = tinyApp({ auth: false, db, limits: LIMITS });
  const json = (body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    app.request("/api/v1/thing", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);

  it("accepts a JSON body within the limit", async () => {
    expect((await json(JSON.stringify({ a: "x".repeat(900) }))).status).toBe(200);
  });

  it("refuses a larger JSON body with 413 payload_too_large", async () => {
    const res = await json(JSON.stringify({ a: "x".repeat(2000) }));
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe("payload_too_large");
  });

  it("counts a streamed body without Content-Length", async () => {
    const chunk = new TextEncoder().encode("x".repeat(600));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await json(stream);
    expect(res.status).toBe(413);
  });

  it("refuses an upload declared larger than the upload limit", async () => {
    const res = await app.request("/api/v1/upload", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(1024 * 1024) },
      body: "--x--",
    });
    expect(res.status).toBe(413);
    expect(await errorCode(res)).toBe("payload_too_large");
  });
});
