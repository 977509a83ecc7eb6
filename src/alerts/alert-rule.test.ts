import { describe, expect, it } from "vitest";
import { CrmKpiError } from "../core/errors.js";
import { defineAlert } from "./alert.js";
import { parseAmount, parseRule, ruleText } from "./alert-rule.js";

describe("alert rules", () => {
  it("reads thresholds, changes and goal rules, with defaults", () => {
    expect(parseRule("customer_churn_rate above 3%")).toEqual({
      kind: "threshold",
      metric: "customer_churn_rate",
      op: "above",
      value: 0.03,
      grain: "month",
      segment: null,
    });
    expect(parseRule("nps down 10 per quarter where region=North,segment=smb")).toEqual({
      kind: "change",
      metric: "nps",
      direction: "down",
      amount: 10,
      relative: false,
      grain: "quarter",
      segment: { region: "North", segment: "smb" },
    });
    expect(parseRule("revenue down 20% relative")).toMatchObject({
      kind: "change",
      amount: 0.2,
      relative: true,
    });
    expect(parseRule("goal g1 at risk")).toEqual({ kind: "goal_at_risk", goal: "g1" });
    expect(parseRule("goal g2 at-risk")).toEqual({ kind: "goal_at_risk", goal: "g2" });
  });

  it("reads Persian and Arabic-Indic digits", () => {
    expect(parseAmount("۳٫۵٪")).toBeCloseTo(0.035, 12);
    expect(parseAmount("٣")).toBe(3);
    expect(parseAmount("abc")).toBeUndefined();
  });

  it("writes a canonical text that reads back to the same condition", () => {
    for (const text of [
      "customer_churn_rate above 3%",
      "nps down 10 per quarter where region=North",
      "revenue down 20% relative per week",
      "mrr below 1000.5",
      "goal g7 at risk",
    ]) {
      const condition = parseRule(text);
      expect(parseRule(ruleText(condition))).toEqual(condition);
    }
    expect(ruleText(parseRule("customer_churn_rate above 3%"))).toBe(
      "customer_churn_rate above 3% per month",
    );
  });

  it("refuses what it cannot read, naming the value", () => {
    const codeOf = (text: string) => {
      try {
        parseRule(text);
        return "none";
      } catch (error) {
        return error instanceof CrmKpiError
          ? `${error.code}:${error.place?.value ?? error.params.metric}`
          : "other";
      }
    };
    expect(codeOf("churn_typo above 3")).toBe("unknown_metric:churn_typo");
    expect(codeOf("nps sideways 3")).toBe("alert_invalid:nps sideways 3");
    expect(codeOf("nps above lots")).toBe("alert_invalid:nps above lots");
    expect(codeOf("nps above 3 per fortnight")).toBe("alert_invalid:nps above 3 per fortnight");
    expect(codeOf("nps above 3 relative")).toBe("alert_invalid:nps above 3 relative");
    expect(codeOf("nps down 0")).toBe("alert_invalid:nps down 0");
    expect(codeOf("goal g1 is fine")).toBe("alert_invalid:goal g1 is fine");
    expect(codeOf("")).toBe("alert_invalid:");
  });

  it("checks recipients: an address or a URL is required, and each must be valid", () => {
    const define = (input: Parameters<typeof defineAlert>[0]) => defineAlert(input, "a1", "gregorian");
    expect(define({ rule: "nps below 0", email: ["ops@example.com", "ops@example.com"] }).email).toEqual([
      "ops@example.com",
    ]);
    expect(
      define({ rule: "nps below 0", webhooks: ["https://hooks.example.com/x"], calendar: "jalali" }).calendar,
    ).toBe("persian");
    const fieldOf = (input: Parameters<typeof defineAlert>[0]) => {
      try {
        define(input);
        return "none";
      } catch (error) {
        return error instanceof CrmKpiError
          ? `${error.params.messageKey}:${error.params.value ?? ""}`
          : "other";
      }
    };
    expect(fieldOf({ rule: "nps below 0" })).toBe("alerts.error.noChannel:");
    expect(fieldOf({ rule: "nps below 0", email: ["not-an-address"] })).toBe(
      "alerts.error.email:not-an-address",
    );
    expect(fieldOf({ rule: "nps below 0", webhooks: ["ftp://example.com/x"] })).toBe(
      "alerts.error.webhook:ftp://example.com/x",
    );
    expect(fieldOf({ rule: "nps below 0", email: ["a@example.com"], lang: "de" })).toBe(
      "alerts.error.lang:de",
    );
  });
});
