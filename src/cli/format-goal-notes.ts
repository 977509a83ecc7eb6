import { localizeDigits } from "../calendar/localize-digits.js";
import { findMetric } from "../core/metrics/registry.js";
import type { GoalEvaluation } from "../goals/evaluate-goal.js";
import { calendarDateText } from "../goals/goal-dates.js";
import { type Lang, metricName, t } from "../messages/index.js";
import { formatMetricValue } from "./format-number.js";

/** One line per goal under a report: "Goal g1 (New customers): at least 12 by 2024-12-31: on track, current 7". */
export function formatGoalNotes(notes: readonly GoalEvaluation[], lang: Lang, timeZone: string): string[] {
  return notes.map((e) => {
    const g = e.goal;
    const unit = findMetric(g.metric)?.unit ?? "";
    return t(lang, "goals.note", {
      id: g.id,
      metric: metricName(lang, g.metric),
      segment: g.segment
        ? ` ${Object.entries(g.segment)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}`
        : "",
      direction: t(lang, `goals.direction.${g.direction}`),
      target: formatMetricValue(g.target, unit, lang),
      deadline:
        g.deadline === null ? "—" : localizeDigits(calendarDateText(g.deadline, g.calendar, timeZone), lang),
      status: t(lang, `goals.status.${e.status}`),
      current: formatMetricValue(e.current, unit, lang),
    });
  });
}
