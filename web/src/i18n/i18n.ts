/** Messages for the dashboard, from the same catalogs as the CLI and the API. */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import {
  CATALOGS,
  fillTemplate,
  type MessageKey,
  type MessageParams,
  metricName,
} from "../../../src/messages/index.js";
import type { UrlLang } from "../state/url-state.js";
import { formatValue } from "./format.js";
import { LOCALES, type LocaleInfo } from "./locale.js";

export interface I18n {
  readonly lang: UrlLang;
  readonly locale: LocaleInfo;
  readonly rtl: boolean;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  /** A message key built at run time (`web.grain.${grain}`); the key itself when missing. */
  readonly tk: (key: string, params?: MessageParams) => string;
  readonly metric: (id: string) => string;
  readonly value: (value: number | null | undefined, unit?: string) => string;
}

/** `currency`: the base currency of the dataset; money values show its symbol. */
export function createI18n(lang: UrlLang, currency?: string): I18n {
  const catalog = CATALOGS[lang];
  const tk = (key: string, params: MessageParams = {}) =>
    fillTemplate(catalog[key] ?? CATALOGS.en[key] ?? key, params);
  const locale = LOCALES[lang];
  return {
    lang,
    locale,
    rtl: locale.dir === "rtl",
    t: (key, params) => tk(key, params),
    tk,
    metric: (id) => metricName(lang, id),
    value: (value, unit) => formatValue(locale.intl, value, unit, currency),
  };
}

export const I18nContext = createContext<I18n>(createI18n("en"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
