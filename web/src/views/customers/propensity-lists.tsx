import { useApi } from "../../api/use-api.js";
import { columnsOf, DataTable } from "../../components/data-table.js";
import { Empty, Loading } from "../../components/states.js";
import { useI18n } from "../../i18n/i18n.js";
import { type PropensityBody, propensityRows, SHOWN } from "./propensity-data.js";

/**
 * "Likely to upgrade" or "At risk": the highest upsell or churn scores as of
 * the data's last day. A dataset with nothing to learn from (the API's 422)
 * shows the reason as an empty state rather than an error.
 */
export function PropensityList({ target }: { readonly target: "upsell" | "churn" }) {
  const i18n = useI18n();
  const state = useApi<PropensityBody>(`/predict/${target}`, { top: SHOWN });
  const title = i18n.t(target === "upsell" ? "propensity.web.upsell" : "propensity.web.churn");
  if (state.error) {
    return (
      <section class="panel" data-testid={`propensity-${target}`}>
        <h3>{title}</h3>
        <Empty text={state.error.message} />
      </section>
    );
  }
  if (!state.data) return state.loading ? <Loading /> : <Empty />;
  const body = state.data;
  const rows = propensityRows(body, i18n);
  return (
    <section class="panel" data-testid={`propensity-${target}`}>
      {body.backtest && (
        <p class="muted">
          {i18n.t("propensity.web.backtest", {
            auc: i18n.value(body.backtest.auc),
            lift: `${i18n.value(body.backtest.lift_top_decile)}×`,
            asOf: body.as_of,
          })}
        </p>
      )}
      {rows.length === 0 ? (
        <Empty />
      ) : (
        <DataTable
          caption={title}
          columns={columnsOf(rows, i18n)}
          rows={rows}
          fileName={`propensity-${target}`}
        />
      )}
    </section>
  );
}
