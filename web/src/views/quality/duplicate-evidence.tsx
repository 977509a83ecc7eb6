/** The evidence of one duplicate pair: per field both values side by side, the comparison level and its weight. */
import "./duplicates.css";

// The API sends the linkage model's own evidence types (src/quality/linkage/types.ts).
import type { PairEvidence } from "../../../../src/quality/linkage/types.js";
import { isolate } from "../../i18n/format.js";
import { type I18n, useI18n } from "../../i18n/i18n.js";

export type { PairEvidence };

const signed = new Map<string, Intl.NumberFormat>();

/** A weight with its sign and two decimals in the page's digits: `+4.33`, `−0.85`, `0.00`. */
export function signedWeight(i18n: I18n, weight: number): string {
  let f = signed.get(i18n.locale.intl);
  if (f === undefined) {
    f = new Intl.NumberFormat(i18n.locale.intl, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: "exceptZero",
    });
    signed.set(i18n.locale.intl, f);
  }
  return f.format(weight);
}

// A field's weight is drawn against this many bits; stronger evidence fills the bar.
const FULL_BAR = 16;

function WeightCell({ weight }: { readonly weight: number }) {
  const i18n = useI18n();
  const share = Math.min(1, Math.abs(weight) / FULL_BAR);
  const sign = weight > 0 ? "for" : weight < 0 ? "against" : "none";
  return (
    <td class="num evidence-weight" data-weight={weight}>
      <span class={`weight-bar ${sign}`} aria-hidden="true">
        <span style={{ inlineSize: `${(share * 100).toFixed(1)}%` }} />
      </span>
      <bdi>{signedWeight(i18n, weight)}</bdi>
    </td>
  );
}

export function PairEvidenceTable({ pair }: { readonly pair: PairEvidence }) {
  const i18n = useI18n();
  return (
    <table class="evidence" data-testid="pair-evidence" data-weight={pair.weight}>
      <caption>
        {i18n.t("web.quality.pair", {
          a: isolate(pair.a),
          b: isolate(pair.b),
          probability: i18n.value(pair.probability, "fraction"),
        })}{" "}
        · {i18n.t("web.quality.weight", { weight: signedWeight(i18n, pair.weight) })}
      </caption>
      <thead>
        <tr>
          <th scope="col">{i18n.t("web.quality.column.field")}</th>
          <th scope="col">
            <bdi>{pair.a}</bdi>
          </th>
          <th scope="col">
            <bdi>{pair.b}</bdi>
          </th>
          <th scope="col">{i18n.t("web.quality.column.level")}</th>
          <th scope="col" class="num">
            {i18n.t("web.quality.column.weight")}
          </th>
        </tr>
      </thead>
      <tbody>
        {pair.fields.map((f) => (
          <tr key={f.field} data-testid="evidence-row" data-field={f.field} data-level={f.level}>
            <th scope="row">{i18n.tk(`linkage.display.field.${f.field}`)}</th>
            <td>
              <bdi>{f.a ?? "—"}</bdi>
            </td>
            <td>
              <bdi>{f.b ?? "—"}</bdi>
            </td>
            <td class={`level ${f.level}`}>{i18n.tk(`linkage.display.level.${f.level}`)}</td>
            <WeightCell weight={f.weight} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
