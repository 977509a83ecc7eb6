import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { stripDirectionMarks } from "./bidi-visual.js";
import { formatNumber } from "./format-number.js";
import { formatReport, type ReportView, toNdjsonLine } from "./format-report.js";

const periods = [
  { label: "2024-01", startMs: Date.UTC(2024, 0, 1), endMs: Date.UTC(2024, 1, 1) },
  { label: "2024-02", startMs: Date.UTC(2024, 1, 1), endMs: Date.UTC(2024, 2, 1) },
];

const report: ReportView = {
  periods,
  values: [
    // Deliberately out of period order: tables sort by period.
    {
      metric: "customer_churn_rate",
      period: "2024-02",
      segment: null,
      value: 0.125,
      numerator: 1,
      denominator: 8,
    },
    {
      metric: "customer_churn_rate",
      period: "2024-01",
      segment: null,
      value: null,
      numerator: 0,
      denominator: 0,
    },
    {
      metric: "revenue",
      period: "2024-01",
      segment: null,
      value: 12345.5,
      numerator: null,
      denominator: null,
    },
    {
      metric: "revenue",
      period: "2024-01",
      segment: { region: "North" },
      value: 12000,
      numerator: null,
      denominator: null,
    },
    {
      metric: "revenue",
      period: "2024-01",
      segment: { region: null },
      value: 345.5,
      numerator: null,
      denominator: null,
    },
  ],
  notAvailable: [{ metric: "mrr", missing: ["subscriptions"] }],
};

const units: Record<string, string> = { customer_churn_rate: "fraction", revenue: "money", mrr: "money" };
const unitOf = (id: string) => units[id] ?? "";

describe("ndjson", () => {
  it("writes exactly metric, period, segment, value, numerator, denominator in that order", () => {
    const { lines, notes } = formatReport(report, { format: "ndjson", lang: "en", unitOf });
    expect(lines).toHaveLength(report.values.length);
    for (const line of lines) {
      expect(Object.keys(JSON.parse(line))).toEqual([
        "metric",
        "period",
        "segment",
        "value",
        "numerator",
        "denominator",
      ]);
    }
    expect(lines[3]).toBe(
      '{"metric":"revenue","period":"2024-01","segment":{"region":"North"},"value":12000,"numerator":null,"denominator":null}',
    );
    // The not-available list never mixes into the machine output.
    expect(lines.some((l) => l.includes("mrr"))).toBe(false);
    expect(notes.join("\n")).toContain("mrr");
  });

  it("keeps the key order even when the input object has another order", () => {
    const shuffled = {
      denominator: 2,
      value: 0.5,
      segment: null,
      numerator: 1,
      period: "2024-01",
      metric: "x",
    };
    expect(toNdjsonLine(shuffled)).toBe(
      '{"metric":"x","period":"2024-01","segment":null,"value":0.5,"numerator":1,"denominator":2}',
    );
  });
});

describe("csv", () => {
  it("puts each segment key in its own column and leaves undefined values empty", () => {
    const { lines } = formatReport(report, { format: "csv", lang: "en", unitOf, by: ["region"] });
    expect(lines[0]).toBe("metric,period,total,region,value,numerator,denominator,partial");
    expect(lines[2]).toBe("customer_churn_rate,2024-01,true,,,0,0,false");
    expect(lines[4]).toBe("revenue,2024-01,false,North,12000,,,false");
    // The empty bucket: an empty key, but not the total.
    expect(lines[5]).toBe("revenue,2024-01,false,,345.5,,,false");
  });

  it("has no segment columns without a breakdown", () => {
    const totals = { ...report, values: report.values.filter((v) => v.segment === null) };
    const { lines } = formatReport(totals, { format: "csv", lang: "en", unitOf });
    expect(lines[0]).toBe("metric,period,value,numerator,denominator,partial");
  });
});

describe("json", () => {
  it("is one array of the ndjson records", () => {
    const json = formatReport(report, { format: "json", lang: "en", unitOf });
    const ndjson = formatReport(report, { format: "ndjson", lang: "en", unitOf });
    expect(JSON.parse(json.lines.join("\n"))).toEqual(ndjson.lines.map((l) => JSON.parse(l)));
    expect(json.notes.join("\n")).toContain("mrr");
  });
});

describe("table", () => {
  it("prints one table per metric, periods in order, undefined ratios as a dash (never 0)", () => {
    const text = formatReport(report, { format: "table", lang: "en", unitOf }).lines.join("\n");
    expect(text).toContain("Customer churn rate — customer_churn_rate (share)");
    const churnRows = text.split("\n").filter((l) => l.startsWith("2024-"));
    expect(churnRows[0]).toMatch(/^2024-01\s+—\s+0\s+0$/);
    expect(churnRows[1]).toMatch(/^2024-02\s+12\.5%\s+1\s+8$/);
    expect(text).toContain("12,345.50");
    expect(text).toContain("(all)");
    expect(text).toContain("(empty)");
  });

  it("lists not-available metrics under the tables with what they need", () => {
    const lines = formatReport(report, { format: "table", lang: "en", unitOf }).lines;
    const title = lines.indexOf("Not available (missing data):");
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 1]).toContain("Monthly recurring revenue (MRR) (mrr): needs subscriptions");
    expect(lines.filter((l) => /^mrr|\bmrr\b.*\b0\b/.test(l) && !l.includes("needs"))).toEqual([]);
  });

  it("uses Persian digits, Persian names and right alignment in fa", () => {
    const lines = formatReport(report, {
      format: "table",
      lang: "fa",
      unitOf,
      periodLabel: (p) => (p.label === "2024-01" ? "ژانویه ۲۰۲۴" : "فوریه ۲۰۲۴"),
    }).lines;
    const text = lines.join("\n");
    expect(text).toContain("نرخ ریزش مشتری");
    expect(text).toContain("۱۲٫۵٪");
    expect(text).toContain("۱۲٬۳۴۵٫۵۰");
    expect(text).not.toMatch(/[0-9]{2}/);
    // The churn table, in logical order: the period column first (a bidi terminal shows it
    // on the right), lines equally wide (right-aligned).
    const start = lines.findIndex((l) => l.includes("customer_churn_rate"));
    const table = lines.slice(start + 1, start + 5);
    expect(stripDirectionMarks(table[2] ?? "").startsWith("ژانویه ۲۰۲۴")).toBe(true);
    expect(stripDirectionMarks(table[3] ?? "").startsWith("فوریه ۲۰۲۴")).toBe(true);
    expect(new Set(table.map((l) => stringWidth(l))).size).toBe(1);
  });

  it("uses Arabic-Indic digits in ar and keeps ASCII digits in zh", () => {
    const ar = formatReport(report, { format: "table", lang: "ar", unitOf }).lines.join("\n");
    expect(ar).toContain("١٢٬٣٤٥٫٥٠");
    expect(ar).toContain("معدل تراجع العملاء");
    const zh = formatReport(report, { format: "md", lang: "zh", unitOf }).lines.join("\n");
    expect(zh).toContain("客户流失率");
    expect(zh).toContain("| 2024-02 | 12.5% | 1 | 8 |");
  });

  it("says so when there is nothing to show", () => {
    const empty = formatReport(
      { periods: [], values: [], notAvailable: [] },
      { format: "table", lang: "en", unitOf },
    );
    expect(empty.lines).toEqual(["No values for this range."]);
  });
});

describe("formatNumber", () => {
  it("localizes separators and digits and never prints null as 0", () => {
    expect(formatNumber(-1234.567, "fa")).toBe("−۱٬۲۳۴٫۵۷");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(null, "ar")).toBe("—");
  });
});
