import path from "node:path";
import {
  companyName,
  dollars,
  instant,
  personName,
  seededRandom,
  sqlTime,
  usDate,
  usTime,
  writeCsv,
} from "./export-writer.js";

/**
 * A Pipedrive deals list-view export (Deals > list view > ... > Export filter
 * results) opened and re-saved by a US spreadsheet: `Deal - Value` written
 * `"$3,000"`, times `1/5/2024 9:07` (M/D/YYYY, no padding), statuses
 * `Open`/`Won`/`Lost`, entity-prefixed headers (`Deal - ID`,
 * `Organization - ID`...). Seeded: the same seed writes the same bytes.
 */

export const PIPEDRIVE_OWNERS = ["Avery Morgan", "Jordan Lee", "Sam Rivera", "Priya Natarajan"];
const STAGES = ["Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"];

export interface PipedriveExpected {
  readonly deals: number;
  readonly organizations: number;
  readonly reps: number;
  readonly wonDeals: number;
  readonly lostDeals: number;
  readonly amountCents: number;
  readonly wonAmountCents: number;
  /** Each organization's earliest deal add time (`2024-01-05 09:07:00`). */
  readonly firstDealAt: Readonly<Record<string, string>>;
  readonly sample: { readonly dealId: string; readonly closedAt: string; readonly amount: string };
}

export async function generatePipedriveExport(dir: string, seed = 23): Promise<PipedriveExpected> {
  const r = seededRandom(seed);
  const orgs = Array.from({ length: 120 }, (_, i) => ({ id: String(401000 + i), name: companyName(r, i) }));
  const firstDealAt: Record<string, Date> = {};
  const dealRows: string[][] = [];
  let won = 0;
  let lost = 0;
  let amountCents = 0;
  let wonAmountCents = 0;
  let sample: PipedriveExpected["sample"] | undefined;
  const dealCount = 600;
  for (let i = 0; i < dealCount; i++) {
    // every organization has a deal; a few deals have none
    const org = i < orgs.length ? orgs[i] : r.chance(0.05) ? undefined : r.pick(orgs);
    const { first, last } = personName(r);
    const added = instant(r.int(0, 330) + r.next());
    const status = r.pick(["Open", "Open", "Won", "Lost"] as const);
    const closed = instant((added.getTime() - instant(0).getTime()) / 86_400_000 + r.int(3, 90) + r.next());
    const cents = r.int(1, 400) * 500 * (r.chance(0.1) ? 1 : 100) + (r.chance(0.1) ? 50 : 0);
    amountCents += cents;
    if (status === "Won") {
      won++;
      wonAmountCents += cents;
    }
    if (status === "Lost") lost++;
    if (org && (!firstDealAt[org.id] || added < (firstDealAt[org.id] as Date))) firstDealAt[org.id] = added;
    const id = String(601000 + i);
    dealRows.push([
      id,
      `${org?.name ?? "Walk-in"} deal ${i}`,
      dollars(cents),
      "USD",
      r.pick(STAGES),
      r.pick(["Sales", "Partners"]),
      status,
      status === "Open" ? String(r.int(10, 90)) : "",
      org?.name ?? "",
      org?.id ?? "",
      `${first} ${last}`,
      String(501000 + i),
      PIPEDRIVE_OWNERS[i % PIPEDRIVE_OWNERS.length] as string,
      usTime(added),
      status === "Won" ? usTime(closed) : "",
      status === "Lost" ? usTime(closed) : "",
      status === "Lost" ? r.pick(["Price", "No budget", "Went with competitor"]) : "",
      usDate(closed),
    ]);
    if (!sample && status === "Won" && cents % 100 !== 0 && cents >= 100_000) {
      sample = { dealId: id, closedAt: sqlTime(closed), amount: (cents / 100).toFixed(2) };
    }
  }
  await writeCsv(
    path.join(dir, "deals-export.csv"),
    [
      "Deal - ID",
      "Deal - Title",
      "Deal - Value",
      "Deal - Currency",
      "Deal - Stage",
      "Deal - Pipeline",
      "Deal - Status",
      "Deal - Probability",
      "Organization - Name",
      "Organization - ID",
      "Person - Name",
      "Person - ID",
      "Deal - Owner",
      "Deal - Add time",
      "Deal - Won time",
      "Deal - Lost time",
      "Deal - Lost reason",
      "Deal - Expected close date",
    ],
    dealRows,
    { eol: "\r\n" },
  );
  if (!sample) throw new Error("no sample deal");
  return {
    deals: dealCount,
    organizations: orgs.length,
    reps: PIPEDRIVE_OWNERS.length,
    wonDeals: won,
    lostDeals: lost,
    amountCents,
    wonAmountCents,
    firstDealAt: Object.fromEntries(Object.entries(firstDealAt).map(([k, v]) => [k, sqlTime(v)])),
    sample,
  };
}
