import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResultCache } from "./result-cache.js";
import { ReportQuerySchema, serializedReport } from "./routes/report.js";
import { openTestApp, type TestApp } from "./test-app.js";

describe("ResultCache", () => {
  it("runs one computation for concurrent identical keys", async () => {
    const cache = new ResultCache<number>();
    let runs = 0;
    let finish: (n: number) => void = () => undefined;
    const compute = () => {
      runs++;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    };
    const waiting = [1, 2, 3].map(() => cache.get(1, { a: 1 }, compute));
    finish(42);
    expect(await Promise.all(waiting)).toEqual([42, 42, 42]);
    expect(await cache.get(1, { a: 1 }, compute)).toBe(42);
    expect(runs).toBe(1);
  });

  it("computes again for a new version and after a failure", async () => {
    const cache = new ResultCache<number>();
    let runs = 0;
    const compute = async () => ++runs;
    expect(await cache.get(1, "k", compute)).toBe(1);
    expect(await cache.get(2, "k", compute)).toBe(2);
    await expect(cache.get(2, "bad", () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await cache.get(2, "bad", compute)).toBe(3);
  });
});

describe("serializedReport", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(async () => {
    await t.db.close();
  });
  const query = ReportQuerySchema.parse({
    metrics: "revenue",
    from: "2024-01",
    to: "2024-03",
    compare: "previous",
  });

  it("serializes a report once and shares it between concurrent requests", async () => {
    const [a, b] = await Promise.all([
      serializedReport(t.db, query, "en"),
      serializedReport(t.db, query, "en"),
    ]);
    expect(b).toBe(a);
    expect(await serializedReport(t.db, query, "en")).toBe(a);
    const body = JSON.parse(new TextDecoder().decode(a.json));
    expect(body.periods.map((p: { label: string }) => p.label)).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(JSON.parse(gunzipSync(a.gzip).toString("utf8"))).toEqual(body);
  });

  it("labels the cached computation per language and never serves it after a write", async () => {
    const en = await serializedReport(t.db, query, "en");
    const fa = await serializedReport(t.db, query, "fa");
    expect(fa).not.toBe(en);
    expect(JSON.parse(new TextDecoder().decode(fa.json)).periods[0].display).not.toBe(
      JSON.parse(new TextDecoder().decode(en.json)).periods[0].display,
    );
    await t.db.write(async () => undefined);
    expect(await serializedReport(t.db, query, "en")).not.toBe(en);
  });

  it("answers brotli or gzip to a client that accepts it, the same JSON", async () => {
    const url = "/api/v1/report?metrics=revenue&from=2024-01&to=2024-03";
    const br = await t.app.request(url, { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers.get("content-encoding")).toBe("br");
    const gz = await t.app.request(url, { headers: { "accept-encoding": "gzip, deflate" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    const plain = await t.app.request(url);
    expect(plain.headers.get("content-encoding")).toBeNull();
    const json = await plain.json();
    const bytes = async (r: Response) => Buffer.from(await r.arrayBuffer());
    expect(JSON.parse(brotliDecompressSync(await bytes(br)).toString("utf8"))).toEqual(json);
    expect(JSON.parse(gunzipSync(await bytes(gz)).toString("utf8"))).toEqual(json);
  });
});
