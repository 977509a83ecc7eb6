import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { CalendarId, CatalogMetric, CatalogResponse } from "../api/types.js";
import { useI18n } from "../i18n/i18n.js";
import { DEFAULT_STATE, type ViewState } from "./url-state.js";

export interface AppContextValue {
  readonly state: ViewState;
  readonly catalog: CatalogResponse | undefined;
}

export const AppContext = createContext<AppContextValue>({ state: DEFAULT_STATE, catalog: undefined });

export function useAppState(): ViewState {
  return useContext(AppContext).state;
}

export function useMetricInfo(): (id: string) => CatalogMetric | undefined {
  const { catalog } = useContext(AppContext);
  return (id) => catalog?.metrics.find((m) => m.id === id);
}

export function useCatalog(): CatalogResponse | undefined {
  return useContext(AppContext).catalog;
}

/** The calendar of the periods: the URL's, else the language's (Jalali months for fa). */
export function useCalendar(): CalendarId {
  const state = useAppState();
  const i18n = useI18n();
  return state.calendar ?? i18n.locale.calendar;
}
