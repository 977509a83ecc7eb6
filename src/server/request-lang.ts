import type { MiddlewareHandler } from "hono";
import { isLang, type Lang } from "../messages/index.js";
import type { AppEnv } from "./app-types.js";

/** Sets `lang`: `?lang=`, else the first supported Accept-Language, else English. */
export function requestLang(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("lang", langOf(c.req.query("lang"), c.req.header("accept-language")));
    await next();
  };
}

/** `fa-IR,fa;q=0.9,en;q=0.8` → "fa"; quality order, region ignored. */
export function langOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query !== undefined && isLang(query)) return query;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...rest] = part.trim().split(";");
      const q = rest.find((r) => r.trim().startsWith("q="));
      return { base: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q.trim().slice(2)) : 1, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { base } of ranked) if (isLang(base)) return base;
  return "en";
}
