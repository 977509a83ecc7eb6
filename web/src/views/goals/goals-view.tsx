import { useEffect, useState } from "preact/hooks";
import { apiSend, isAbort } from "../../api/client.js";
import type { Goal, GoalEvaluation } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { useReport } from "../../api/use-report.js";
import { MetricChart } from "../../components/metric-chart.js";
import { Async, ErrorState } from "../../components/states.js";
import { formatDate } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { useCalendar, useCatalog } from "../../state/app-context.js";
import { AlertsPanel } from "./alerts-panel.js";

interface Draft {
  metric: string;
  target: string;
  direction: "" | "at-least" | "at-most";
  start: string;
  deadline: string;
  owner: string;
  why: string;
}

const EMPTY: Draft = {
  metric: "customer_churn_rate",
  target: "",
  direction: "",
  start: "",
  deadline: "",
  owner: "",
  why: "",
};

function bodyOf(draft: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = { metric: draft.metric, target: draft.target };
  if (draft.direction) body.direction = draft.direction;
  if (draft.start) body.start = draft.start;
  if (draft.deadline) body.deadline = draft.deadline;
  // <input type="date"> gives ISO (Gregorian) dates whatever the dataset's calendar: say so.
  if (draft.start || draft.deadline) body.calendar = "gregorian";
  if (draft.owner) body.owner = draft.owner;
  if (draft.why) body.why = draft.why;
  return body;
}

function draftOf(goal: Goal): Draft {
  return {
    metric: goal.metric,
    target: String(goal.target),
    direction: goal.direction === "at-most" ? "at-most" : "at-least",
    start: goal.start,
    deadline: goal.deadline ?? "",
    owner: goal.owner ?? "",
    why: goal.why ?? "",
  };
}

/** Add or edit: POST /goals/check as you type shows the SMART check; save writes. */
function GoalForm(props: { readonly editing: Goal | null; readonly onDone: () => void }) {
  const i18n = useI18n();
  const metrics = useCatalog()?.metrics ?? [];
  const [draft, setDraft] = useState<Draft>(props.editing ? draftOf(props.editing) : EMPTY);
  const [check, setCheck] = useState<GoalEvaluation | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (draft.target.trim() === "") return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      apiSend<GoalEvaluation>("POST", "/goals/check", bodyOf(draft), controller.signal).then(
        (result) => {
          setCheck(result);
          setError(null);
        },
        (e: unknown) => {
          if (!isAbort(e)) setError(e as Error);
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [draft]);

  const set = (key: keyof Draft) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value });
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      if (props.editing)
        await apiSend("PUT", `/goals/${encodeURIComponent(props.editing.id)}`, bodyOf(draft));
      else await apiSend("POST", "/goals", bodyOf(draft));
      props.onDone();
    } catch (err) {
      setError(err as Error);
    }
  };

  return (
    <form
      class="goal-form panel"
      onSubmit={save}
      aria-label={i18n.t(props.editing ? "web.goals.edit" : "web.goals.add")}
    >
      <label>
        {i18n.t("web.goals.metric")}
        <select value={draft.metric} onChange={set("metric")}>
          {metrics.map((m) => (
            <option key={m.id} value={m.id}>
              {i18n.metric(m.id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t("web.goals.target")}
        <input value={draft.target} onInput={set("target")} inputMode="decimal" required />
      </label>
      <label>
        {i18n.t("web.goals.direction")}
        <select value={draft.direction} onChange={set("direction")}>
          <option value="">—</option>
          <option value="at-least">{i18n.t("web.goals.direction.at-least")}</option>
          <option value="at-most">{i18n.t("web.goals.direction.at-most")}</option>
        </select>
      </label>
      <label>
        {i18n.t("web.goals.start")}
        <input type="date" value={draft.start} onInput={set("start")} />
      </label>
      <label>
        {i18n.t("web.goals.deadline")}
        <input type="date" value={draft.deadline} onInput={set("deadline")} />
      </label>
      <label>
        {i18n.t("web.goals.owner")}
        <input value={draft.owner} onInput={set("owner")} />
      </label>
      <label>
        {i18n.t("web.goals.why")}
        <input value={draft.why} onInput={set("why")} />
      </label>
      {check && (
        <section aria-live="polite">
          <h3>{i18n.t("web.goals.smart")}</h3>
          <ul class="smart" data-testid="smart-check">
            {check.smart.map((entry) => (
              <li key={entry.letter + entry.code} class={entry.ok ? "ok" : "fail"}>
                <strong>{entry.letter}</strong> {entry.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <ErrorState error={error} />}
      <div>
        <button type="submit" class="primary">
          {i18n.t("web.goals.save")}
        </button>{" "}
        <button type="button" onClick={props.onDone}>
          {i18n.t("web.goals.cancel")}
        </button>
      </div>
    </form>
  );
}

function GoalCard(props: {
  readonly goal: Goal;
  readonly onEdit: () => void;
  readonly onChanged: () => void;
}) {
  const i18n = useI18n();
  const unit = useCatalog()?.metrics.find((m) => m.id === props.goal.metric)?.unit;
  const calendar = useCalendar();
  const status = useApi<GoalEvaluation>(`/goals/${encodeURIComponent(props.goal.id)}/status`, {});
  const remove = async () => {
    if (!window.confirm(i18n.t("web.goals.confirmDelete"))) return;
    await apiSend("DELETE", `/goals/${encodeURIComponent(props.goal.id)}`);
    props.onChanged();
  };
  const name = i18n.metric(props.goal.metric);
  return (
    <article class="card" aria-label={name}>
      <h3>{name}</h3>
      <p>
        {i18n.t(
          props.goal.direction === "at-most" ? "web.goals.direction.at-most" : "web.goals.direction.at-least",
        )}{" "}
        {i18n.value(props.goal.target, unit)} · {formatDate(i18n.locale.intl, calendar, props.goal.deadline)}
      </p>
      <Async state={status}>
        {(s) => (
          <>
            <p class={`goal-status ${s.status}`}>{i18n.tk(`web.goal.status.${s.status}`)}</p>
            {s.progress !== null && (
              <>
                <progress
                  max={1}
                  value={Math.max(0, Math.min(1, s.progress))}
                  aria-label={i18n.t("web.goals.progress", { share: i18n.value(s.progress, "fraction") })}
                />
                <p>{i18n.t("web.goals.progress", { share: i18n.value(s.progress, "fraction") })}</p>
              </>
            )}
            <p>{i18n.t("web.goals.projection", { value: i18n.value(s.projection.value ?? null, unit) })}</p>
            <ul class="smart">
              {s.smart.map((entry) => (
                <li key={entry.letter + entry.code} class={entry.ok ? "ok" : "fail"}>
                  <strong>{entry.letter}</strong> {entry.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </Async>
      <button type="button" onClick={props.onEdit}>
        {i18n.t("web.goals.edit")}
      </button>{" "}
      <button type="button" onClick={remove}>
        {i18n.t("web.goals.delete")}
      </button>
    </article>
  );
}

export function GoalsView() {
  const i18n = useI18n();
  const goals = useApi<{ goals: Goal[] }>("/goals", {});
  const [editing, setEditing] = useState<Goal | null | "new">(null);
  const metrics = [...new Set(goals.data?.goals.map((g) => g.metric) ?? [])];
  const report = useReport(metrics, { noBy: true, skip: metrics.length === 0 });
  const done = () => {
    setEditing(null);
    goals.reload();
    report.reload();
  };
  return (
    <section data-testid="view-goals" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.goals")}</h2>
      {editing === null ? (
        <button type="button" class="primary" onClick={() => setEditing("new")}>
          {i18n.t("web.goals.add")}
        </button>
      ) : (
        <GoalForm editing={editing === "new" ? null : editing} onDone={done} />
      )}
      <Async state={goals} empty={(g) => g.goals.length === 0} emptyText={i18n.t("web.goals.none")}>
        {(g) => (
          <div class="cards">
            {g.goals.map((goal) => (
              <GoalCard key={goal.id} goal={goal} onEdit={() => setEditing(goal)} onChanged={done} />
            ))}
          </div>
        )}
      </Async>
      {metrics.length > 0 && (
        <Async state={report}>
          {(r) => (
            <div class="charts">
              {metrics.map((m) => (
                <MetricChart key={m} report={r} metrics={[m]} />
              ))}
            </div>
          )}
        </Async>
      )}
      <AlertsPanel />
    </section>
  );
}
