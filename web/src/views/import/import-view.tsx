import { useEffect, useRef, useState } from "preact/hooks";
import { storedToken } from "../../api/auth-token.js";
import { apiGet, apiSend, apiUrl } from "../../api/client.js";
import type { ImportJob, ImportPreview, Row, RowError } from "../../api/types.js";
import { type Column, columnsOf, DataTable } from "../../components/data-table.js";
import { ErrorState, Loading } from "../../components/states.js";
import { columnLabel } from "../../i18n/column-labels.js";
import { type I18n, useI18n } from "../../i18n/i18n.js";

function rowErrorColumns(i18n: I18n): Column<RowError>[] {
  return [
    { key: "file", label: columnLabel(i18n, "file"), value: (r) => r.file },
    { key: "line", label: columnLabel(i18n, "line"), value: (r) => r.line, numeric: true },
    { key: "column", label: columnLabel(i18n, "column"), value: (r) => r.column },
    { key: "value", label: columnLabel(i18n, "value"), value: (r) => r.value },
    { key: "message", label: columnLabel(i18n, "detail"), value: (r) => r.message, wrap: true },
    { key: "reason", label: columnLabel(i18n, "reason"), value: (r) => r.reason, wrap: true },
  ];
}

/** Share of the bytes read, when the job reports it; null while unknown. */
function progressShare(job: ImportJob): number | null {
  if (job.state === "succeeded") return 1;
  const p = job.progress;
  return p?.bytes !== undefined && p.bytesTotal ? Math.min(1, p.bytes / p.bytesTotal) : null;
}

export function ImportView() {
  const i18n = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const formData = () => {
    const data = new FormData();
    const el = form.current;
    if (el === null) return data;
    for (const file of el.querySelector<HTMLInputElement>("input[name=files]")?.files ?? [])
      data.append("files", file);
    const mapping = el.querySelector<HTMLInputElement>("input[name=mapping]")?.files?.[0];
    if (mapping) data.append("mapping", mapping);
    if (skipInvalid) data.append("skipInvalid", "true");
    return data;
  };

  const runPreview = async () => {
    setBusy(true);
    setError(null);
    setJob(null);
    try {
      setPreview(await apiSend<ImportPreview>("POST", "/imports/preview", formData()));
    } catch (e) {
      setError(e as Error);
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setJob((await apiSend<{ job: ImportJob }>("POST", "/imports", formData())).job);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  // Progress from Server-Sent Events: `state` and `progress` events, then one `done` with the final job.
  const jobId = job?.id;
  // EventSource cannot send the Authorization header: with a token, poll the job instead.
  useEffect(() => {
    if (jobId === undefined || storedToken() === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = (
          await apiGet<{ job: ImportJob }>(`/imports/${encodeURIComponent(jobId)}`, {}, controller.signal)
        ).job;
        setJob(next);
        if (next.state === "succeeded" || next.state === "failed") setBusy(false);
        else timer = setTimeout(poll, 500);
      } catch (e) {
        if (controller.signal.aborted) return;
        setError(e as Error);
        setBusy(false);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId]);
  useEffect(() => {
    if (jobId === undefined || storedToken() !== null) return;
    const source = new EventSource(apiUrl(`/imports/${encodeURIComponent(jobId)}/events`));
    const update = (message: MessageEvent<string>) => {
      try {
        setJob(JSON.parse(message.data) as ImportJob);
      } catch {
        // Not a job snapshot (a keep-alive comment): ignore.
      }
    };
    source.addEventListener("state", update);
    source.addEventListener("progress", update);
    source.addEventListener("done", (message) => {
      update(message);
      source.close();
      setBusy(false);
    });
    source.onerror = () => {
      source.close();
      setBusy(false);
    };
    return () => source.close();
  }, [jobId]);

  const invalid = preview !== null && preview.errorCount > 0 && !skipInvalid;
  const share = job ? progressShare(job) : null;
  return (
    <section data-testid="view-import" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.import")}</h2>
      <form ref={form} class="goal-form panel" onSubmit={start}>
        <label>
          {i18n.t("web.import.files")}
          <input
            type="file"
            name="files"
            multiple
            accept=".csv,.zip,.json,.ndjson"
            onChange={() => setPreview(null)}
          />
        </label>
        <label>
          {i18n.t("web.import.mapping")}
          <input type="file" name="mapping" accept=".yaml,.yml,.json" onChange={() => setPreview(null)} />
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={skipInvalid}
            onChange={(e) => setSkipInvalid(e.currentTarget.checked)}
          />
          {i18n.t("web.import.skipInvalid")}
        </label>
        <div>
          <button type="button" onClick={runPreview} disabled={busy}>
            {i18n.t("web.import.preview")}
          </button>{" "}
          {/* Nothing is applied until the preview is valid (or invalid rows are explicitly skipped). */}
          <button type="submit" class="primary" disabled={busy || preview === null || invalid}>
            {i18n.t("web.import.start")}
          </button>
        </div>
      </form>
      {busy && <Loading />}
      {error && <ErrorState error={error} />}
      {invalid && (
        <p role="alert" class="state error">
          {i18n.t("web.import.invalid")}
        </p>
      )}
      {job && (
        <section class="panel" aria-label={i18n.t("web.import.progress")}>
          <h3 id="import-progress">{i18n.t("web.import.progress")}</h3>
          {share === null ? (
            <progress aria-labelledby="import-progress" />
          ) : (
            <progress aria-labelledby="import-progress" max={1} value={share} />
          )}
          {job.progress && (
            <p class="muted">
              {job.progress.file} · {i18n.value(job.progress.rows, "count")}
            </p>
          )}
          {job.state === "succeeded" && <p role="status">{i18n.t("web.import.done")}</p>}
          {job.state === "failed" && (
            <p role="alert" class="state error">
              {i18n.t("web.import.failed")} {job.error?.message ?? ""}
            </p>
          )}
          {job.result && (
            <DataTable
              caption={i18n.t("web.import.done")}
              columns={columnsOf([job.result.rowsByEntity as Row], i18n)}
              rows={[job.result.rowsByEntity as Row]}
              fileName="import-result"
            />
          )}
          {job.errors.length > 0 && (
            <DataTable
              caption={i18n.t("web.import.rowErrors")}
              columns={rowErrorColumns(i18n)}
              rows={job.errors}
              fileName="import-row-errors"
            />
          )}
        </section>
      )}
      {preview && !job && (
        <>
          {preview.errors.length > 0 && (
            <DataTable
              caption={i18n.t("web.import.rowErrors")}
              columns={rowErrorColumns(i18n)}
              rows={preview.errors}
              fileName="import-row-errors"
            />
          )}
          {preview.samples.map((sample) => (
            <DataTable
              key={`${sample.entity}-${sample.file}`}
              caption={`${i18n.t("web.import.previewRows")} · ${sample.entity} (${sample.file})`}
              columns={columnsOf(sample.rows, i18n)}
              rows={sample.rows}
              fileName={`preview-${sample.entity}`}
            />
          ))}
        </>
      )}
    </section>
  );
}
