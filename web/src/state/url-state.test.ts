import { describe, expect, it } from "vitest";
import { DEFAULT_STATE, formatState, parseState, type ViewState } from "./url-state.js";

function roundTrip(state: ViewState): ViewState {
  const url = new URL(formatState(state), "http://localhost");
  return parseState(url.pathname, url.search);
}

describe("url state", () => {
  it("the default state is the bare root", () => {
    expect(formatState(DEFAULT_STATE)).toBe("/");
    expect(parseState("/", "")).toEqual(DEFAULT_STATE);
  });

  it("round-trips every field", () => {
    const state: ViewState = {
      view: "revenue",
      lang: "fa",
      grain: "quarter",
      calendar: "persian",
      from: "1402-01",
      to: "1403-12",
      by: ["region", "segment"],
      compare: false,
      drill: { metric: "mrr_churned", period: "1403-02", segment: ["region=Europe", "segment=SMB"] },
      cohort: "revenue",
    };
    expect(roundTrip(state)).toEqual(state);
  });

  it("drops unknown views, grains, languages and malformed periods", () => {
    const state = parseState(
      "/nope",
      "?lang=xx&grain=hour&from=2024-01;drop&to=2024-12&by=region,1bad,region",
    );
    expect(state.view).toBe("overview");
    expect(state.lang).toBeUndefined();
    expect(state.grain).toBe("month");
    expect(state.from).toBeUndefined();
    expect(state.to).toBe("2024-12");
    expect(state.by).toEqual(["region"]);
  });

  it("ignores a drill-down without a valid period", () => {
    expect(parseState("/", "?drill=mrr&dp=bad").drill).toBeUndefined();
    expect(parseState("/", "?drill=mrr&dp=2024-03").drill).toEqual({
      metric: "mrr",
      period: "2024-03",
      segment: [],
    });
  });
});
