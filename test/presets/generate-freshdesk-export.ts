import path from "node:path";
import {
  companyName,
  dayFirstTime,
  instant,
  personName,
  seededRandom,
  sqlTime,
  writeCsv,
} from "./export-writer.js";

/**
 * A Freshdesk ticket export (Tickets > Export, CSV) with the columns of a
 * real export (`Ticket ID`, `Created time`, `Initial response time`,
 * `Time tracked`, `Contact ID`...), file name
 * `<account>_tickets-<Month>-<DD>-<YYYY>-<HH>_<MM>.csv`, day-first times
 * `05/01/2024 9:07` and durations `64:00:00`. Seeded.
 */

export interface FreshdeskExpected {
  readonly tickets: number;
  readonly contacts: number;
  readonly agents: number;
  readonly resolved: number;
  readonly closed: number;
  /** Sum over answered tickets of (Initial response time − Created time), in minutes. */
  readonly firstResponseMinutes: number;
  /** Sum over resolved/closed tickets of (Resolved time − Created time), in minutes. */
  readonly resolutionMinutes: number;
  readonly sample: { readonly ticketId: string; readonly createdAt: string; readonly resolvedAt: string };
}

const hms = (minutes: number): string =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}:00`;

export async function generateFreshdeskExport(dir: string, seed = 53): Promise<FreshdeskExpected> {
  const r = seededRandom(seed);
  const agents = ["Amara Okafor", "Liam Rossi", "Sofía Dubois"];
  const contacts = Array.from({ length: 150 }, (_, i) => {
    const { first, last } = personName(r);
    return {
      id: String(77000000000 + i),
      name: `${first} ${last}`,
      company: r.chance(0.8) ? companyName(r, i % 30) : "",
    };
  });
  const rows: string[][] = [];
  let resolved = 0;
  let closed = 0;
  let firstResponseMinutes = 0;
  let resolutionMinutes = 0;
  let sample: FreshdeskExpected["sample"] | undefined;
  const ticketCount = 400;
  for (let i = 0; i < ticketCount; i++) {
    const contact = contacts[
      i < contacts.length ? i : r.int(0, contacts.length - 1)
    ] as (typeof contacts)[number];
    const created = instant(r.int(0, 330) + r.next());
    const status = r.pick(["Open", "Pending", "Waiting on Customer", "Resolved", "Resolved", "Closed"]);
    const done = status === "Resolved" || status === "Closed";
    if (status === "Resolved") resolved++;
    if (status === "Closed") closed++;
    const responded = status !== "Open" || r.chance(0.5);
    const response = responded ? r.int(5, 3000) : undefined;
    const resolution = done ? (response ?? 0) + r.int(30, 6000) : undefined;
    if (response !== undefined) firstResponseMinutes += response;
    if (resolution !== undefined) resolutionMinutes += resolution;
    const at = (minutes: number | undefined): string =>
      minutes === undefined ? "" : dayFirstTime(new Date(created.getTime() + minutes * 60_000));
    const id = String(5000 + i);
    rows.push([
      id,
      `Ticket ${i}`,
      status,
      r.pick(["Low", "Medium", "High", "Urgent"]),
      r.pick(["Email", "Portal", "Phone", "Chat", "Feedback Widget", "Outbound Email"]),
      r.pick(["Question", "Incident", "Problem", ""]),
      responded ? r.pick(agents) : "",
      "Support",
      dayFirstTime(created),
      at(1440),
      done ? at(resolution) : "",
      status === "Closed" ? at((resolution ?? 0) + 2880) : "",
      at(resolution ?? response ?? 0),
      at(response),
      hms(r.pick([0, 30, 90, 3840])),
      response === undefined ? "" : (response / 60).toFixed(2),
      resolution === undefined ? "" : (resolution / 60).toFixed(2),
      String(r.int(0, 6)),
      String(r.int(1, 6)),
      done ? r.pick(["Within SLA", "SLA Violated"]) : "",
      responded ? r.pick(["Within SLA", "SLA Violated"]) : "",
      r.pick(["refund", "login;billing", ""]),
      "",
      "",
      "",
      "",
      contact.name,
      contact.id,
      contact.company,
    ]);
    if (!sample && resolution !== undefined) {
      const resolvedAt = new Date(created.getTime() + resolution * 60_000);
      sample = { ticketId: id, createdAt: sqlTime(created), resolvedAt: sqlTime(resolvedAt) };
    }
  }
  await writeCsv(
    path.join(dir, "1234567_tickets-January-05-2024-10_22.csv"),
    [
      "Ticket ID",
      "Subject",
      "Status",
      "Priority",
      "Source",
      "Type",
      "Agent",
      "Group",
      "Created time",
      "Due by Time",
      "Resolved time",
      "Closed time",
      "Last update time",
      "Initial response time",
      "Time tracked",
      "First response time (in hrs)",
      "Resolution time (in hrs)",
      "Agent interactions",
      "Customer interactions",
      "Resolution status",
      "First response status",
      "Tags",
      "Survey results",
      "Association type",
      "Product",
      "Every response status",
      "Full name",
      "Contact ID",
      "Company Name",
    ],
    rows,
  );
  if (!sample) throw new Error("no sample ticket");
  return {
    tickets: ticketCount,
    contacts: contacts.length,
    agents: agents.length,
    resolved,
    closed,
    firstResponseMinutes,
    resolutionMinutes,
    sample,
  };
}
