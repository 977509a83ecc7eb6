import { type Lang, type MessageKey, t } from "../messages/index.js";
import { calendarDateText, type DateDisplay } from "./calendar-date-text.js";
import { formatNumber } from "./format-number.js";

// What a detail quotes: a number, a timestamp or date, an id or data value.
const N = "(-?\\d+(?:\\.\\d+)?)";
const TS = "(\\d{4}-\\d{2}-\\d{2}(?: \\d{2}:\\d{2}:\\d{2})?|-)";
const ID = "(\\S+)";
type Kind = "n" | "ts" | "raw";

/**
 * The English sentences the metric definitions write into explain rows
 * (core/metrics/families/*), each with the message that says it in every
 * language and the kind of each quoted value. The core stays free of
 * languages; a detail that matches no pattern is shown as it is.
 */
const DETAILS: readonly (readonly [RegExp, MessageKey, readonly Kind[]])[] = [
  [/^acquired in the period$/, "cli.detail.acquiredInPeriod", []],
  [/^acquired in the period \(subtracted\)$/, "cli.detail.acquiredSubtracted", []],
  [/^acquired before start$/, "cli.detail.acquiredBeforeStart", []],
  [/^active at start$/, "cli.detail.activeAtStart", []],
  [/^active at end$/, "cli.detail.activeAtEnd", []],
  [/^active at start, not at end$/, "cli.detail.churned", []],
  [/^churned \(subtracted\)$/, "cli.detail.churnedSubtracted", []],
  [/^active at end, not at start, acquired before$/, "cli.detail.reactivated", []],
  [/^active at end with an order in the period$/, "cli.detail.activeEndOrder", []],
  [/^active at window start and at end$/, "cli.detail.activeWindow", []],
  [/^active at window start, churned by end$/, "cli.detail.churnedWindow", []],
  [/^ordered in the window$/, "cli.detail.orderedInWindow", []],
  [/^bought in the window$/, "cli.detail.boughtInWindow", []],
  [/^bought again in the window$/, "cli.detail.boughtAgainInWindow", []],
  [/^MRR expanded$/, "cli.detail.mrrExpanded", []],
  [new RegExp(`^MRR at start ${N}, at end ${N}$`), "cli.detail.mrrStartEnd", ["n", "n"]],
  [new RegExp(`^rank ${N} of ${N} paying customers$`), "cli.detail.rank", ["n", "n"]],
  [new RegExp(`^${ID} ${TS} customer ${ID}$`), "cli.detail.order", ["raw", "ts", "raw"]],
  [new RegExp(`^ordered ${TS}$`), "cli.detail.ordered", ["ts"]],
  [new RegExp(`^acquired ${TS}$`), "cli.detail.acquired", ["ts"]],
  [new RegExp(`^cohort order ${TS}$`), "cli.detail.cohortOrder", ["ts"]],
  [new RegExp(`^renewed: subscription ${ID}, ends ${TS}$`), "cli.detail.renewed", ["raw", "ts"]],
  [new RegExp(`^due: subscription ${ID}, ends ${TS}$`), "cli.detail.due", ["raw", "ts"]],
  [new RegExp(`^marketing ${ID} ${TS}\\.\\.${TS}$`), "cli.detail.spendMarketing", ["raw", "ts", "ts"]],
  [new RegExp(`^sales ${ID} ${TS}\\.\\.${TS}$`), "cli.detail.spendSales", ["raw", "ts", "ts"]],
  [new RegExp(`^won, created ${TS}, closed ${TS}$`), "cli.detail.dealWon", ["ts", "ts"]],
  [new RegExp(`^lost, created ${TS}, closed ${TS}$`), "cli.detail.dealLost", ["ts", "ts"]],
  [new RegExp(`^converted, created ${TS}$`), "cli.detail.leadConverted", ["ts"]],
  [new RegExp(`^disqualified, created ${TS}$`), "cli.detail.leadDisqualified", ["ts"]],
  [new RegExp(`^open, created ${TS}$`), "cli.detail.leadOpen", ["ts"]],
  [new RegExp(`^lead created ${TS}, won ${TS}$`), "cli.detail.leadCreatedWon", ["ts", "ts"]],
  [new RegExp(`^deal created ${TS}, won ${TS}$`), "cli.detail.dealCreatedWon", ["ts", "ts"]],
  [
    new RegExp(`^quota ${ID} ${TS}\\.\\.${TS}, closed ${TS}$`),
    "cli.detail.quotaClosed",
    ["raw", "ts", "ts", "ts"],
  ],
  [new RegExp(`^${N} of ${N} days$`), "cli.detail.daysOf", ["n", "n"]],
  [new RegExp(`^stage ${ID}, probability ${N}$`), "cli.detail.stageProbability", ["raw", "n"]],
  [new RegExp(`^created ${TS}, resolved ${TS}$`), "cli.detail.ticketResolved", ["ts", "ts"]],
  [new RegExp(`^created ${TS}, first_response ${TS}$`), "cli.detail.ticketFirstResponse", ["ts", "ts"]],
  [new RegExp(`^score ${N} on ${N}\\.\\.${N}$`), "cli.detail.scoreOn", ["n", "n", "n"]],
  [new RegExp(`^${ID} subscribed since ${TS}$`), "cli.detail.subscribedSince", ["raw", "ts"]],
  [new RegExp(`^${ID} subscribed ${TS}$`), "cli.detail.subscribed", ["raw", "ts"]],
  [new RegExp(`^${ID} unsubscribed ${TS}$`), "cli.detail.unsubscribed", ["raw", "ts"]],
];

/**
 * An explain row's detail in the reader's language, numbers and dates in
 * local digits: `MRR at start 29.0, at end 31.9` → `MRR در آغاز ۲۹، در پایان ۳۱٫۹`;
 * with `dates`, dates in that calendar (`ordered 2024-03-20` → `ordered ۱۴۰۳-۰۱-۰۱`).
 */
export function localizeDetail(detail: string, lang: Lang, dates?: DateDisplay): string {
  for (const [pattern, key, kinds] of DETAILS) {
    const m = pattern.exec(detail);
    if (!m) continue;
    const params: Record<string, string> = {};
    kinds.forEach((kind, i) => {
      const raw = m[i + 1] ?? "";
      params[`p${i + 1}`] =
        kind === "n"
          ? formatNumber(Number(raw), lang, 2)
          : kind === "ts"
            ? calendarDateText(raw, lang, dates)
            : raw;
    });
    return t(lang, key, params);
  }
  return detail;
}
