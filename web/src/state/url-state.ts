/**
 * The whole view state lives in the URL (path = view, query = the rest), so a
 * copied link opens the same view. Parsed once into a typed state; every
 * change goes through `navigate`.
 */
import type { CalendarId, Grain } from "../api/types.js";

export const VIEWS = [
  "overview",
  "customers",
  "revenue",
  "sales",
  "service",
  "marketing",
  "goals",
  "quality",
  "import",
] as const;
export type ViewName = (typeof VIEWS)[number];

export const URL_LANGS = ["en", "fa", "ar", "zh"] as const;
export type UrlLang = (typeof URL_LANGS)[number];
export const GRAINS: readonly Grain[] = ["day", "week", "month", "quarter", "year"];
export const CALENDARS: readonly CalendarId[] = ["gregorian", "persian", "islamic-umalqura"];

export interface DrillState {
  readonly metric: string;
  readonly period: string;
  /** `dim=value` pairs; empty for the total. */
  readonly segment: readonly string[];
}

export interface ViewState {
  readonly view: ViewName;
  readonly lang: UrlLang | undefined;
  readonly grain: Grain;
  readonly calendar: CalendarId | undefined;
  readonly from: string | undefined;
  readonly to: string | undefined;
  readonly by: readonly string[];
  readonly compare: boolean;
  readonly drill: DrillState | undefined;
  /** Cohort heatmap measure on Customers. */
  readonly cohort: "customers" | "revenue";
}

export const DEFAULT_STATE: ViewState = {
  view: "overview",
  lang: undefined,
  grain: "month",
  calendar: undefined,
  from: undefined,
  to: undefined,
  by: [],
  compare: true,
  drill: undefined,
  cohort: "customers",
};

const periodPattern = /^[0-9]{4}(-[0-9A-Za-z]{1,3}){0,2}$/;
const dimPattern = /^[a-z_][a-z0-9_]*$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function periodOrUndefined(value: string | null): string | undefined {
  return value !== null && periodPattern.test(value) ? value : undefined;
}

/** Reads a location (`pathname` + `search`); unknown or malformed values fall back to the defaults. */
export function parseState(pathname: string, search: string): ViewState {
  const q = new URLSearchParams(search);
  const segment = pathname.replace(/^\/+|\/+$/g, "");
  const view = oneOf(VIEWS, segment === "" ? "overview" : segment) ?? "overview";
  const by = (q.get("by") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => dimPattern.test(s));
  const drillMetric = q.get("drill");
  const drillPeriod = periodOrUndefined(q.get("dp"));
  const drill =
    drillMetric !== null && dimPattern.test(drillMetric) && drillPeriod !== undefined
      ? { metric: drillMetric, period: drillPeriod, segment: q.getAll("ds").filter((s) => s.includes("=")) }
      : undefined;
  return {
    view,
    lang: oneOf(URL_LANGS, q.get("lang")),
    grain: oneOf(GRAINS, q.get("grain")) ?? DEFAULT_STATE.grain,
    calendar: oneOf(CALENDARS, q.get("calendar")),
    from: periodOrUndefined(q.get("from")),
    to: periodOrUndefined(q.get("to")),
    by: [...new Set(by)],
    compare: q.get("compare") !== "0",
    drill,
    cohort: q.get("cohort") === "revenue" ? "revenue" : "customers",
  };
}

/** The URL (path + query) of a state; defaults are left out so links stay short. */
export function formatState(state: ViewState): string {
  const q = new URLSearchParams();
  if (state.lang !== undefined) q.set("lang", state.lang);
  if (state.grain !== DEFAULT_STATE.grain) q.set("grain", state.grain);
  if (state.calendar !== undefined) q.set("calendar", state.calendar);
  if (state.from !== undefined) q.set("from", state.from);
  if (state.to !== undefined) q.set("to", state.to);
  if (state.by.length > 0) q.set("by", state.by.join(","));
  if (!state.compare) q.set("compare", "0");
  if (state.cohort !== "customers") q.set("cohort", state.cohort);
  if (state.drill !== undefined) {
    q.set("drill", state.drill.metric);
    q.set("dp", state.drill.period);
    for (const pair of state.drill.segment) q.append("ds", pair);
  }
  const search = q.toString();
  const path = state.view === "overview" ? "/" : `/${state.view}`;
  return search === "" ? path : `${path}?${search}`;
}

type Listener = (state: ViewState) => void;
const listeners = new Set<Listener>();

export function currentState(): ViewState {
  return parseState(window.location.pathname, window.location.search);
}

/** The one way to change the view state: merges `patch`, pushes (or replaces) the history entry. */
export function navigate(patch: Partial<ViewState>, options: { replace?: boolean } = {}): void {
  const next = { ...currentState(), ...patch };
  const url = formatState(next);
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  for (const listener of listeners) listener(next);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  const onPop = () => listener(currentState());
  window.addEventListener("popstate", onPop);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", onPop);
  };
}

/** `{region: "Europe"}` → `["region=Europe"]` (the drill-down's segment in the URL and in /explain). */
export function segmentPairs(segment: Readonly<Record<string, string | null>> | null): string[] {
  if (segment === null) return [];
  return Object.entries(segment).map(([k, v]) => `${k}=${v ?? ""}`);
}
