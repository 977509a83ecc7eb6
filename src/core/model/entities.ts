/**
 * The canonical data model (../shared/spec/DATA_MODEL.md) as data: every
 * importer, validator and schema builder walks these definitions, so a new
 * column is added here once.
 */

/** How a cell is read and stored. */
export type ColumnKind =
  | "id" // string 1..200 chars, compared exactly, trimmed
  | "text" // free text
  | "timestamp" // ISO 8601 instant or local wall-clock time; stored as a UTC instant
  | "date" // a local calendar date (fx rates, spend and quota periods)
  | "money" // exact decimal; converted to the base currency with fx_rates
  | "currency" // ISO 4217 code; empty = the dataset's base currency
  | "enum" // one of `values`
  | "integer"
  | "number" // decimal number read as floating point (probabilities, scores)
  | "decimal"; // exact decimal that is not money (fx rates)

export interface ColumnDef {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly required?: boolean;
  /** Allowed values of an enum column. */
  readonly values?: readonly string[];
  /** Value used when the cell is empty (documented defaults of DATA_MODEL.md). */
  readonly default?: string;
  /** For money columns: the column holding the currency, if any. */
  readonly currencyColumn?: string;
  /** For money columns: which timestamp/date column gives the fx date (first non-empty wins). */
  readonly fxDateColumns?: readonly string[];
  /** Foreign key checked after import; unknown keys are warnings, not errors. */
  readonly references?: { readonly entity: EntityName; readonly column: string };
}

export type EntityName =
  | "customers"
  | "reps"
  | "leads"
  | "deals"
  | "deal_stages"
  | "pipeline_stages"
  | "subscriptions"
  | "orders"
  | "tickets"
  | "survey_responses"
  | "spend"
  | "campaigns"
  | "quotas"
  | "email_events"
  | "fx_rates";

export interface EntityDef {
  readonly name: EntityName;
  readonly columns: readonly ColumnDef[];
  /**
   * Columns that identify a row; re-importing a row with the same key replaces it.
   * Entities without an id use every column they have (a natural key).
   */
  readonly key: readonly string[];
}

const id = (name: string, required = false): ColumnDef => ({ name, kind: "id", required });
const text = (name: string): ColumnDef => ({ name, kind: "text" });
const ts = (name: string, required = false): ColumnDef => ({ name, kind: "timestamp", required });
const ref = (name: string, entity: EntityName, column: string): ColumnDef => ({
  name,
  kind: "id",
  references: { entity, column },
});
const money = (
  name: string,
  fxDateColumns: readonly string[],
  required = false,
  currencyColumn: string | null = "currency",
): ColumnDef => ({
  name,
  kind: "money",
  required,
  fxDateColumns,
  ...(currencyColumn ? { currencyColumn } : {}),
});
const currency: ColumnDef = { name: "currency", kind: "currency" };
const oneOf = (name: string, values: readonly string[], extra: Partial<ColumnDef> = {}): ColumnDef => ({
  name,
  kind: "enum",
  values,
  ...extra,
});

export const ENTITIES: readonly EntityDef[] = [
  {
    name: "customers",
    key: ["customer_id"],
    columns: [
      id("customer_id", true),
      text("name"),
      text("email"),
      text("phone"),
      text("company"),
      text("country"),
      text("region"),
      text("city"),
      text("segment"),
      text("industry"),
      text("acquisition_channel"),
      ref("owner_id", "reps", "rep_id"),
      text("gender"),
      { name: "birth_year", kind: "integer" },
      ts("created_at", true),
      ts("acquired_at"),
    ],
  },
  {
    name: "reps",
    key: ["rep_id"],
    columns: [
      id("rep_id", true),
      text("name"),
      text("email"),
      text("team"),
      text("region"),
      oneOf("role", ["sales", "support", "other"]),
    ],
  },
  {
    name: "leads",
    key: ["lead_id"],
    columns: [
      id("lead_id", true),
      ts("created_at", true),
      text("source"),
      ref("campaign_id", "campaigns", "campaign_id"),
      ref("owner_id", "reps", "rep_id"),
      oneOf("status", ["open", "converted", "disqualified"]),
      ts("converted_at"),
      ref("customer_id", "customers", "customer_id"),
    ],
  },
  {
    name: "deals",
    key: ["deal_id"],
    columns: [
      id("deal_id", true),
      ref("customer_id", "customers", "customer_id"),
      ref("lead_id", "leads", "lead_id"),
      ref("owner_id", "reps", "rep_id"),
      { name: "pipeline", kind: "text", default: "default" },
      oneOf("type", ["new_business", "upsell", "renewal"], { default: "new_business" }),
      money("amount", ["closed_at", "created_at"]),
      currency,
      ts("created_at", true),
      ts("closed_at"),
      oneOf("status", ["open", "won", "lost"], { required: true }),
      text("stage"),
      text("lost_reason"),
    ],
  },
  {
    name: "deal_stages",
    key: ["deal_id", "stage", "entered_at"],
    columns: [
      { ...ref("deal_id", "deals", "deal_id"), required: true },
      id("stage", true),
      ts("entered_at", true),
    ],
  },
  {
    name: "pipeline_stages",
    key: ["pipeline", "stage"],
    columns: [
      { name: "pipeline", kind: "text", default: "default" },
      id("stage", true),
      { name: "position", kind: "integer", required: true },
      { name: "probability", kind: "number" },
    ],
  },
  {
    name: "subscriptions",
    key: ["term_id"],
    columns: [
      id("term_id", true),
      id("subscription_id", true),
      { ...ref("customer_id", "customers", "customer_id"), required: true },
      text("plan"),
      money("amount", ["start_at"], true),
      currency,
      oneOf("interval", ["month", "quarter", "year"], { required: true }),
      ts("start_at", true),
      ts("end_at"),
      ts("canceled_at"),
    ],
  },
  {
    name: "orders",
    key: ["order_id"],
    columns: [
      id("order_id", true),
      { ...ref("customer_id", "customers", "customer_id"), required: true },
      ts("ordered_at", true),
      money("amount", ["ordered_at"], true),
      currency,
      money("cost", ["ordered_at"]),
      text("product"),
      oneOf("type", ["purchase", "upsell", "refund"], { default: "purchase" }),
    ],
  },
  {
    name: "tickets",
    key: ["ticket_id"],
    columns: [
      id("ticket_id", true),
      ref("customer_id", "customers", "customer_id"),
      text("channel"),
      text("priority"),
      ref("assignee_id", "reps", "rep_id"),
      ts("created_at", true),
      ts("first_response_at"),
      ts("resolved_at"),
      oneOf("status", ["open", "resolved", "closed"]),
    ],
  },
  {
    name: "survey_responses",
    key: ["response_id"],
    columns: [
      id("response_id", true),
      oneOf("survey", ["nps", "ces", "csat"], { required: true }),
      ref("customer_id", "customers", "customer_id"),
      ref("ticket_id", "tickets", "ticket_id"),
      text("channel"),
      ts("sent_at"),
      ts("responded_at"),
      { name: "score", kind: "number" },
      { name: "scale_min", kind: "number" },
      { name: "scale_max", kind: "number" },
      text("comment"),
    ],
  },
  {
    name: "spend",
    key: ["date", "period_start", "period_end", "category", "channel", "campaign_id", "amount", "currency"],
    columns: [
      { name: "date", kind: "date" },
      { name: "period_start", kind: "date" },
      { name: "period_end", kind: "date" },
      oneOf("category", ["sales", "marketing"], { required: true }),
      text("channel"),
      ref("campaign_id", "campaigns", "campaign_id"),
      money("amount", ["date", "period_start"], true),
      currency,
    ],
  },
  {
    name: "campaigns",
    key: ["campaign_id"],
    columns: [
      id("campaign_id", true),
      text("name"),
      text("channel"),
      ts("start_at"),
      ts("end_at"),
      money("budget", ["start_at"], false, null),
    ],
  },
  {
    name: "quotas",
    key: ["rep_id", "team", "period_start", "period_end"],
    columns: [
      ref("rep_id", "reps", "rep_id"),
      text("team"),
      { name: "period_start", kind: "date", required: true },
      { name: "period_end", kind: "date", required: true },
      money("amount", ["period_start"], true),
      currency,
    ],
  },
  {
    name: "email_events",
    key: ["email", "list_id", "event", "at"],
    columns: [
      { name: "email", kind: "text", required: true },
      { name: "list_id", kind: "text", default: "default" },
      oneOf("event", ["subscribed", "unsubscribed", "bounced", "complained"], { required: true }),
      ts("at", true),
    ],
  },
  {
    name: "fx_rates",
    key: ["date", "currency"],
    columns: [
      { name: "date", kind: "date", required: true },
      { name: "currency", kind: "currency", required: true },
      { name: "rate", kind: "decimal", required: true },
    ],
  },
];

const byName = new Map(ENTITIES.map((e) => [e.name, e]));

export function entityDef(name: EntityName): EntityDef {
  const def = byName.get(name);
  if (!def) throw new Error(`unknown entity ${name}`);
  return def;
}

export function isEntityName(name: string): name is EntityName {
  return byName.has(name as EntityName);
}

/** Entities in the order they must be imported (fx rates first: money columns need them). */
export const IMPORT_ORDER: readonly EntityName[] = [
  "fx_rates",
  "reps",
  "campaigns",
  "customers",
  "leads",
  "pipeline_stages",
  "deals",
  "deal_stages",
  "subscriptions",
  "orders",
  "tickets",
  "survey_responses",
  "spend",
  "quotas",
  "email_events",
];
