import path from "node:path";
import {
  companyName,
  instant,
  mailName,
  personName,
  seededRandom,
  sqlTime,
  writeCsv,
} from "./export-writer.js";

/**
 * A Zendesk Support ticket export as CSV, with the column names of the CSV
 * export that third-party re-implementations reproduce (`Id`, `Requester id`,
 * `Via`, `Solved at`, `First reply time in minutes`, ...), times
 * `2024-01-05 10:22:00`. Seeded: the same seed writes the same bytes.
 */

export interface ZendeskExpected {
  readonly tickets: number;
  readonly requesters: number;
  readonly agents: number;
  readonly solved: number;
  readonly closed: number;
  /** Sum over resolved tickets of (Solved at − Created at), in minutes. */
  readonly resolutionMinutes: number;
  /** Sum of First reply time in minutes over tickets that have one. */
  readonly firstReplyMinutes: number;
  readonly byChannel: Readonly<Record<string, number>>;
  /** Each requester's first ticket time: their created_at. */
  readonly firstTicketAt: Readonly<Record<string, string>>;
}

const VIA: Readonly<Record<string, string>> = {
  Mail: "email",
  "Web form": "web",
  Chat: "chat",
  "Phone call (incoming)": "phone",
  Twitter: "social",
  API: "api",
};

export async function generateZendeskExport(dir: string, seed = 41): Promise<ZendeskExpected> {
  const r = seededRandom(seed);
  const agents = ["Ana García", "Kenji Tanaka", "Olivia Smith", "Ivan Novák"];
  const orgs = Array.from({ length: 40 }, (_, i) => companyName(r, i));
  const requesters = Array.from({ length: 200 }, (_, i) => {
    const { first, last } = personName(r);
    return {
      id: String(396331000000 + i * 13),
      name: `${first} ${last}`,
      email: `${mailName(first, last, i)}@example.com`,
      org: r.pick(orgs),
    };
  });
  const rows: string[][] = [];
  const ticketCount = 500;
  let solved = 0;
  let closed = 0;
  let resolutionMinutes = 0;
  let firstReplyMinutes = 0;
  const byChannel: Record<string, number> = {};
  const firstTicket = new Map<string, string>();
  for (let i = 0; i < ticketCount; i++) {
    const requester = requesters[
      i < requesters.length ? i : r.int(0, requesters.length - 1)
    ] as (typeof requesters)[number];
    const created = instant(r.int(0, 330) + r.next());
    const status = r.pick(["New", "Open", "Pending", "On-hold", "Solved", "Solved", "Closed"]);
    const done = status === "Solved" || status === "Closed";
    const replied = status !== "New";
    const firstReply = replied ? r.int(3, 4000) : undefined;
    const resolution = done ? (firstReply ?? 0) + r.int(10, 9000) : undefined;
    if (status === "Solved") solved++;
    if (status === "Closed") closed++;
    if (firstReply !== undefined) firstReplyMinutes += firstReply;
    if (resolution !== undefined) resolutionMinutes += resolution;
    const via = r.pick(Object.keys(VIA));
    const channel = VIA[via] as string;
    byChannel[channel] = (byChannel[channel] ?? 0) + 1;
    const at = sqlTime(created);
    if ((firstTicket.get(requester.id) ?? "9") > at) firstTicket.set(requester.id, at);
    const assignee = replied ? r.pick(agents) : "";
    const solvedAt =
      resolution === undefined ? "" : sqlTime(new Date(created.getTime() + resolution * 60_000));
    rows.push([
      "1",
      String(1000 + i),
      requester.name,
      requester.id,
      "",
      requester.email,
      "example.com",
      requester.name,
      assignee,
      assignee === "" ? "" : "Support",
      `Ticket ${i}: order problem`,
      r.pick(["billing refund", "login", "", "shipping"]),
      status,
      r.pick(["Low", "Normal", "High", "Urgent", ""]),
      via,
      r.pick(["Question", "Incident", "Problem", "Task", ""]),
      at,
      solvedAt || at,
      assignee === "" ? "" : at,
      requester.org,
      "",
      assignee === "" ? "" : at,
      solvedAt,
      resolution === undefined ? "" : String(Math.round(resolution / 60)),
      r.pick(["Not Offered", "Offered", "Good", "Bad"]),
      firstReply === undefined ? "" : String(firstReply),
      resolution === undefined ? "" : String(resolution),
      resolution === undefined ? "" : String(resolution),
    ]);
  }
  await writeCsv(
    path.join(dir, "zendesk-tickets-export.csv"),
    [
      "Summation column",
      "Id",
      "Requester",
      "Requester id",
      "Requester external id",
      "Requester email",
      "Requester domain",
      "Submitter",
      "Assignee",
      "Group",
      "Subject",
      "Tags",
      "Status",
      "Priority",
      "Via",
      "Ticket type",
      "Created at",
      "Updated at",
      "Assigned at",
      "Organization",
      "Due date",
      "Initially assigned at",
      "Solved at",
      "Resolution time",
      "Satisfaction Score",
      "First reply time in minutes",
      "First resolution time in minutes",
      "Full resolution time in minutes",
    ],
    rows,
  );
  return {
    tickets: ticketCount,
    requesters: requesters.length,
    agents: agents.length,
    solved,
    closed,
    resolutionMinutes,
    firstReplyMinutes,
    byChannel,
    firstTicketAt: Object.fromEntries(firstTicket),
  };
}
