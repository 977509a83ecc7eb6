import { type Lang, lookupMessage } from "../messages/index.js";

/**
 * An entity (table) name for readers: `customers` → `مشتریان`. The
 * dashboard's catalog entries are reused so both interfaces name them alike;
 * an unknown name shows as itself.
 */
export function entityLabel(lang: Lang, entity: string): string {
  return lookupMessage(lang, `web.entity.${entity}`) ?? entity;
}

/** Several entity names joined as the language lists them. */
export function entityList(lang: Lang, entities: readonly string[]): string {
  const separator = lang === "zh" ? "、" : lang === "en" ? ", " : "، ";
  return entities.map((e) => entityLabel(lang, e)).join(separator);
}
