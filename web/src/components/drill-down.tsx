import { useState } from "preact/hooks";
import type { ExplainResponse, ExplainRow } from "../api/types.js";
import { useApi } from "../api/use-api.js";
import { columnLabel } from "../i18n/column-labels.js";
import { useI18n } from "../i18n/i18n.js";
import { useAppState, useCalendar, useMetricInfo } from "../state/app-context.js";
import { navigate } from "../state/url-state.js";
import { type Column, DataTable } from "./data-table.js";
import { Dialog } from "./dialog.js";
import { Async } from "./states.js";

const PAGE_SIZE = 50;

/** The rows behind one value, as `explain`: numerator and denominator, paged and sortable on the server. */
export function DrillDown() {
  const i18n = useI18n();
  const state = useAppState();
  const calendar = useCalendar();
  const info = useMetricInfo();
  const drill = state.drill;
  // "all": every part (a sum's rows are its `value` part; a ratio's are numerator and denominator).
  const [side, setSide] = useState<"all" | "numerator" | "denominator">("all");
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<{ key: string; order: "asc" | "desc" } | undefined>(undefined);
  const explain = useApi<ExplainResponse>(drill ? "/explain" : null, {
    metric: drill?.metric,
    period: drill?.period,
    grain: state.grain,
    calendar,
    segment: drill?.segment,
    side: side === "all" ? undefined : side,
    page,
    pageSize: PAGE_SIZE,
    sort: sort?.key,
    order: sort?.order,
  });
  if (drill === undefined) return null;
  const unit = info(drill.metric)?.unit;
  const close = () => navigate({ drill: undefined });
  const title = i18n.t("web.drill.title", {
    metric: i18n.metric(drill.metric),
    period: [drill.period, ...drill.segment].join(" · "),
  });
  const columns: Column<ExplainRow>[] = [
    { key: "part", label: columnLabel(i18n, "part"), value: (r) => r.part },
    { key: "entity", label: columnLabel(i18n, "entity"), value: (r) => r.entity },
    { key: "recordId", label: columnLabel(i18n, "recordId"), value: (r) => r.recordId },
    { key: "amount", label: columnLabel(i18n, "amount"), value: (r) => r.amount, numeric: true },
    { key: "detail", label: columnLabel(i18n, "detail"), value: (r) => r.detail },
  ];
  return (
    <Dialog title={title} onClose={close}>
      <Async state={explain}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              <dl class="explain-summary">
                <dt>{i18n.t("web.value")}</dt>
                <dd data-testid="drill-value">{i18n.value(data.value.value, unit)}</dd>
                <dt>{i18n.t("web.numerator")}</dt>
                <dd>{i18n.value(data.value.numerator)}</dd>
                <dt>{i18n.t("web.denominator")}</dt>
                <dd>{i18n.value(data.value.denominator)}</dd>
              </dl>
              {data.value.numerator !== null && (
                <fieldset class="segmented">
                  <legend>{i18n.t("web.drill.side")}</legend>
                  {(["all", "numerator", "denominator"] as const).map((s) => (
                    <label key={s}>
                      <input
                        type="radio"
                        name="drill-side"
                        checked={side === s}
                        onChange={() => {
                          setSide(s);
                          setPage(1);
                        }}
                      />
                      {i18n.t(
                        s === "all" ? "web.total" : s === "numerator" ? "web.numerator" : "web.denominator",
                      )}
                    </label>
                  ))}
                </fieldset>
              )}
              <p>{i18n.t("web.drill.rows", { total: i18n.value(data.total, "count") })}</p>
              <DataTable
                caption={title}
                columns={columns}
                rows={data.rows}
                fileName={`${drill.metric}-${drill.period}-${side}`}
                onSort={(key, order) => setSort({ key, order })}
              />
              <nav class="pager" aria-label={i18n.t("web.drill.page", { page, pages })}>
                <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {i18n.t("web.drill.prev")}
                </button>
                <span>
                  {i18n.t("web.drill.page", {
                    page: i18n.value(page, "count"),
                    pages: i18n.value(pages, "count"),
                  })}
                </span>
                <button type="button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                  {i18n.t("web.drill.next")}
                </button>
              </nav>
            </>
          );
        }}
      </Async>
    </Dialog>
  );
}
