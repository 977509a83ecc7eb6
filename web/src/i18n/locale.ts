/** Per-language conventions: direction, Intl locale (digits), default calendar. */
import type { CalendarId } from "../api/types.js";
import { URL_LANGS, type UrlLang } from "../state/url-state.js";

export interface LocaleInfo {
  readonly dir: "ltr" | "rtl";
  /** The Intl locale: fa-IR gives Persian digits, ar-EG Arabic-Indic ones. */
  readonly intl: string;
  readonly calendar: CalendarId;
}

export const LOCALES: Readonly<Record<UrlLang, LocaleInfo>> = {
  en: { dir: "ltr", intl: "en-US", calendar: "gregorian" },
  fa: { dir: "rtl", intl: "fa-IR", calendar: "persian" },
  // Arabic-speaking businesses mostly report in Gregorian months; Umm al-Qura stays one click away.
  ar: { dir: "rtl", intl: "ar-EG", calendar: "gregorian" },
  zh: { dir: "ltr", intl: "zh-CN", calendar: "gregorian" },
};

const STORAGE_KEY = "crm-kpi.lang";

function asLang(value: string | null | undefined): UrlLang | undefined {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return (URL_LANGS as readonly string[]).includes(base ?? "") ? (base as UrlLang) : undefined;
}

/** ?lang= first, then the saved choice, then the browser's languages, then English. */
export function resolveLang(fromUrl: UrlLang | undefined): UrlLang {
  if (fromUrl !== undefined) return fromUrl;
  let saved: string | null = null;
  try {
    saved = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  const candidates = [saved, ...(navigator.languages ?? []), navigator.language];
  for (const candidate of candidates) {
    const lang = asLang(candidate);
    if (lang !== undefined) return lang;
  }
  return "en";
}

export function rememberLang(lang: UrlLang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lives in the URL only.
  }
}

export function applyDocumentLang(lang: UrlLang): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = LOCALES[lang].dir;
}
