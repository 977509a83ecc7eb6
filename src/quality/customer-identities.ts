import type { Engine } from "../core/engine.js";
import { isoSeconds } from "../core/sql/timestamp-text.js";
import type { CustomerIdentity } from "./find-duplicates.js";

/** The identity fields of every customer, oldest first. */
export async function loadCustomerIdentities(engine: Engine): Promise<CustomerIdentity[]> {
  const rows = await engine.query({
    sql: `SELECT customer_id, name, email, phone, company, country, city, region, segment, created_at
      FROM customers ORDER BY created_at, ${engine.dialect.binaryOrder("customer_id")}`,
    params: [],
  });
  return rows.map((r) => ({
    customer_id: String(r.customer_id),
    name: textOrNull(r.name),
    email: textOrNull(r.email),
    phone: textOrNull(r.phone),
    company: textOrNull(r.company),
    country: textOrNull(r.country),
    city: textOrNull(r.city),
    region: textOrNull(r.region),
    segment: textOrNull(r.segment),
    created_at: r.created_at === null || r.created_at === undefined ? null : isoSeconds(String(r.created_at)),
  }));
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}
