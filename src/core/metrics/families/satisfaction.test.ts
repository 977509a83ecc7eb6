import { describe, expect, it } from "vitest";
import { type TinyRow, tinyDataset } from "../../../../test/support/tiny-dataset.js";
import { explainMetric } from "../../../report/explain.js";
import { runReport } from "../../../report/run-report.js";
import { CrmKpiError } from "../../errors.js";

type Engine = Awaited<ReturnType<typeof tinyDataset>>;
type Segment = Record<string, string | null> | null;

async function report(
  engine: Engine,
  metrics: string[],
  options: { from?: string; by?: string[]; params?: Record<string, string> } = {},
) {
  const result = await runReport(engine, {
    metrics,
    grain: "month",
    from: options.from ?? "2024-03",
    to: "2024-03",
    by: options.by ?? [],
    params: options.params ?? {},
  });
  const get = (id: string, segment: Segment = null, period = "2024-03") =>
    result.values.find(
      (v) => v.metric === id && v.period === period && JSON.stringify(v.segment) === JSON.stringify(segment),
    );
  return { get, values: result.values };
}

let seq = 0;
/** One survey row; `score` null = sent, never answered. */
function survey(
  kind: "nps" | "ces" | "csat",
  score: number | null,
  extra: Partial<Record<string, string | number | null>> = {},
): TinyRow {
  seq += 1;
  return {
    response_id: `r${seq}`,
    survey: kind,
    customer_id: "c1",
    channel: "email",
    sent_at: "2024-03-05 10:00:00",
    responded_at: score === null ? null : "2024-03-06 10:00:00",
    score,
    ...extra,
  };
}

const CUSTOMERS: TinyRow[] = [
  { customer_id: "c1", created_at: "2024-01-01", region: "North" },
  { customer_id: "c2", created_at: "2024-01-01", region: "South" },
];

describe("§5 nps and survey_response_rate", () => {
  it("seed 002: 1,000 sent, 800 answered on 1..10 (600 gave 9–10, 50 gave 7–8, 150 gave 1–6)", async () => {
    const scores = [
      ...Array.from({ length: 600 }, (_, i) => 9 + (i % 2)),
      ...Array.from({ length: 50 }, (_, i) => 7 + (i % 2)),
      ...Array.from({ length: 150 }, (_, i) => 1 + (i % 6)),
      ...Array.from({ length: 200 }, () => null),
    ];
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: scores.map((s) => survey("nps", s, { scale_min: 1, scale_max: 10 })),
    });
    const { get } = await report(engine, ["nps", "survey_response_rate"]);
    expect(get("nps")).toMatchObject({ numerator: 450, denominator: 800, value: 56.25 });
    expect(get("survey_response_rate", { survey: "nps" })).toMatchObject({
      numerator: 800,
      denominator: 1000,
      value: 0.8,
    });

    // The drill-down shows each promoter (+1) and detractor (−1); the rest of the responses are passives.
    const explained = await explainMetric(engine, { metric: "nps", period: "2024-03", limit: 2000 });
    const numerator = explained.rows.filter((r) => r.part === "numerator");
    const responses = explained.rows.filter((r) => r.part === "denominator").length;
    const promoters = numerator.filter((r) => r.amount === 1).length;
    const detractors = numerator.filter((r) => r.amount === -1).length;
    expect(explained.value.value).toBe(56.25);
    expect(responses).toBe(800);
    expect(promoters / responses).toBe(0.75);
    expect(detractors / responses).toBe(0.1875);
    expect((responses - promoters - detractors) / responses).toBe(0.0625);
    expect(numerator.every((r) => r.entity === "survey_responses" && r.detail?.startsWith("score "))).toBe(
      true,
    );
  });

  it("maps 1..5 and rescales other scales (half up); counts only scored rows answered in P", async () => {
    const on5 = { scale_min: 1, scale_max: 5 };
    const on100 = { scale_min: 0, scale_max: 100 };
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [
        // 1..5: 4–5 promote, 3 passive, 1–2 detract
        ...[5, 4, 3, 2, 1].map((s) => survey("nps", s, on5)),
        // 0..100: r = floor((20·s + 100) / 200): 85 → 9, 84 → 8, 65 → 7, 64 → 6
        ...[95, 85, 84, 65, 64].map((s) => survey("nps", s, on100)),
        // default scale 0..10
        survey("nps", 10),
        survey("nps", 0),
        survey("nps", 10, { responded_at: "2024-02-28 23:59:59" }),
        survey("nps", null),
      ],
    });
    const { get } = await report(engine, ["nps"], { from: "2024-01" });
    // promoters 5, 4, 95, 85, 10; detractors 2, 1, 64, 0; passives 3, 84, 65
    expect(get("nps")).toMatchObject({ numerator: 1, denominator: 12 });
    expect(get("nps")?.value).toBeCloseTo(100 / 12, 12);
    expect(get("nps", null, "2024-02")).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(get("nps", null, "2024-01")).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it("breaks nps down by a customer dimension", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [survey("nps", 10), survey("nps", 3, { customer_id: "c2" }), survey("nps", 9)],
    });
    const { get } = await report(engine, ["nps"], { by: ["region"] });
    expect(get("nps", { region: "North" })).toMatchObject({ numerator: 2, denominator: 2, value: 100 });
    expect(get("nps", { region: "South" })).toMatchObject({ numerator: -1, denominator: 1, value: -100 });
    expect(get("nps")).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it("response rate: per kind only, over rows sent in P whenever answered; 0 sent → null", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [
        survey("csat", 4, { responded_at: "2024-04-20 08:00:00" }),
        survey("csat", null),
        survey("csat", 5, { sent_at: "2024-02-27 10:00:00" }),
        survey("ces", 2, { sent_at: "2024-02-27 10:00:00" }),
      ],
    });
    const { get, values } = await report(engine, ["survey_response_rate"], { from: "2024-02" });
    expect(values.some((v) => v.segment === null)).toBe(false);
    expect(get("survey_response_rate", { survey: "csat" })).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
    });
    expect(get("survey_response_rate", { survey: "ces" })).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    expect(get("survey_response_rate", { survey: "ces" }, "2024-02")?.value).toBe(1);
  });
});

describe("§5 ces, ces_easy_share and csat", () => {
  it("ces is the mean raw score per survey channel; easy share is the top two points of each scale", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [
        survey("ces", 5),
        survey("ces", 4),
        survey("ces", 1),
        survey("ces", 6, { scale_min: 1, scale_max: 7, channel: "sms" }),
        survey("ces", 5, { scale_min: 1, scale_max: 7, channel: "sms" }),
        survey("ces", null, { channel: "sms" }),
      ],
    });
    const { get, values } = await report(engine, ["ces", "ces_easy_share"]);
    expect(get("ces")).toMatchObject({ numerator: 21, denominator: 5 });
    expect(get("ces")?.value).toBeCloseTo(4.2, 12);
    expect(get("ces", { channel: "email" })).toMatchObject({ numerator: 10, denominator: 3 });
    expect(get("ces", { channel: "sms" })).toMatchObject({ numerator: 11, denominator: 2, value: 5.5 });
    expect(get("ces_easy_share")).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    expect(get("ces_easy_share", { channel: "sms" })).toMatchObject({ numerator: 1, denominator: 2 });
    // Channels appear only where there are responses.
    expect(values.filter((v) => v.metric === "ces" && v.segment !== null)).toHaveLength(2);
  });

  it("csat counts the top positive_points points of the scale; empty periods are null", async () => {
    const engine = await tinyDataset({
      customers: CUSTOMERS,
      survey_responses: [
        ...[5, 4, 3, 1].map((s) => survey("csat", s)),
        survey("csat", 9, { scale_min: 0, scale_max: 10 }),
      ],
    });
    const byDefault = await report(engine, ["csat"], { from: "2024-02" });
    expect(byDefault.get("csat")).toMatchObject({ numerator: 3, denominator: 5, value: 0.6 });
    expect(byDefault.get("csat", null, "2024-02")).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
    const strict = await report(engine, ["csat"], { params: { positive_points: "1" } });
    expect(strict.get("csat")).toMatchObject({ numerator: 1, denominator: 5 });
    await expect(report(engine, ["csat"], { params: { positive_points: "two" } })).rejects.toThrow(
      CrmKpiError,
    );
  });
});
