import type { Achievability } from "./achievability.js";

export const SMART_LETTERS = ["S", "M", "A", "R", "T"] as const;
export type SmartLetter = (typeof SMART_LETTERS)[number];

/** What each letter found; every code has a message `goals.smart.<code>`. */
export type SmartCode =
  | "specific"
  | "unknown_dimension"
  | "unknown_segment_value"
  | "measurable"
  | "unknown_metric"
  | "inputs_missing"
  | "not_breakable"
  | "realistic"
  | "ambitious"
  | "unrealistic"
  | "no_history"
  | "relevant"
  | "no_why"
  | "time_bound"
  | "no_deadline"
  | "deadline_before_start";

export interface SmartEntry {
  readonly letter: SmartLetter;
  readonly ok: boolean;
  readonly code: SmartCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What the SMART check needs to know about a goal and its data. */
export interface SmartFacts {
  readonly metric: string;
  readonly metricKnown: boolean;
  readonly missingInputs: readonly string[];
  readonly segmentProblem: {
    code: "unknown_dimension" | "unknown_segment_value" | "not_breakable";
    dimension: string;
    value: string;
  } | null;
  readonly achievability: Achievability | null;
  readonly why: string | null;
  readonly start: string;
  readonly deadline: string | null;
}

/**
 * Checks each SMART letter of METRICS.md §8: Specific (metric and segment
 * named and known), Measurable (the metric exists and its inputs hold rows),
 * Achievable (`judgeAchievability`: realistic or ambitious passes),
 * Relevant (a why), Time-bound (a deadline after the start).
 */
export function checkSmart(facts: SmartFacts): SmartEntry[] {
  const seg = facts.segmentProblem;
  const specific: SmartEntry =
    seg && seg.code !== "not_breakable"
      ? { letter: "S", ok: false, code: seg.code, params: { dimension: seg.dimension, value: seg.value } }
      : { letter: "S", ok: true, code: "specific", params: { metric: facts.metric } };
  const measurable: SmartEntry = !facts.metricKnown
    ? { letter: "M", ok: false, code: "unknown_metric", params: { metric: facts.metric } }
    : facts.missingInputs.length > 0
      ? {
          letter: "M",
          ok: false,
          code: "inputs_missing",
          params: { metric: facts.metric, missing: facts.missingInputs.join(", ") },
        }
      : seg?.code === "not_breakable"
        ? {
            letter: "M",
            ok: false,
            code: "not_breakable",
            params: { metric: facts.metric, dimension: seg.dimension },
          }
        : { letter: "M", ok: true, code: "measurable", params: { metric: facts.metric } };
  return [specific, measurable, achievable(facts.achievability), relevant(facts.why), timeBound(facts)];
}

function achievable(a: Achievability | null): SmartEntry {
  if (!a || a.class === "unknown" || a.neededPerPeriod === null) {
    return { letter: "A", ok: false, code: "no_history", params: { periods: a?.historyPeriods ?? 0 } };
  }
  const params = {
    needed: a.neededPerPeriod,
    typical: a.typicalChange ?? 0,
    best: a.bestChange ?? 0,
    periods: a.historyPeriods,
  };
  return { letter: "A", ok: a.class !== "unrealistic", code: a.class, params };
}

function relevant(why: string | null): SmartEntry {
  return why && why.trim() !== ""
    ? { letter: "R", ok: true, code: "relevant", params: { why: why.trim() } }
    : { letter: "R", ok: false, code: "no_why", params: {} };
}

function timeBound(facts: SmartFacts): SmartEntry {
  if (facts.deadline === null) return { letter: "T", ok: false, code: "no_deadline", params: {} };
  if (facts.deadline < facts.start) {
    return {
      letter: "T",
      ok: false,
      code: "deadline_before_start",
      params: { start: facts.start, deadline: facts.deadline },
    };
  }
  return { letter: "T", ok: true, code: "time_bound", params: { deadline: facts.deadline } };
}

/** Letters whose failure makes a goal unusable (it cannot be named, measured or judged in time); A and R only warn. */
export function blockingFailures(entries: readonly SmartEntry[]): SmartEntry[] {
  return entries.filter((e) => !e.ok && (e.letter === "S" || e.letter === "M" || e.letter === "T"));
}
