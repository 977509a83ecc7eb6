import path from "node:path";
import {
  apiTime,
  companyName,
  instant,
  isoDate,
  mailName,
  personName,
  seededRandom,
  writeCsv,
} from "./export-writer.js";

/**
 * A Salesforce Data Export (Setup > Data Export): one CSV per object named
 * after it (Account.csv, Opportunity.csv, OpportunityHistory.csv, Lead.csv,
 * User.csv, Case.csv), API field names as headers, every cell quoted,
 * Windows-1252 text (`é`, `’`), `000000000000000AAA` in empty lookups,
 * `true`/`false` booleans, datetimes `2024-01-05T10:22:00.000Z`, dates `2024-01-05`.
 * A few deleted opportunities (IsDeleted true) are in the file, as an
 * "export all" writes them. Seeded: the same seed writes the same bytes.
 */

export const EMPTY_ID = "000000000000000AAA";

const STAGES = [
  "Prospecting",
  "Qualification",
  "Needs Analysis",
  "Value Proposition",
  "Id. Decision Makers",
  "Proposal/Price Quote",
  "Negotiation/Review",
];
const TYPES: Readonly<Record<string, string>> = {
  "New Customer": "new_business",
  "Existing Customer - Upgrade": "upsell",
  "Existing Customer - Replacement": "renewal",
  "Existing Customer - Downgrade": "renewal",
};

export interface SalesforceExpected {
  readonly users: number;
  readonly accounts: number;
  /** Opportunities not deleted. */
  readonly deals: number;
  readonly deletedDeals: number;
  /** Distinct (opportunity, stage) pairs of the history: the first entry into each stage. */
  readonly stageRows: number;
  /** History rows in the file (a stage repeats when the amount or close date changed). */
  readonly historyRows: number;
  readonly wonDeals: number;
  readonly amountCents: number;
  readonly dealsWithoutAccount: number;
  readonly dealsByType: Readonly<Record<string, number>>;
  readonly leads: number;
  readonly convertedLeads: number;
  readonly disqualifiedLeads: number;
  readonly cases: number;
  readonly closedCases: number;
  /** A deal whose history repeats a stage, with the first entry into each of its stages. */
  readonly repeatedStageDeal: {
    readonly dealId: string;
    readonly stages: readonly { readonly stage: string; readonly enteredAt: string }[];
  };
  /** An account name with Windows-1252 letters, to check the decoding. */
  readonly accentedAccount: { readonly id: string; readonly name: string };
}

const sfId = (prefix: string, i: number): string => `${prefix}5g00000${String(i).padStart(5, "0")}AAR`;
const bool = (b: boolean): string => (b ? "true" : "false");

export async function generateSalesforceExport(dir: string, seed = 17): Promise<SalesforceExpected> {
  const r = seededRandom(seed);
  const style = { quoteAll: true, encoding: "windows-1252", eol: "\r\n" } as const;
  const file = (object: string) => path.join(dir, `${object}.csv`);

  const users = Array.from({ length: 10 }, (_, i) => sfId("005", i));
  await writeCsv(
    file("User"),
    [
      "Id",
      "Username",
      "LastName",
      "FirstName",
      "Name",
      "Email",
      "IsActive",
      "UserRoleId",
      "ProfileId",
      "CreatedDate",
    ],
    users.map((id, i) => {
      const { first, last } = personName(r);
      const mail = `${mailName(first, last, i)}@example.com`;
      return [
        id,
        mail,
        last,
        first,
        `${first} ${last}`,
        mail,
        bool(i !== 3),
        EMPTY_ID,
        "00e5g000000AAA1",
        apiTime(instant(0)),
      ];
    }),
    style,
  );

  const accounts: string[] = [];
  const accountRows: string[][] = [];
  let accentedAccount: SalesforceExpected["accentedAccount"] | undefined;
  for (let i = 0; i < 200; i++) {
    const id = sfId("001", i);
    accounts.push(id);
    const name = i % 25 === 3 ? `Café Lévesque’s – ${i}` : companyName(r, i);
    if (!accentedAccount && name.startsWith("Café")) accentedAccount = { id, name };
    accountRows.push([
      id,
      "false",
      EMPTY_ID,
      name,
      r.pick(["Customer - Direct", "Customer - Channel", "Prospect", ""]),
      EMPTY_ID,
      r.pick(["Montréal", "München", "Austin", ""]),
      r.pick(["QC", "BY", "TX", ""]),
      r.pick(["Canada", "Germany", "United States", ""]),
      r.chance(0.5) ? `(555) 010-${String(i).padStart(4, "0")}` : "",
      r.pick(["Technology", "Retail", "Energy", ""]),
      r.chance(0.5) ? String(r.int(1, 900) * 10000) : "",
      r.pick(users),
      apiTime(instant(r.int(0, 200) + r.next())),
      r.pick(["Web", "Partner Referral", "Phone Inquiry", ""]),
    ]);
  }
  await writeCsv(
    file("Account"),
    [
      "Id",
      "IsDeleted",
      "MasterRecordId",
      "Name",
      "Type",
      "ParentId",
      "BillingCity",
      "BillingState",
      "BillingCountry",
      "Phone",
      "Industry",
      "AnnualRevenue",
      "OwnerId",
      "CreatedDate",
      "AccountSource",
    ],
    accountRows,
    style,
  );

  const oppRows: string[][] = [];
  const historyRows: string[][] = [];
  let deals = 0;
  let deleted = 0;
  let stageRows = 0;
  let repeated: SalesforceExpected["repeatedStageDeal"] | undefined;
  let won = 0;
  let amountCents = 0;
  let withoutAccount = 0;
  const dealsByType: Record<string, number> = {};
  for (let i = 0; i < 900; i++) {
    const id = sfId("006", i);
    const isDeleted = r.chance(0.02);
    const outcome = r.pick(["open", "open", "won", "lost"] as const);
    const reached = r.int(1, STAGES.length);
    const entered: [string, Date][] = [];
    let day = r.int(0, 300) + r.next();
    for (const stage of STAGES.slice(0, reached)) {
      entered.push([stage, instant(day)]);
      day += r.int(1, 15) + r.next();
    }
    if (outcome !== "open") entered.push([outcome === "won" ? "Closed Won" : "Closed Lost", instant(day)]);
    const created = (entered[0] as [string, Date])[1];
    const last = entered[entered.length - 1] as [string, Date];
    const closeDate = outcome === "open" ? instant(day + 30) : last[1];
    const cents = r.int(10, 500) * 1000;
    const account = r.chance(0.05) ? EMPTY_ID : r.pick(accounts);
    const type = r.pick(Object.keys(TYPES));
    oppRows.push([
      id,
      bool(isDeleted),
      account,
      `Opportunity ${i}`,
      last[0],
      money(cents),
      outcome === "won" ? "100" : outcome === "lost" ? "0" : "40",
      isoDate(closeDate),
      type,
      r.pick(["Web", "Partner Referral", "Phone Inquiry", ""]),
      bool(outcome !== "open"),
      bool(outcome === "won"),
      outcome === "won" ? "Closed" : outcome === "lost" ? "Omitted" : "Pipeline",
      r.pick(users),
      apiTime(created),
      String(closeDate.getUTCFullYear()),
      String(Math.floor(closeDate.getUTCMonth() / 3) + 1),
    ]);
    if (isDeleted) {
      deleted++;
      continue;
    }
    deals++;
    amountCents += cents;
    if (outcome === "won") won++;
    if (account === EMPTY_ID) withoutAccount++;
    const canonicalType = TYPES[type] as string;
    dealsByType[canonicalType] = (dealsByType[canonicalType] ?? 0) + 1;
    stageRows += entered.length;
    let previous = "";
    entered.forEach(([stage, at], k) => {
      const history = (when: Date, amount: number) =>
        historyRows.push([
          sfId("008", historyRows.length),
          id,
          r.pick(users),
          apiTime(when),
          stage,
          money(amount),
          isoDate(closeDate),
          "40",
          previous,
          "false",
        ]);
      history(at, cents);
      // An amount change within the stage writes another row with the same stage.
      const next = entered[k + 1];
      if (next && r.chance(0.3)) {
        history(new Date((at.getTime() + next[1].getTime()) / 2), cents + 1000);
        repeated ??= {
          dealId: id,
          stages: entered.map(([st, when]) => ({ stage: st, enteredAt: apiTime(when) })),
        };
      }
      previous = stage;
    });
  }
  await writeCsv(
    file("Opportunity"),
    [
      "Id",
      "IsDeleted",
      "AccountId",
      "Name",
      "StageName",
      "Amount",
      "Probability",
      "CloseDate",
      "Type",
      "LeadSource",
      "IsClosed",
      "IsWon",
      "ForecastCategory",
      "OwnerId",
      "CreatedDate",
      "FiscalYear",
      "FiscalQuarter",
    ],
    oppRows,
    style,
  );
  // Data Export writes rows in no time order: a repeated stage's later row may come first.
  for (let i = historyRows.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [historyRows[i], historyRows[j]] = [historyRows[j] as string[], historyRows[i] as string[]];
  }
  await writeCsv(
    file("OpportunityHistory"),
    [
      "Id",
      "OpportunityId",
      "CreatedById",
      "CreatedDate",
      "StageName",
      "Amount",
      "CloseDate",
      "Probability",
      "FromOpportunityStageName",
      "IsDeleted",
    ],
    historyRows,
    style,
  );

  const leadRows: string[][] = [];
  let converted = 0;
  let disqualified = 0;
  for (let i = 0; i < 400; i++) {
    const { first, last } = personName(r);
    const status = r.pick([
      "Open - Not Contacted",
      "Working - Contacted",
      "Closed - Converted",
      "Closed - Not Converted",
    ]);
    const isConverted = status === "Closed - Converted";
    if (isConverted) converted++;
    if (status === "Closed - Not Converted") disqualified++;
    const created = instant(r.int(0, 300) + r.next());
    leadRows.push([
      sfId("00Q", i),
      "false",
      last,
      first,
      companyName(r, i),
      `${mailName(first, last, i)}@example.com`,
      status,
      r.pick(["Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other", ""]),
      r.pick(users),
      bool(isConverted),
      isConverted
        ? isoDate(instant((created.getTime() - instant(0).getTime()) / 86_400_000 + r.int(1, 40)))
        : "",
      isConverted ? r.pick(accounts) : EMPTY_ID,
      isConverted ? sfId("003", i) : EMPTY_ID,
      apiTime(created),
    ]);
  }
  await writeCsv(
    file("Lead"),
    [
      "Id",
      "IsDeleted",
      "LastName",
      "FirstName",
      "Company",
      "Email",
      "Status",
      "LeadSource",
      "OwnerId",
      "IsConverted",
      "ConvertedDate",
      "ConvertedAccountId",
      "ConvertedContactId",
      "CreatedDate",
    ],
    leadRows,
    style,
  );

  const caseRows: string[][] = [];
  let closedCases = 0;
  for (let i = 0; i < 300; i++) {
    const created = instant(r.int(0, 300) + r.next());
    const status = r.pick(["New", "Working", "Escalated", "Closed", "Closed"]);
    const closed = status === "Closed";
    if (closed) closedCases++;
    caseRows.push([
      sfId("500", i),
      "false",
      String(1000 + i).padStart(8, "0"),
      r.chance(0.1) ? EMPTY_ID : r.pick(accounts),
      status,
      r.pick(["Phone", "Email", "Web"]),
      r.pick(["High", "Medium", "Low"]),
      `Case ${i}: can’t log in`,
      r.pick(users),
      bool(closed),
      closed ? apiTime(instant((created.getTime() - instant(0).getTime()) / 86_400_000 + r.next() * 6)) : "",
      apiTime(created),
    ]);
  }
  await writeCsv(
    file("Case"),
    [
      "Id",
      "IsDeleted",
      "CaseNumber",
      "AccountId",
      "Status",
      "Origin",
      "Priority",
      "Subject",
      "OwnerId",
      "IsClosed",
      "ClosedDate",
      "CreatedDate",
    ],
    caseRows,
    style,
  );

  if (!accentedAccount || !repeated) throw new Error("the seed made no sample account or deal");
  return {
    users: users.length,
    accounts: accounts.length,
    deals,
    deletedDeals: deleted,
    stageRows,
    historyRows: historyRows.length,
    wonDeals: won,
    amountCents,
    dealsWithoutAccount: withoutAccount,
    dealsByType,
    leads: 400,
    convertedLeads: converted,
    disqualifiedLeads: disqualified,
    cases: 300,
    closedCases,
    accentedAccount,
    repeatedStageDeal: repeated,
  };
}

function money(cents: number): string {
  return (cents / 100).toFixed(2);
}
