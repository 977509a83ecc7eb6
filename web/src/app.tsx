import { type ComponentType, lazy, Suspense } from "preact/compat";
import { useEffect, useMemo, useState } from "preact/hooks";
import { setApiLang } from "./api/client.js";
import type { CatalogResponse } from "./api/types.js";
import { useApi } from "./api/use-api.js";
import { DrillDown } from "./components/drill-down.js";
import { SignInDialog, SignOutButton } from "./components/sign-in.js";
import { Loading } from "./components/states.js";
import { BreakdownPicker, PeriodPicker } from "./components/toolbar.js";
import { createI18n, I18nContext } from "./i18n/i18n.js";
import { applyDocumentLang, rememberLang, resolveLang } from "./i18n/locale.js";
import { AppContext } from "./state/app-context.js";
import {
  currentState,
  formatState,
  navigate,
  subscribe,
  URL_LANGS,
  type UrlLang,
  VIEWS,
  type ViewName,
} from "./state/url-state.js";
import { OverviewView } from "./views/overview/overview-view.js";

// Views other than the overview load on first visit (smaller first view).
const LAZY: Record<Exclude<ViewName, "overview">, ComponentType> = {
  customers: lazy(() => import("./views/customers/customers-view.js").then((m) => m.CustomersView)),
  revenue: lazy(() => import("./views/revenue/revenue-view.js").then((m) => m.RevenueView)),
  sales: lazy(() => import("./views/sales/sales-view.js").then((m) => m.SalesView)),
  service: lazy(() => import("./views/service/service-view.js").then((m) => m.ServiceView)),
  marketing: lazy(() => import("./views/marketing/marketing-view.js").then((m) => m.MarketingView)),
  goals: lazy(() => import("./views/goals/goals-view.js").then((m) => m.GoalsView)),
  quality: lazy(() => import("./views/quality/quality-view.js").then((m) => m.QualityView)),
  import: lazy(() => import("./views/import/import-view.js").then((m) => m.ImportView)),
};

/** Views whose numbers follow the period and breakdown pickers. */
const REPORT_VIEWS: ReadonlySet<ViewName> = new Set([
  "overview",
  "customers",
  "revenue",
  "sales",
  "service",
  "marketing",
  "goals",
]);

export function App() {
  const [state, setState] = useState(currentState);
  useEffect(() => subscribe(setState), []);
  const lang = resolveLang(state.lang);
  const settings = useApi<{ base_currency?: string }>("/settings", {});
  const currency = settings.data?.base_currency;
  const i18n = useMemo(() => createI18n(lang, currency), [lang, currency]);
  setApiLang(lang);
  useEffect(() => {
    applyDocumentLang(lang);
    document.title = i18n.t("web.title");
  }, [lang, i18n]);
  const catalog = useApi<CatalogResponse>("/catalog", {});
  const View = state.view === "overview" ? OverviewView : LAZY[state.view];
  const switchLang = (next: UrlLang) => {
    rememberLang(next);
    // Period labels belong to a calendar: a language with another default calendar starts from the whole range.
    const keep = state.calendar !== undefined;
    navigate(keep ? { lang: next } : { lang: next, from: undefined, to: undefined, drill: undefined });
  };
  const follow = (event: MouseEvent, view: ViewName) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate({ view, drill: undefined });
  };

  return (
    <I18nContext.Provider value={i18n}>
      <AppContext.Provider value={{ state, catalog: catalog.data }}>
        <a class="skip" href="#main">
          {i18n.t("web.view.overview")}
        </a>
        <header class="top">
          <h1>{i18n.t("web.title")}</h1>
          <label class="lang">
            {i18n.t("web.language")}
            <select value={lang} onChange={(e) => switchLang(e.currentTarget.value as UrlLang)}>
              {URL_LANGS.map((l) => (
                <option key={l} value={l} lang={l}>
                  {i18n.tk(`web.lang.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <SignOutButton />
        </header>
        <nav aria-label={i18n.t("web.nav.label")} class="nav">
          <ul>
            {VIEWS.map((view) => (
              <li key={view}>
                <a
                  href={formatState({ ...state, view, drill: undefined })}
                  aria-current={state.view === view ? "page" : undefined}
                  onClick={(e) => follow(e, view)}
                >
                  {i18n.tk(`web.view.${view}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main">
          {REPORT_VIEWS.has(state.view) && (
            <div class="toolbar">
              <PeriodPicker />
              {state.view !== "overview" && state.view !== "goals" && <BreakdownPicker />}
            </div>
          )}
          <Suspense fallback={<Loading />}>
            <View />
          </Suspense>
        </main>
        {state.drill && <DrillDown />}
        <SignInDialog />
      </AppContext.Provider>
    </I18nContext.Provider>
  );
}
