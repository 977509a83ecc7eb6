import path from "node:path";
import {
  companyName,
  instant,
  mailName,
  personName,
  type Random,
  seededRandom,
  sqlTime,
  writeCsv,
} from "./export-writer.js";

/**
 * A HubSpot CRM export as the UI writes it (Contacts/Companies/Deals/Tickets >
 * Export, all properties): UTF-8 with a BOM and CRLF, file names
 * `hubspot-crm-exports-all-<object>-<date>.csv`, timestamps `2024-01-05 10:22:00 UTC`,
 * `;`-separated association ids, counts written `2.0`, a deactivated owner
 * suffixed ` (Deactivated User)`, and one `Date entered "<stage> (<pipeline>)"`
 * column per stage of each pipeline. Seeded: the same seed writes the same bytes.
 */

export const HUBSPOT_OWNERS = [
  "Avery Morgan",
  "Jordan Lee",
  "Sam Rivera",
  "Priya Natarajan",
  "Chen Wei",
  "Lena Fischer",
];
const DEACTIVATED = "Jordan Lee";
const owner = (name: string): string => (name === DEACTIVATED ? `${name} (Deactivated User)` : name);

const SALES_STAGES = [
  "Appointment Scheduled",
  "Qualified To Buy",
  "Presentation Scheduled",
  "Decision Maker Bought-In",
  "Contract Sent",
];
const RENEWAL_STAGES = ["Renewal Due", "Negotiation"];
const PIPELINES: readonly { name: string; stages: readonly string[] }[] = [
  { name: "Sales Pipeline", stages: SALES_STAGES },
  { name: "Renewals", stages: RENEWAL_STAGES },
];
const LIFECYCLE = [
  "Subscriber",
  "Lead",
  "Marketing Qualified Lead",
  "Sales Qualified Lead",
  "Opportunity",
  "Customer",
];
const SOURCES: Readonly<Record<string, string>> = {
  "Organic Search": "organic",
  "Paid Search": "ads",
  "Email Marketing": "email",
  "Social Media": "social",
  Referrals: "referral",
  "Direct Traffic": "direct",
  "Offline Sources": "offline",
  "Other Campaigns": "other",
};

export interface HubSpotExpected {
  readonly companies: number;
  readonly contacts: number;
  readonly deals: number;
  readonly tickets: number;
  readonly reps: number;
  readonly stageRows: number;
  readonly wonDeals: number;
  readonly lostDeals: number;
  /** Sum of the amounts of all deals, in cents. */
  readonly amountCents: number;
  readonly renewalDeals: number;
  readonly convertedLeads: number;
  readonly disqualifiedLeads: number;
  readonly leadsBySource: Readonly<Record<string, number>>;
  readonly closedTickets: number;
  /** One deal to check cell by cell. */
  readonly sample: {
    readonly dealId: string;
    readonly customerId: string;
    readonly ownerId: string;
    readonly status: string;
    readonly stages: readonly { stage: string; enteredAt: string }[];
  };
}

const stamp = (d: Date): string => `${sqlTime(d)} UTC`;

export interface HubSpotOptions {
  /** Write this deals column twice (as two properties with one label do). */
  readonly repeatDealColumn?: string;
}

export async function generateHubSpotExport(
  dir: string,
  seed = 9,
  options: HubSpotOptions = {},
): Promise<HubSpotExpected> {
  const r = seededRandom(seed);
  const file = (object: string) => path.join(dir, `hubspot-crm-exports-all-${object}-2024-01-05.csv`);
  const style = { bom: true, eol: "\r\n" } as const;

  const companyIds: string[] = [];
  const companyRows: string[][] = [];
  const companyCount = 150;
  for (let i = 0; i < companyCount; i++) {
    const id = String(1584000000 + i * 7);
    companyIds.push(id);
    const name = companyName(r, i);
    companyRows.push([
      id,
      name,
      owner(HUBSPOT_OWNERS[i % HUBSPOT_OWNERS.length] as string),
      stamp(instant(r.int(0, 300) + r.next())),
      `${name.toLowerCase().replace(/[^a-z0-9]+/g, "")}.example`,
      r.pick(["Toronto", "Montréal", "Berlin", "Austin", ""]),
      r.pick(["Canada", "Germany", "United States", ""]),
      r.pick(["COMPUTER_SOFTWARE", "RETAIL", "FOOD_BEVERAGES", ""]),
      `${r.int(0, 6)}.0`,
      r.pick(["Customer", "Lead", "Opportunity"]),
    ]);
  }
  await writeCsv(
    file("companies"),
    [
      "Record ID",
      "Company name",
      "Company owner",
      "Create Date",
      "Company Domain Name",
      "City",
      "Country/Region",
      "Industry",
      "Number of Associated Contacts",
      "Lifecycle Stage",
    ],
    companyRows,
    style,
  );

  const associated = (rr: Random): string => {
    if (rr.chance(0.08)) return "";
    const first = rr.pick(companyIds);
    return rr.chance(0.1) ? `${first};${rr.pick(companyIds)}` : first;
  };

  // Contacts: leads of the canonical model.
  const contactRows: string[][] = [];
  const contactCount = 500;
  let converted = 0;
  let disqualified = 0;
  const leadsBySource: Record<string, number> = {};
  for (let i = 0; i < contactCount; i++) {
    const { first, last } = personName(r);
    const created = instant(r.int(0, 330) + r.next());
    const lifecycle = r.pick(LIFECYCLE);
    const isCustomer = lifecycle === "Customer";
    const leadStatus = isCustomer
      ? "Open Deal"
      : r.pick(["New", "Open", "In Progress", "Unqualified", "Bad Timing"]);
    if (isCustomer) converted++;
    else if (leadStatus === "Unqualified") disqualified++;
    const source = r.pick(Object.keys(SOURCES));
    const channel = SOURCES[source] as string;
    leadsBySource[channel] = (leadsBySource[channel] ?? 0) + 1;
    contactRows.push([
      String(2059000000 + i * 3),
      first,
      last,
      `${mailName(first, last, i)}@example.com`,
      r.chance(0.7) ? `+1 416-555-${String(1000 + i).slice(-4)}` : "",
      owner(r.pick(HUBSPOT_OWNERS)),
      lifecycle,
      leadStatus,
      stamp(created),
      source,
      associated(r),
      `${r.int(0, 9)}.0`,
      stamp(created),
      isCustomer
        ? stamp(instant((created.getTime() - instant(0).getTime()) / 86_400_000 + r.int(5, 60)))
        : "",
    ]);
  }
  await writeCsv(
    file("contacts"),
    [
      "Record ID",
      "First Name",
      "Last Name",
      "Email",
      "Phone Number",
      "Contact owner",
      "Lifecycle Stage",
      "Lead Status",
      "Create Date",
      "Original Source",
      "Associated Company IDs",
      "Number of Sales Activities",
      'Date entered "Lead (Lifecycle Stage Pipeline)"',
      'Date entered "Customer (Lifecycle Stage Pipeline)"',
    ],
    contactRows,
    style,
  );

  // Deals with their stage dates; each pipeline ends in Closed Won / Closed Lost.
  const stageHeaders = PIPELINES.flatMap((p) =>
    [...p.stages, "Closed Won", "Closed Lost"].map((s) => ({ pipeline: p.name, stage: s })),
  );
  const dealRows: string[][] = [];
  const dealCount = 800;
  let stageRows = 0;
  let won = 0;
  let lost = 0;
  let amountCents = 0;
  let renewals = 0;
  let sample: HubSpotExpected["sample"] | undefined;
  for (let i = 0; i < dealCount; i++) {
    const pipeline = r.chance(0.15)
      ? (PIPELINES[1] as (typeof PIPELINES)[number])
      : (PIPELINES[0] as (typeof PIPELINES)[number]);
    if (pipeline.name === "Renewals") renewals++;
    const outcome = r.pick(["open", "open", "won", "lost"] as const);
    const reached = r.int(1, pipeline.stages.length);
    let day = r.int(0, 320) + r.next();
    const entered = new Map<string, Date>();
    for (const stage of pipeline.stages.slice(0, reached)) {
      entered.set(stage, instant(day));
      day += r.int(1, 12) + r.next();
    }
    if (outcome !== "open") entered.set(outcome === "won" ? "Closed Won" : "Closed Lost", instant(day));
    const created = entered.get(pipeline.stages[0] as string) as Date;
    const currentStage =
      outcome === "won"
        ? "Closed Won"
        : outcome === "lost"
          ? "Closed Lost"
          : (pipeline.stages[reached - 1] as string);
    const closed = outcome === "open" ? instant(day + 30) : (entered.get(currentStage) as Date);
    const cents = r.chance(0.05) ? undefined : r.int(5, 400) * 2500 + (r.chance(0.2) ? 50 : 0);
    if (cents !== undefined) amountCents += cents;
    if (outcome === "won") won++;
    if (outcome === "lost") lost++;
    stageRows += entered.size;
    const id = String(9000000000 + i * 11);
    const companies = associated(r);
    const dealOwner = HUBSPOT_OWNERS[i % HUBSPOT_OWNERS.length] as string;
    dealRows.push([
      id,
      `Deal ${i}`,
      currentStage,
      pipeline.name,
      cents === undefined ? "" : (cents / 100).toString(),
      stamp(closed),
      stamp(created),
      owner(dealOwner),
      outcome === "lost" ? r.pick(["Price", "Timing", "Competitor"]) : "",
      pipeline.name === "Renewals" ? "Existing Business" : r.pick(["New Business", "Existing Business", ""]),
      companies,
      "2.0",
      ...(options.repeatDealColumn ? ["3.0"] : []),
      ...stageHeaders.map((h) =>
        h.pipeline === pipeline.name && entered.has(h.stage) ? stamp(entered.get(h.stage) as Date) : "",
      ),
    ]);
    if (!sample && companies.includes(";") && outcome === "won" && dealOwner === DEACTIVATED) {
      sample = {
        dealId: id,
        customerId: companies.split(";")[0] as string,
        ownerId: DEACTIVATED,
        status: "won",
        stages: [...entered].map(([stage, at]) => ({ stage, enteredAt: sqlTime(at) })),
      };
    }
  }
  await writeCsv(
    file("deals"),
    [
      "Record ID",
      "Deal Name",
      "Deal Stage",
      "Pipeline",
      "Amount",
      "Close Date",
      "Create Date",
      "Deal owner",
      "Closed Lost Reason",
      "Deal Type",
      "Associated Company IDs",
      "Number of Associated Contacts",
      ...(options.repeatDealColumn ? [options.repeatDealColumn] : []),
      ...stageHeaders.map((h) => `Date entered "${h.stage} (${h.pipeline})"`),
    ],
    dealRows,
    style,
  );

  const ticketRows: string[][] = [];
  const ticketCount = 300;
  let closedTickets = 0;
  for (let i = 0; i < ticketCount; i++) {
    const created = instant(r.int(0, 330) + r.next());
    const status = r.pick(["New", "Waiting on contact", "Waiting on us", "Closed", "Closed"]);
    if (status === "Closed") closedTickets++;
    ticketRows.push([
      String(1200000 + i),
      `Ticket ${i}`,
      "Support Pipeline",
      status,
      r.pick(["HIGH", "MEDIUM", "LOW", ""]),
      r.pick(["Email", "Chat", "Phone", "Form"]),
      stamp(created),
      status === "Closed"
        ? stamp(instant((created.getTime() - instant(0).getTime()) / 86_400_000 + r.next() * 5))
        : "",
      owner(r.pick(HUBSPOT_OWNERS)),
      associated(r),
    ]);
  }
  await writeCsv(
    file("tickets"),
    [
      "Ticket ID",
      "Ticket name",
      "Pipeline",
      "Ticket status",
      "Priority",
      "Source",
      "Create date",
      "Close date",
      "Ticket owner",
      "Associated Company IDs",
    ],
    ticketRows,
    style,
  );

  if (!sample) throw new Error("the seed made no sample deal; pick another seed");
  return {
    companies: companyCount,
    contacts: contactCount,
    deals: dealCount,
    tickets: ticketCount,
    reps: HUBSPOT_OWNERS.length,
    stageRows,
    wonDeals: won,
    lostDeals: lost,
    amountCents,
    renewalDeals: renewals,
    convertedLeads: converted,
    disqualifiedLeads: disqualified,
    leadsBySource,
    closedTickets,
    sample,
  };
}
