import {
  CAMPAIGN_CHANNELS,
  CHANNEL_WEIGHTS,
  COUNTRIES,
  type Country,
  INDUSTRIES,
  type Interval,
  type Language,
  PIPELINES,
  type Plan,
  SEGMENT_WEIGHTS,
  type Segment,
  teamOf,
} from "./catalog.js";
import { DAY, formatTimestamp, HOUR, monthIndex } from "./clock.js";
import {
  formatPhone,
  makeEmail,
  makePerson,
  makePhone,
  type Person,
  type Phone,
  type PhoneStyle,
  pickPhoneStyle,
  varyEmail,
  varyName,
} from "./people.js";
import { plantPropensitySignal } from "./propensity-signal.js";
import { WeightedPick } from "./random.js";
import {
  type Account,
  annualValue,
  type PlanChoice,
  simulateBuyer,
  simulateSubscriber,
} from "./simulate-revenue.js";
import { writeDeal, writeLead } from "./simulate-sales.js";
import { simulateEmailEvents, simulateNps, simulateTickets } from "./simulate-service.js";
import { type NamesakeEntry, padId, type World } from "./world.js";

const countryPick = new WeightedPick(COUNTRIES.map((c) => [c, c.weight] as const));
const segmentPick = new WeightedPick(SEGMENT_WEIGHTS);
const channelPick = new WeightedPick(CHANNEL_WEIGHTS);

interface SegmentProfile {
  readonly acquireChance: number;
  /** Mean days from record creation to the first payment. */
  readonly cycleDays: number;
  readonly subscribeChance: number;
  readonly monthlyChurn: number;
  readonly plans: WeightedPick<Plan>;
  readonly intervals: WeightedPick<Interval>;
}

const PROFILES: Readonly<Record<Segment, SegmentProfile>> = {
  consumer: profile(
    0.85,
    4,
    0.6,
    0.028,
    [
      ["basic", 8],
      ["pro", 2],
    ],
    [
      ["month", 8],
      ["quarter", 1],
      ["year", 1],
    ],
  ),
  smb: profile(
    0.82,
    12,
    0.75,
    0.018,
    [
      ["basic", 6],
      ["pro", 4],
    ],
    [
      ["month", 7],
      ["quarter", 1.5],
      ["year", 1.5],
    ],
  ),
  "mid-market": profile(
    0.75,
    30,
    0.85,
    0.012,
    [
      ["pro", 7],
      ["enterprise", 3],
    ],
    [
      ["month", 5],
      ["quarter", 2],
      ["year", 3],
    ],
  ),
  enterprise: profile(
    0.62,
    60,
    0.92,
    0.008,
    [["enterprise", 1]],
    [
      ["month", 2],
      ["quarter", 3],
      ["year", 5],
    ],
  ),
};

function profile(
  acquireChance: number,
  cycleDays: number,
  subscribeChance: number,
  monthlyChurn: number,
  plans: readonly (readonly [Plan, number])[],
  intervals: readonly (readonly [Interval, number])[],
): SegmentProfile {
  return {
    acquireChance,
    cycleDays,
    subscribeChance,
    monthlyChurn,
    plans: new WeightedPick(plans),
    intervals: new WeightedPick(intervals),
  };
}

/**
 * One customer's whole story: the lead that brought them, the deal, their
 * subscriptions or purchases, tickets, surveys, newsletter membership, and
 * sometimes a duplicate record typed in again later.
 */
export function simulateCustomer(w: World, createdAt: number): void {
  const r = w.random;
  const country = countryPick.pick(r);
  const language = country.language;
  const segment = segmentPick.pick(r);
  const channel = channelPick.pick(r);
  const team = teamOf(segment);
  const owner = r.pick(w.salesReps[team]);
  const seq = ++w.ids.customer;
  const customerId = padId("C", seq, 7);
  const twin = pickNamesake(w, language);
  const drawn = makePerson(r, w.pools, language);
  const person = twin?.person ?? drawn;
  const p = PROFILES[segment];

  // the lead comes first; converting it is what creates the customer record
  let leadId: string | undefined;
  if (r.chance(0.85)) {
    const leadAt = Math.max(w.start, createdAt - r.exponential(8) * DAY - HOUR);
    leadId = writeLead(w, {
      createdAt: leadAt,
      source: channel,
      campaignId:
        CAMPAIGN_CHANNELS.includes(channel) && r.chance(0.8) ? w.campaignAt(channel, leadAt) : undefined,
      ownerId: owner.id,
      status: "converted",
      convertedAt: createdAt,
      customerId,
    });
  }

  const cycle = (0.3 + r.exponential(p.cycleDays)) * DAY;
  const acquiredAt = r.chance(p.acquireChance) && createdAt + cycle < w.end ? createdAt + cycle : undefined;
  const account: Account = {
    id: customerId,
    ownerId: owner.id,
    currency: country.currency,
    segment,
    language,
    monthlyChurn: p.monthlyChurn * r.logNormal(1, 0.3),
    priceFactor: segment === "enterprise" ? r.int(2, 8) * r.uniform(0.85, 1) : r.chance(0.2) ? 0.9 : 1,
  };
  const subscribes = r.chance(p.subscribeChance);
  const firstPlan: PlanChoice = { plan: p.plans.pick(r), interval: p.intervals.pick(r) };
  const pipeline = segment === "enterprise" ? PIPELINES.enterprise : PIPELINES.default;
  const dealCreatedAt = createdAt + r.uniform(0.02, 0.25) * cycle;
  const hasDeal = acquiredAt !== undefined || r.chance(0.75);
  if (hasDeal && dealCreatedAt < w.end) {
    const lostAt = createdAt + cycle * r.uniform(0.6, 1.5);
    writeDeal(w, {
      customerId,
      leadId,
      ownerId: owner.id,
      pipeline,
      type: "new_business",
      amount: subscribes
        ? annualValue(account, firstPlan)
        : annualValue(account, firstPlan) * r.uniform(0.3, 0.8),
      currency: country.currency,
      createdAt: dealCreatedAt,
      outcome:
        acquiredAt !== undefined
          ? { status: "won", closedAt: acquiredAt }
          : lostAt < w.end
            ? { status: "lost", closedAt: lostAt, language }
            : { status: "open" },
    });
  }
  if (acquiredAt !== undefined) {
    const month = monthIndex(acquiredAt, w.start);
    const counts = w.stats.newByChannel[channel];
    counts[month] = (counts[month] ?? 0) + 1;
  }

  const email = r.chance(0.95) ? makeEmail(r, person, language, seq) : undefined;
  const phone = r.chance(0.8) ? makePhone(r, country) : undefined;
  const phoneStyle = pickPhoneStyle(r);
  const drawnCompany = segment === "consumer" ? undefined : r.pick(w.pools[language].companies);
  // Namesakes often work at one company: the case that name + company rules get wrong.
  const company =
    twin?.company !== undefined && drawnCompany !== undefined && w.namesakes.random.chance(0.7)
      ? twin.company
      : drawnCompany;
  if (twin) w.truth.namesakes.push([twin.id, customerId]);
  rememberPerson(w, language, { id: customerId, person, company });
  writeCustomer(w, {
    id: customerId,
    person,
    email,
    phone: phone && formatPhone(phone, country, phoneStyle),
    company,
    country,
    city: r.chance(0.85) ? r.pick(country.cities) : undefined,
    segment,
    industry: segment !== "consumer" && r.chance(0.85) ? r.pick(INDUSTRIES) : undefined,
    channel,
    ownerId: owner.id,
    consumer: segment === "consumer",
    createdAt,
    // often left empty: the importer derives it from the first deal, order or term, which agree
    acquiredAt: acquiredAt !== undefined && r.chance(0.7) ? acquiredAt : undefined,
  });

  let activeUntil: number | undefined;
  if (w.signal) w.signal.upgrades.length = 0;
  if (acquiredAt !== undefined) {
    activeUntil = subscribes
      ? simulateSubscriber(w, account, acquiredAt, firstPlan)
      : simulateBuyer(w, account, acquiredAt);
    simulateTickets(w, account, acquiredAt, activeUntil);
    simulateNps(w, account, acquiredAt, activeUntil);
    if (w.signal) plantPropensitySignal(w, account, acquiredAt, activeUntil);
  }
  if (email) {
    const newsletterAt = r.chance(0.7) ? createdAt + r.uniform(0, 2) * HOUR : undefined;
    const updatesAt = acquiredAt !== undefined && r.chance(0.5) ? acquiredAt + HOUR : undefined;
    simulateEmailEvents(w, email, newsletterAt, updatesAt);
  }

  writeOtherLeads(w, createdAt);
  if (r.chance(0.35)) {
    const at = w.start + r.next() * (w.end - w.start);
    simulateEmailEvents(w, `reader${++w.ids.subscriber}@example.com`, at, undefined);
  }
  if (r.chance(0.006)) {
    writeDuplicate(w, {
      id: customerId,
      person,
      email,
      phone,
      phoneStyle,
      company,
      country,
      channel,
      createdAt,
      segment,
    });
  }
}

/** A tenth of new people share a full name with someone earlier of their language. */
const NAMESAKE_SHARE = 0.1;
const RECENT_PEOPLE = 400;

function pickNamesake(w: World, language: Language): NamesakeEntry | undefined {
  const earlier = w.namesakes.recent[language];
  if (earlier.length === 0 || !w.namesakes.random.chance(NAMESAKE_SHARE)) return undefined;
  return w.namesakes.random.pick(earlier);
}

function rememberPerson(w: World, language: Language, entry: NamesakeEntry): void {
  const list = w.namesakes.recent[language];
  if (list.length < RECENT_PEOPLE) list.push(entry);
  else list[w.namesakes.random.int(0, RECENT_PEOPLE - 1)] = entry;
}

/** Leads that never became customers, created around the same time as this one. */
function writeOtherLeads(w: World, around: number): void {
  const r = w.random;
  const count = r.poisson(1.1);
  for (let i = 0; i < count; i++) {
    const createdAt = Math.min(w.end - HOUR, Math.max(w.start, around + r.uniform(-60, 60) * DAY));
    const source = channelPick.pick(r);
    const team = r.chance(0.6) ? "SMB" : r.chance(0.6) ? "Mid-Market" : "Enterprise";
    const recent = createdAt > w.end - 45 * DAY;
    writeLead(w, {
      createdAt,
      source,
      campaignId:
        CAMPAIGN_CHANNELS.includes(source) && r.chance(0.8) ? w.campaignAt(source, createdAt) : undefined,
      ownerId: r.chance(0.9) ? r.pick(w.salesReps[team]).id : undefined,
      status: recent || r.chance(0.15) ? "open" : "disqualified",
    });
  }
}

interface CustomerRow {
  readonly id: string;
  readonly person: Person;
  readonly email: string | undefined;
  readonly phone: string | undefined;
  readonly company: string | undefined;
  readonly country: Country;
  readonly city: string | undefined;
  readonly segment: Segment;
  readonly industry: string | undefined;
  readonly channel: string;
  readonly ownerId: string;
  readonly consumer: boolean;
  readonly createdAt: number;
  readonly acquiredAt: number | undefined;
}

function writeCustomer(w: World, row: CustomerRow): void {
  const r = w.random;
  w.sinks.customers.write([
    row.id,
    row.person.name,
    row.email,
    row.phone,
    row.company,
    row.country.code,
    row.country.region,
    row.city,
    row.segment,
    row.industry,
    row.channel,
    row.ownerId,
    row.consumer && r.chance(0.8) ? row.person.gender : undefined,
    row.consumer && r.chance(0.6) ? r.int(1955, 2004) : undefined,
    formatTimestamp(row.createdAt),
    row.acquiredAt === undefined ? undefined : formatTimestamp(row.acquiredAt),
  ]);
}

interface Original {
  readonly id: string;
  readonly person: Person;
  readonly email: string | undefined;
  readonly phone: Phone | undefined;
  readonly phoneStyle: PhoneStyle;
  readonly company: string | undefined;
  readonly country: Country;
  readonly channel: string;
  readonly createdAt: number;
  readonly segment: Segment;
}

/**
 * The same person entered again later (a second sign-up, an import from a
 * spreadsheet): email in other letter case, phone in another format, the
 * name in a variant spelling. Data-quality features must find these.
 */
function writeDuplicate(w: World, original: Original): void {
  const r = w.random;
  const createdAt = original.createdAt + r.uniform(10, 400) * DAY;
  if (createdAt >= w.end) return;
  const seq = ++w.ids.customer;
  w.truth.duplicates.push([original.id, padId("C", seq, 7)]);
  const otherStyle: PhoneStyle = original.phoneStyle === "compact" ? "double-zero" : "compact";
  writeCustomer(w, {
    id: padId("C", seq, 7),
    person: { ...original.person, name: varyName(original.person.name, original.country.language) },
    email: original.email && r.chance(0.8) ? varyEmail(original.email, r) : undefined,
    phone: original.phone && formatPhone(original.phone, original.country, otherStyle),
    company: original.company,
    country: original.country,
    city: undefined,
    segment: original.segment,
    industry: undefined,
    channel: original.channel,
    ownerId: r.pick(w.salesReps[teamOf(original.segment)]).id,
    consumer: original.segment === "consumer",
    createdAt,
    acquiredAt: undefined,
  });
}
