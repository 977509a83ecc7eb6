import { z } from "zod";

/** Dataset settings (`crm-kpi.json` beside the data, or flags). See DATA_MODEL.md. */
export const CALENDARS = ["gregorian", "persian", "islamic-umalqura"] as const;
export type CalendarId = (typeof CALENDARS)[number];

/** Other names users write for a calendar: the Persian calendar is the Jalali (Solar Hijri) one. */
export const CALENDAR_ALIASES: Readonly<Record<string, CalendarId>> = {
  jalali: "persian",
  "solar-hijri": "persian",
  "umm-al-qura": "islamic-umalqura",
};

/** The calendar a name or alias stands for (unknown names unchanged, so validation names them). */
export function canonicalCalendar(name: string): string {
  return CALENDAR_ALIASES[name.toLowerCase()] ?? name;
}

export const WEEKDAYS = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const ACTIVITY_MODES = ["auto", "subscription", "purchase"] as const;
export type ActivityMode = (typeof ACTIVITY_MODES)[number];

const durationPattern = /^\d+[dwmy]$/;

export const datasetSettingsSchema = z.object({
  base_currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "an ISO 4217 code such as USD")
    .default("USD"),
  timezone: z.string().refine(isKnownTimeZone, "an IANA time zone such as Asia/Tehran").default("UTC"),
  calendar: z
    .preprocess((v) => (typeof v === "string" ? canonicalCalendar(v) : v), z.enum(CALENDARS))
    .default("gregorian"),
  week_start: z.enum(WEEKDAYS).default("monday"),
  fiscal_year_start_month: z.number().int().min(1).max(12).default(1),
  activity: z.enum(ACTIVITY_MODES).default("auto"),
  inactivity_days: z.number().int().positive().default(365),
  renewal_grace_days: z.number().int().nonnegative().default(30),
  new_revenue_window: z
    .string()
    .refine(
      (v) => v === "first_order" || durationPattern.test(v),
      "first_order or a duration such as 30d, 1y",
    )
    .default("first_order"),
});

export type DatasetSettings = z.infer<typeof datasetSettingsSchema>;

export const DEFAULT_SETTINGS: DatasetSettings = datasetSettingsSchema.parse({});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
