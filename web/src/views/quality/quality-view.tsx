import { useState } from "preact/hooks";
import { apiSend } from "../../api/client.js";
import type { Row } from "../../api/types.js";
import { useApi } from "../../api/use-api.js";
import { type Column, columnsOf, DataTable } from "../../components/data-table.js";
import { Async, ErrorState } from "../../components/states.js";
import { columnLabel } from "../../i18n/column-labels.js";
import { isolate } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { type PairEvidence, PairEvidenceTable, signedWeight } from "./duplicate-evidence.js";

interface QualityResponse {
  readonly findings: readonly Row[];
  readonly score: number | null;
  readonly components: Readonly<Record<string, number>> | null;
}

interface Identity {
  readonly customer_id: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly company: string | null;
  readonly country: string | null;
  readonly created_at: string | null;
}

interface Cluster {
  readonly cluster_id: string;
  readonly score: number;
  readonly reason: string;
  /** The weakest link's match weight (log2 odds). */
  readonly weight: number;
  readonly band: "match" | "review";
  readonly pairs: readonly PairEvidence[];
  readonly customers: readonly Identity[];
}

const IDENTITY_FIELDS = [
  "customer_id",
  "name",
  "email",
  "phone",
  "company",
  "country",
  "created_at",
] as const;

const SHOWN = new Set(["kind", "entity", "column", "value", "affects", "impact", "components"]);

/** The other fields of a finding, as `key value` pairs (counts, rule, examples). */
function findingDetail(row: Row): string {
  return Object.entries(row)
    .filter(([key, v]) => !SHOWN.has(key) && v !== null && v !== undefined)
    .map(([key, v]) => `${key} ${Array.isArray(v) ? v.slice(0, 3).join(", ") : String(v)}`)
    .join("; ");
}

function Findings({ quality, onRun }: { readonly quality: QualityResponse; readonly onRun: () => void }) {
  const i18n = useI18n();
  const findings = quality.findings.filter(
    (f) => f.kind !== "data_health_score" && f.kind !== "duplicate_customers",
  );
  const columns: Column<Row>[] = [
    {
      key: "kind",
      label: i18n.tk("quality.column.kind"),
      value: (r) => i18n.tk(`quality.kind.${String(r.kind)}`),
    },
    {
      key: "where",
      label: i18n.tk("quality.column.where"),
      value: (r) => [r.entity, r.column].filter((v) => typeof v === "string").join("."),
    },
    {
      key: "value",
      label: i18n.tk("quality.column.value"),
      value: (r) => (typeof r.value === "number" ? r.value : null),
      numeric: true,
      render: (r) =>
        typeof r.value === "number"
          ? i18n.value(
              r.value,
              r.kind === "validity" || r.kind === "completeness" || r.kind === "duplicate_rate"
                ? "fraction"
                : undefined,
            )
          : "—",
    },
    { key: "detail", label: i18n.tk("quality.column.detail"), value: findingDetail, wrap: true },
    {
      key: "affects",
      label: i18n.t("web.quality.distorts"),
      wrap: true,
      value: (r) => (Array.isArray(r.affects) ? (r.affects as string[]).join(", ") : ""),
      render: (r) =>
        Array.isArray(r.affects)
          ? (r.affects as string[]).map((m) => i18n.metric(m)).join(i18n.rtl ? "، " : ", ")
          : "",
    },
  ];
  return (
    <>
      <section class="panel" aria-label={i18n.t("web.quality.health")}>
        <h3>{i18n.t("web.quality.health")}</h3>
        <p class="big" data-testid="health-score" data-value={quality.score ?? ""}>
          {i18n.value(quality.score, "score")}
        </p>
        <button type="button" onClick={onRun}>
          {i18n.t("web.quality.run")}
        </button>
      </section>
      <DataTable
        caption={i18n.t("web.quality.findings")}
        columns={columns}
        rows={findings}
        fileName="quality-findings"
      />
    </>
  );
}

// Cards shown per band: the sure matches first, then those that need a person's eye.
const CARDS_PER_BAND = 30;

function shownClusters(clusters: readonly Cluster[]): Cluster[] {
  const match = clusters.filter((c) => c.band !== "review").slice(0, CARDS_PER_BAND);
  return [...match, ...clusters.filter((c) => c.band === "review").slice(0, CARDS_PER_BAND)];
}

function Duplicates() {
  const i18n = useI18n();
  const candidates = useApi<{ clusters: Cluster[] }>("/dedupe/candidates", {});
  const merges = useApi<{ merges: Row[] }>("/dedupe/merges", {});
  const [error, setError] = useState<Error | null>(null);
  const act = async (path: string, body: unknown) => {
    try {
      await apiSend("POST", path, body);
      setError(null);
    } catch (e) {
      setError(e as Error);
    }
    candidates.reload();
    merges.reload();
  };
  const lastMerge = merges.data?.merges[merges.data.merges.length - 1];
  return (
    <section class="panel">
      <h3>{i18n.t("web.quality.duplicates")}</h3>
      {error && <ErrorState error={error} />}
      <button
        type="button"
        disabled={lastMerge === undefined}
        onClick={() => lastMerge && act("/dedupe/undo", { merges: [String(lastMerge.merge_id)] })}
      >
        {i18n.t("web.quality.undo")}
      </button>
      <Async state={candidates} empty={(c) => c.clusters.length === 0}>
        {(c) => (
          <div class="cards duplicates">
            {shownClusters(c.clusters).map((cluster) => (
              <article
                key={cluster.cluster_id}
                class={`card duplicate ${cluster.band}`}
                aria-label={cluster.cluster_id}
                data-testid="duplicate-cluster"
                data-band={cluster.band}
              >
                <h4>
                  {isolate(cluster.cluster_id)}{" "}
                  <span class={`badge ${cluster.band}`} data-testid={`band-${cluster.band}`}>
                    {i18n.t(cluster.band === "review" ? "web.quality.band.review" : "web.quality.band.match")}
                  </span>
                </h4>
                <p data-testid="cluster-weight" data-weight={cluster.weight}>
                  {i18n.t("web.quality.weight", { weight: signedWeight(i18n, cluster.weight) })} ·{" "}
                  {i18n.t("web.quality.score", { score: i18n.value(cluster.score, "score") })}
                </p>
                {cluster.band === "review" && <p class="muted">{i18n.t("web.quality.reviewNote")}</p>}
                <div>
                  <table class="identity">
                    <caption>{i18n.t("web.quality.duplicates")}</caption>
                    <tbody>
                      {IDENTITY_FIELDS.map((field) => (
                        <tr key={field}>
                          <th scope="row">{columnLabel(i18n, field)}</th>
                          {cluster.customers.map((customer) => (
                            <td key={customer.customer_id}>{isolate(customer[field] ?? "—")}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {cluster.pairs.map((pair) => (
                  <PairEvidenceTable key={`${pair.a}|${pair.b}`} pair={pair} />
                ))}
                <button
                  type="button"
                  class="primary"
                  onClick={() => act("/dedupe/merge", { clusters: [cluster.cluster_id] })}
                >
                  {i18n.t("web.quality.merge")}
                </button>
              </article>
            ))}
          </div>
        )}
      </Async>
      <Async state={merges} empty={(m) => m.merges.length === 0}>
        {(m) => (
          <DataTable
            caption={i18n.t("web.quality.merges")}
            columns={columnsOf(m.merges, i18n)}
            rows={m.merges}
            fileName="merges"
          />
        )}
      </Async>
    </section>
  );
}

export function QualityView() {
  const i18n = useI18n();
  const quality = useApi<QualityResponse>("/quality", {});
  const [error, setError] = useState<Error | null>(null);
  const run = async () => {
    try {
      await apiSend("POST", "/quality/run", {});
      quality.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <section data-testid="view-quality" aria-labelledby="view-title">
      <h2 id="view-title">{i18n.t("web.view.quality")}</h2>
      {error && <ErrorState error={error} />}
      <Async state={quality}>{(q) => <Findings quality={q} onRun={run} />}</Async>
      <Duplicates />
    </section>
  );
}
