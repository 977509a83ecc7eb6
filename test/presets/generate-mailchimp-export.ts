import { mkdir } from "node:fs/promises";
import path from "node:path";
import { instant, mailName, personName, seededRandom, sqlTime, writeCsv } from "./export-writer.js";

/**
 * A Mailchimp audience export (Audience > All contacts > Export Audience):
 * a folder with subscribed, unsubscribed and cleaned members CSVs, merge
 * fields then MEMBER_RATING, OPTIN_TIME, CONFIRM_TIME, ..., GMTOFF written
 * `'-5` (a spreadsheet's leading apostrophe), LEID, EUID, TAGS; unsubscribed
 * adds UNSUB_TIME..., cleaned adds CLEAN_TIME.... Times `2024-01-05 10:22:00` (UTC). Seeded.
 */

export interface MailchimpExpected {
  readonly subscribedEvents: number;
  readonly unsubscribedEvents: number;
  readonly bouncedEvents: number;
  /** Members with neither OPTIN_TIME nor CONFIRM_TIME: no subscribed event. */
  readonly undated: number;
  readonly sample: { readonly email: string; readonly subscribedAt: string; readonly unsubscribedAt: string };
}

const BASE = ["Email Address", "First Name", "Last Name", "Address", "Phone Number"];
const TAIL = [
  "MEMBER_RATING",
  "OPTIN_TIME",
  "OPTIN_IP",
  "CONFIRM_TIME",
  "CONFIRM_IP",
  "LATITUDE",
  "LONGITUDE",
  "GMTOFF",
  "DSTOFF",
  "TIMEZONE",
  "CC",
  "REGION",
  "LAST_CHANGED",
  "LEID",
  "EUID",
  "NOTES",
  "TAGS",
];

export async function generateMailchimpExport(dir: string, seed = 61): Promise<MailchimpExpected> {
  const r = seededRandom(seed);
  const folder = path.join(dir, "members_export_1a2b3c4d5e");
  await mkdir(folder, { recursive: true });
  const lists = { subscribed: [] as string[][], unsubscribed: [] as string[][], cleaned: [] as string[][] };
  let subscribed = 0;
  let undated = 0;
  let sample: MailchimpExpected["sample"] | undefined;
  for (let i = 0; i < 900; i++) {
    const { first, last } = personName(r);
    const email = `${mailName(first, last, i)}@example.com`;
    const kind = r.pick(["subscribed", "subscribed", "subscribed", "unsubscribed", "cleaned"] as const);
    const optin = instant(r.int(0, 300) + r.next());
    const imported = r.chance(0.05); // added by an import: no opt-in, no confirmation
    const confirmed =
      !imported && r.chance(0.7) ? new Date(optin.getTime() + r.int(1, 600) * 60_000) : undefined;
    if (imported) undated++;
    else subscribed++;
    const left = new Date(optin.getTime() + r.int(2, 200) * 86_400_000);
    const offset = r.pick(["'-5", "'-8", "'1", "'0"]);
    const row = [
      email,
      first,
      last,
      "",
      "",
      String(r.int(1, 5)),
      imported ? "" : sqlTime(optin),
      "",
      confirmed ? sqlTime(confirmed) : "",
      "",
      "",
      "",
      offset,
      offset,
      "",
      r.pick(["US", "DE", "MX", ""]),
      "",
      sqlTime(kind === "subscribed" ? optin : left),
      String(100000 + i),
      `e${(i * 7919).toString(16)}`,
      "",
      r.pick(['"Customers"', "", '"Newsletter","Customers"']),
    ];
    if (kind === "subscribed") lists.subscribed.push(row);
    if (kind === "unsubscribed") {
      lists.unsubscribed.push([...row, sqlTime(left), "Spring sale", "c1a2b3", "NORMAL", ""]);
      if (!sample && !imported) {
        sample = { email, subscribedAt: sqlTime(confirmed ?? optin), unsubscribedAt: sqlTime(left) };
      }
    }
    if (kind === "cleaned") lists.cleaned.push([...row, sqlTime(left), "Spring sale", "c1a2b3"]);
  }
  const file = (kind: string) => path.join(folder, `${kind}_members_export_1a2b3c4d5e.csv`);
  await writeCsv(file("subscribed"), [...BASE, ...TAIL], lists.subscribed);
  await writeCsv(
    file("unsubscribed"),
    [
      ...BASE,
      ...TAIL,
      "UNSUB_TIME",
      "UNSUB_CAMPAIGN_TITLE",
      "UNSUB_CAMPAIGN_ID",
      "UNSUB_REASON",
      "UNSUB_REASON_OTHER",
    ],
    lists.unsubscribed,
  );
  await writeCsv(
    file("cleaned"),
    [...BASE, ...TAIL, "CLEAN_TIME", "CLEAN_CAMPAIGN_TITLE", "CLEAN_CAMPAIGN_ID"],
    lists.cleaned,
  );
  if (!sample) throw new Error("no sample member");
  return {
    subscribedEvents: subscribed,
    unsubscribedEvents: lists.unsubscribed.length,
    bouncedEvents: lists.cleaned.length,
    undated,
    sample,
  };
}
