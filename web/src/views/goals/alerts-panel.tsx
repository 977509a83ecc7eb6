import { useState } from "preact/hooks";
import { apiSend } from "../../api/client.js";
import type { Alert, AlertHistoryEntry } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { Async, ErrorState } from "../../components/states.js";
import { useI18n } from "../../i18n/i18n.js";

/** Comma- or space-separated addresses and URLs, sorted into the two channels. */
function channelsOf(text: string): { email: string[]; webhooks: string[] } {
  const items = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    email: items.filter((s) => !/^https?:\/\//i.test(s)),
    webhooks: items.filter((s) => /^https?:\/\//i.test(s)),
  };
}

function AlertForm(props: { readonly onDone: () => void }) {
  const i18n = useI18n();
  const [rule, setRule] = useState("");
  const [recipients, setRecipients] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      await apiSend("POST", "/alerts", { rule, ...channelsOf(recipients), lang: i18n.lang });
      setRule("");
      setRecipients("");
      setError(null);
      props.onDone();
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <form class="alert-form panel" onSubmit={save} aria-label={i18n.t("web.alerts.add")}>
      <label>
        {i18n.t("web.alerts.rule")}
        <input
          value={rule}
          onInput={(e) => setRule(e.currentTarget.value)}
          placeholder="customer_churn_rate above 3%"
          dir="ltr"
          required
        />
      </label>
      <label>
        {i18n.t("web.alerts.recipients")}
        <input
          value={recipients}
          onInput={(e) => setRecipients(e.currentTarget.value)}
          placeholder="ops@example.com"
          dir="ltr"
          required
        />
      </label>
      {error && <ErrorState error={error} />}
      <div>
        <button type="submit" class="primary">
          {i18n.t("web.alerts.save")}
        </button>
      </div>
    </form>
  );
}

function AlertHistory(props: { readonly id: string }) {
  const i18n = useI18n();
  const history = useApi<{ history: AlertHistoryEntry[] }>(
    `/alerts/${encodeURIComponent(props.id)}/history`,
    {},
  );
  return (
    <Async state={history} empty={(h) => h.history.length === 0} emptyText={i18n.t("web.alerts.noHistory")}>
      {(h) => (
        <ul class="alert-history" aria-label={i18n.t("web.alerts.history")}>
          {h.history.map((e) => (
            <li key={e.seq}>
              {i18n.tk(`web.alerts.event.${e.event}`)} · {e.period ?? "—"} ·{" "}
              {e.value === null ? "—" : i18n.value(e.value)} · {e.at.slice(0, 16).replace("T", " ")}
            </li>
          ))}
        </ul>
      )}
    </Async>
  );
}

/** The alerts of the database: list, add, remove, and each alert's history (docs/alerts.md). */
export function AlertsPanel() {
  const i18n = useI18n();
  const alerts = useApi<{ alerts: Alert[] }>("/alerts", {});
  const [open, setOpen] = useState<string | null>(null);
  const remove = async (id: string) => {
    if (!window.confirm(i18n.t("web.alerts.confirmDelete"))) return;
    await apiSend("DELETE", `/alerts/${encodeURIComponent(id)}`);
    alerts.reload();
  };
  return (
    <section class="alerts" aria-labelledby="alerts-title" data-testid="alerts-panel">
      <h2 id="alerts-title">{i18n.t("web.alerts.title")}</h2>
      <AlertForm onDone={alerts.reload} />
      <Async state={alerts} empty={(a) => a.alerts.length === 0} emptyText={i18n.t("web.alerts.none")}>
        {(a) => (
          <div class="cards">
            {a.alerts.map((alert) => (
              <article key={alert.id} class="card" aria-label={alert.name ?? alert.rule}>
                <h3 dir="ltr">{alert.name ?? alert.rule}</h3>
                <p class={`alert-state ${alert.state}`}>{i18n.tk(`web.alerts.state.${alert.state}`)}</p>
                <p dir="ltr">{[...alert.email, ...alert.webhooks].join(", ")}</p>
                <button type="button" onClick={() => setOpen(open === alert.id ? null : alert.id)}>
                  {i18n.t("web.alerts.history")}
                </button>{" "}
                <button type="button" onClick={() => remove(alert.id)}>
                  {i18n.t("web.alerts.delete")}
                </button>
                {open === alert.id && <AlertHistory id={alert.id} />}
              </article>
            ))}
          </div>
        )}
      </Async>
    </section>
  );
}
