import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { listMetrics } from "../core/metrics/registry.js";
import { datasetSettingsSchema } from "../core/model/settings.js";
import { CATALOGS, LANGS } from "../messages/index.js";
import type { QualityReport } from "../quality/run-quality.js";
import { formatMetricValue, formatMoney } from "./format-number.js";
import { formatQualityReport, impactPeriodLabeler } from "./format-quality.js";
import { localizeCommanderError } from "./localize-commander-error.js";
import { localizeDetail } from "./localize-detail.js";
import { runCli } from "./run-cli.js";
import { captureIo } from "./test-io.js";

describe("money with its currency", () => {
  it("puts the sign before the number in en and zh, after it in fa and ar, in local digits", () => {
    expect(formatMoney(1234.5, "en", "USD")).toBe("$1,234.50");
    expect(formatMoney(-3, "en", "EUR")).toBe("−€3.00");
    expect(formatMoney(1234.5, "fa", "USD")).toBe("۱٬۲۳۴٫۵۰ $");
    expect(formatMoney(1234.5, "ar", "EUR")).toBe("١٬٢٣٤٫٥٠ €");
    expect(formatMetricValue(7, "money", "zh", "CNY")).toBe("¥7.00");
    // Without a currency (a unit-less context), money stays a plain number.
    expect(formatMetricValue(7, "money", "en")).toBe("7.00");
  });
});

describe("explain details", () => {
  it("retells the definitions' English sentences in the reader's language and digits", () => {
    expect(localizeDetail("MRR at start 29.0, at end 31.9", "fa")).toBe("MRR در آغاز ۲۹، در پایان ۳۱٫۹");
    expect(localizeDetail("won, created 2025-01-05 06:46:22, closed 2025-02-13 07:36:07", "ar")).toBe(
      "مربوحة، أُنشئت ٢٠٢٥-٠١-٠٥ ٠٦:٤٦:٢٢، أُغلقت ٢٠٢٥-٠٢-١٣ ٠٧:٣٦:٠٧",
    );
    expect(localizeDetail("active at start", "zh")).toBe("期初活跃");
    // An unknown sentence is shown as it is rather than guessed at.
    expect(localizeDetail("something new", "fa")).toBe("something new");
  });
});

describe("the help frame and parse errors", () => {
  it("localizes commander's headings, placeholders and notes", async () => {
    const io = captureIo();
    await runCli(["report", "--help", "--lang", "fa"], io);
    const help = io.out();
    expect(help).toContain("کاربرد:");
    expect(help).toContain("گزینه‌ها:");
    expect(help).toContain("--db <مسیر>");
    expect(help).toContain("پیش‌فرض: month");
    expect(help).not.toMatch(/Usage:|Options:|\[options\]|default:|choices:/);
    const en = captureIo();
    await runCli(["report", "--help"], en);
    expect(en.out()).toContain("Usage: crm-kpi report [options]");
    expect(en.out()).toContain("--db <path>");
  });

  it("says commander's parse errors in the user's language", async () => {
    const error = new CommanderError(1, "commander.unknownOption", "error: unknown option '--nope'");
    expect(localizeCommanderError(error, "fa")).toBe("گزینهٔ ناشناخته --nope");
    const io = captureIo();
    expect(await runCli(["report", "--period", "fortnight", "--lang", "zh"], io)).not.toBe(0);
    expect(io.err()).toContain("fortnight 不是 --period 的允许值");
  });
});

describe("translated formulas", () => {
  it("every registered metric has a cli.formula.<id> entry in every language", () => {
    const missing = LANGS.flatMap((lang) =>
      listMetrics()
        .filter((m) => CATALOGS[lang][`cli.formula.${m.id}`] === undefined)
        .map((m) => `${lang}: ${m.id}`),
    );
    expect(missing).toEqual([]);
  });

  it("the English entry of each translated formula is the metric definition's own formula", () => {
    const keys = Object.keys(CATALOGS.en).filter((k) => k.startsWith("cli.formula."));
    expect(keys.length).toBeGreaterThan(0);
    const formulas = new Map(listMetrics().map((m) => [m.id, m.formula]));
    for (const key of keys) {
      expect(CATALOGS.en[key], key).toBe(formulas.get(key.slice("cli.formula.".length)));
    }
  });
});

describe("quality in the reader's language and digits", () => {
  const report = {
    score: 87.5,
    clusters: [],
    components: {} as QualityReport["components"],
    findings: [
      {
        kind: "duplicate_rate",
        affects: [],
        value: 0.012,
        duplicate_records: 23,
        clusters: 23,
        customers: 2000,
        impact: [
          {
            metric: "new_customers",
            periods: 12,
            period: "2025-01",
            with_duplicates: 69,
            merged: 68,
            difference: -1,
            mean_abs_difference: 0.08,
          },
        ],
      },
      {
        kind: "duplicate_customers",
        affects: ["new_customers"],
        cluster_id: "dup-C1",
        customer_ids: ["C1", "C2"],
        score: 1,
        reason: "same email (normalized: a@b.ir); similar name + company (مهدی / نیکان; 0.95)",
      },
      {
        kind: "completeness",
        affects: [],
        entity: "customers",
        column: "email",
        value: 0.9,
        filled: 1845,
        rows: 2000,
      },
      { kind: "freshness", affects: [], entity: "orders", latest: "2025-12-30", age_days: 3.5, stale: true },
    ],
  } as unknown as QualityReport;

  it("writes the score, counts, months and details in Persian", () => {
    const periodLabel = impactPeriodLabeler(datasetSettingsSchema.parse({}), "fa");
    const text = formatQualityReport(report, "table", "fa", periodLabel).join("\n");
    expect(text).toContain("۸۷٫۵/۱۰۰");
    expect(text).toContain("در ژانویه ۲۰۲۵");
    expect(text).toContain("۱٬۸۴۵ از ۲٬۰۰۰");
    expect(text).toContain("ایمیل یکسان (a@b.ir)؛ نام و شرکت مشابه (مهدی / نیکان؛ شباهت ۰٫۹۵)");
    expect(text).toContain("۳٫۵ روز");
    expect(text).toContain("(کهنه)");
    expect(text).toContain("سفارش‌ها");
    // Ids (C1, dup-C1) are data; every other digit is Persian.
    expect(text.replace(/\S*[A-Za-z]\S*\d\S*/g, "")).not.toMatch(/[0-9]/);
  });
});
