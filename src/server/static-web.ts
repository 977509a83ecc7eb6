import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { MiddlewareHandler } from "hono";
import { isRightToLeft, t } from "../messages/index.js";
import { packagePath } from "../package-root.js";
import type { AppEnv } from "./app-types.js";

/** web/dist beside package.json. */
export const WEB_DIST = `${packagePath("web", "dist")}${path.sep}`;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

/**
 * Serves the built dashboard: a file of `root` when the path names one,
 * else index.html (client routes). The path only selects inside `root`;
 * without a build, a short page says how to make one.
 */
export function staticWeb(root: string = WEB_DIST): MiddlewareHandler<AppEnv> {
  const base = path.resolve(root);
  return async (c, next) => {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.req.path.startsWith("/api")) return next();
    const file = (await fileUnder(base, c.req.path)) ?? (await fileUnder(base, "/index.html"));
    if (!file) return missingBuildPage(c);
    const body = await readFile(file);
    const ext = path.extname(file);
    // Vite names assets by content hash: they never change under one name.
    const cache = file.includes(`${path.sep}assets${path.sep}`)
      ? "public, max-age=31536000, immutable"
      : "no-cache";
    return c.body(body, 200, {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Cache-Control": cache,
    });
  };
}

async function fileUnder(base: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const candidate = path.resolve(base, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== base && !candidate.startsWith(`${base}${path.sep}`)) return undefined;
  try {
    return (await stat(candidate)).isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

function missingBuildPage(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Response {
  const lang = c.get("lang") ?? "en";
  const html = `<!doctype html><html lang="${lang}" dir="${isRightToLeft(lang) ? "rtl" : "ltr"}"><head><meta charset="utf-8"><title>${escapeHtml(t(lang, "server.web.missing.title"))}</title></head><body><h1>${escapeHtml(t(lang, "server.web.missing.title"))}</h1><p>${escapeHtml(t(lang, "server.web.missing.body"))}</p></body></html>`;
  return c.html(html, 503);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
