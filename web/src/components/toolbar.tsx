import type { ReportResponse } from "../api/types.js";
import { useApi } from "../api/use-api.js";
import { dimensionName } from "../i18n/column-labels.js";
import { useI18n } from "../i18n/i18n.js";
import { useAppState, useCalendar, useCatalog } from "../state/app-context.js";
import { CALENDARS, GRAINS, navigate } from "../state/url-state.js";

/** Period picker in the chosen calendar: grain, calendar, from and to (labels as the API displays them). */
export function PeriodPicker() {
  const i18n = useI18n();
  const state = useAppState();
  const calendar = useCalendar();
  // The periods of the whole data range in this grain and calendar, with their localized labels.
  const periods = useApi<ReportResponse>("/report", {
    metrics: "new_customers",
    grain: state.grain,
    calendar,
  });
  const options = periods.data?.periods ?? [];
  return (
    <div class="picker">
      <label>
        {i18n.t("web.grain")}
        <select
          value={state.grain}
          onChange={(e) =>
            navigate({ grain: e.currentTarget.value as never, from: undefined, to: undefined })
          }
        >
          {GRAINS.map((g) => (
            <option key={g} value={g}>
              {i18n.tk(`web.grain.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t("web.calendar")}
        <select
          value={calendar}
          onChange={(e) =>
            navigate({ calendar: e.currentTarget.value as never, from: undefined, to: undefined })
          }
        >
          {CALENDARS.map((c) => (
            <option key={c} value={c}>
              {i18n.tk(`web.calendar.${c}`)}
            </option>
          ))}
        </select>
      </label>
      {(["from", "to"] as const).map((end) => (
        <label key={end}>
          {i18n.t(end === "from" ? "web.from" : "web.to")}
          <select
            value={state[end] ?? ""}
            onChange={(e) => navigate({ [end]: e.currentTarget.value || undefined })}
          >
            <option value="">—</option>
            {options.map((p) => (
              <option key={p.label} value={p.label}>
                {p.display ?? p.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label class="check">
        <input
          type="checkbox"
          checked={state.compare}
          onChange={(e) => navigate({ compare: e.currentTarget.checked })}
        />
        {i18n.t("web.compare")}
      </label>
    </div>
  );
}

/** Any customer dimension from /catalog (propensity deciles too), several at once. */
export function BreakdownPicker() {
  const i18n = useI18n();
  const state = useAppState();
  const dimensions = useCatalog()?.dimensions;
  const dims = [...(dimensions?.customer ?? []), ...(dimensions?.scored ?? [])];
  const toggle = (dim: string, on: boolean) =>
    navigate({ by: on ? [...state.by, dim] : state.by.filter((d) => d !== dim) });
  return (
    <fieldset class="breakdown">
      <legend>{i18n.t("web.breakdown")}</legend>
      {dims.map((dim) => (
        <label key={dim} class="check">
          <input
            type="checkbox"
            checked={state.by.includes(dim)}
            onChange={(e) => toggle(dim, e.currentTarget.checked)}
          />
          {dimensionName(i18n, dim)}
        </label>
      ))}
    </fieldset>
  );
}
