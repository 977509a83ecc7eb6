import {
  EMAIL_LISTS,
  FIRST_RESPONSE_HOURS,
  type Language,
  PRIORITIES,
  PRIORITY_SPEED,
  type Segment,
  SURVEY_COMMENTS,
  TICKET_CHANNELS,
} from "./catalog.js";
import { DAY, formatTimestamp, HOUR } from "./clock.js";
import { type Random, WeightedPick } from "./random.js";
import { padId, type World } from "./world.js";

const ticketChannel = new WeightedPick(TICKET_CHANNELS);
const priority = new WeightedPick(PRIORITIES);
const TICKETS_PER_MONTH: Readonly<Record<Segment, number>> = {
  consumer: 0.1,
  smb: 0.15,
  "mid-market": 0.22,
  enterprise: 0.35,
};

export interface ServiceCustomer {
  readonly id: string;
  readonly segment: Segment;
  readonly language: Language;
}

/** Support tickets over the customer's active life, each maybe followed by CSAT and CES surveys. */
export function simulateTickets(w: World, customer: ServiceCustomer, from: number, until: number): void {
  const r = w.random;
  const months = (until - from) / (30.4 * DAY);
  const count = r.poisson(TICKETS_PER_MONTH[customer.segment] * months);
  for (let i = 0; i < count; i++) {
    const createdAt = from + r.next() * (until - from);
    const channel = ticketChannel.pick(r);
    const prio = priority.pick(r);
    const assignee = r.chance(0.93) ? r.pick(w.supportReps) : undefined;
    const speed = (PRIORITY_SPEED[prio] ?? 1) * (assignee?.speed ?? 1.3);
    const responseHours = r.logNormal((FIRST_RESPONSE_HOURS[channel] ?? 4) * speed, 0.8);
    const quickChannel = channel === "chat" || channel === "phone";
    const resolveHours = responseHours + r.logNormal((quickChannel ? 1.5 : 10) * speed, 1.1);
    const respondedAt = r.chance(0.98) ? createdAt + responseHours * HOUR : undefined;
    let resolvedAt = respondedAt === undefined ? undefined : createdAt + resolveHours * HOUR;
    const firstResponse = respondedAt !== undefined && respondedAt < w.end ? respondedAt : undefined;
    if (resolvedAt !== undefined && resolvedAt >= w.end) resolvedAt = undefined;
    const status =
      resolvedAt === undefined
        ? "open"
        : resolvedAt < w.end - 7 * DAY && r.chance(0.75)
          ? "closed"
          : "resolved";
    const ticketId = padId("K", ++w.ids.ticket, 8);
    w.sinks.tickets.write([
      ticketId,
      customer.id,
      channel,
      prio,
      assignee?.id,
      formatTimestamp(createdAt),
      firstResponse === undefined ? undefined : formatTimestamp(firstResponse),
      resolvedAt === undefined ? undefined : formatTimestamp(resolvedAt),
      status,
    ]);
    if (resolvedAt === undefined) continue;
    // satisfaction follows how long the customer waited
    const mood = resolveHours < 4 ? 4.5 : resolveHours < 24 ? 4 : resolveHours < 72 ? 3.3 : 2.5;
    if (r.chance(0.55)) writeSurvey(w, customer, ticketId, "csat", resolvedAt + HOUR, fivePoint(r, mood));
    if (r.chance(0.25))
      writeSurvey(w, customer, ticketId, "ces", resolvedAt + 2 * HOUR, fivePoint(r, mood - 0.2));
  }
}

function fivePoint(r: Random, mean: number): number {
  return Math.max(1, Math.min(5, Math.round(mean + r.normal() * 0.9)));
}

/** Relationship NPS about twice a year while the customer is active; leavers score lower. */
export function simulateNps(w: World, customer: ServiceCustomer, from: number, until: number): void {
  const r = w.random;
  const leaving = until < w.end;
  for (let at = from + r.uniform(45, 120) * DAY; at < until && at < w.end; at += r.uniform(150, 210) * DAY) {
    const nearChurn = leaving && until - at < 180 * DAY;
    const u = r.next();
    const [promoter, passive] = nearChurn ? [0.15, 0.3] : [0.48, 0.3];
    let score: number;
    if (u < promoter) score = r.chance(0.5) ? 10 : 9;
    else if (u < promoter + passive) score = r.chance(0.5) ? 8 : 7;
    else score = Math.max(0, 6 - Math.floor(r.exponential(1.5)));
    writeSurvey(w, customer, undefined, "nps", at, score);
  }
}

/** One survey sent (and maybe answered); `r` is the random stream to draw from (the world's by default). */
export function writeSurvey(
  w: World,
  customer: ServiceCustomer,
  ticketId: string | undefined,
  survey: "nps" | "csat" | "ces",
  sentAt: number,
  score: number,
  r: Random = w.random,
): void {
  if (sentAt >= w.end) return;
  const answerRate = survey === "nps" ? 0.35 : 0.5;
  let respondedAt = r.chance(answerRate) ? sentAt + r.logNormal(5, 1.2) * HOUR : undefined;
  if (respondedAt !== undefined && respondedAt >= w.end) respondedAt = undefined;
  const answered = respondedAt !== undefined;
  const [scaleMin, scaleMax] = survey === "nps" ? ["0", "10"] : ["1", "5"];
  const explicitScale = r.chance(0.1);
  const good = survey === "nps" ? score >= 9 : score >= 4;
  const comments = SURVEY_COMMENTS[r.chance(0.6) ? customer.language : "en"];
  const comment = answered && r.chance(0.2) ? r.pick(good ? comments.good : comments.bad) : undefined;
  w.sinks.survey_responses.write([
    padId("R", ++w.ids.response, 9),
    survey,
    customer.id,
    ticketId,
    r.pick(survey === "nps" ? ["email", "in-app"] : ["email", "sms", "in-app"]),
    formatTimestamp(sentAt),
    respondedAt === undefined ? undefined : formatTimestamp(respondedAt),
    answered ? score : undefined,
    explicitScale ? scaleMin : undefined,
    explicitScale ? scaleMax : undefined,
    comment,
  ]);
}

/** Newsletter and product-update list membership of one address over time. */
export function simulateEmailEvents(
  w: World,
  email: string,
  newsletterAt: number | undefined,
  updatesAt: number | undefined,
): void {
  const r = w.random;
  const lists: [string, number | undefined][] = [
    [EMAIL_LISTS[0], newsletterAt],
    [EMAIL_LISTS[1], updatesAt],
  ];
  for (const [list, joinedAt] of lists) {
    if (joinedAt === undefined || joinedAt >= w.end) continue;
    const events = w.sinks.email_events;
    events.write([email, list, "subscribed", formatTimestamp(joinedAt)]);
    const u = r.next();
    const leftAt = joinedAt + r.exponential(3 * 365) * DAY;
    if (leftAt >= w.end) continue;
    if (u < 0.03) events.write([email, list, "bounced", formatTimestamp(leftAt)]);
    else if (u < 0.04) events.write([email, list, "complained", formatTimestamp(leftAt)]);
    else events.write([email, list, "unsubscribed", formatTimestamp(leftAt)]);
  }
}
