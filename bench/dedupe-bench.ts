/**
 * Duplicate detection at 100,000 customers (issue 4: under 10 s). Customers
 * are synthesized with the project generator's people helpers (its name
 * pools, emails, phone styles and name/email variants), 2% of them planted
 * duplicates; the timing covers reading them from DuckDB and clustering.
 */

import { openDuckDB } from "../src/engines/duckdb/duckdb-engine.js";
import { COUNTRIES } from "../src/generator/catalog.js";
import {
  buildNamePools,
  formatPhone,
  makeEmail,
  makePerson,
  makePhone,
  pickPhoneStyle,
  varyEmail,
  varyName,
} from "../src/generator/people.js";
import { Random } from "../src/generator/random.js";
import { loadCustomerIdentities } from "../src/quality/customer-identities.js";
import { findDuplicateClusters } from "../src/quality/find-duplicates.js";

export interface DedupeBenchResult {
  customers: number;
  planted: number;
  clusters: number;
  loadSeconds: number;
  detectSeconds: number;
  /** Planted pairs found / planted pairs. */
  recall: number;
}

export async function benchDedupe(customers = 100_000, seed = 1): Promise<DedupeBenchResult> {
  const random = new Random(seed);
  const pools = buildNamePools(seed);
  const rows: (string | null)[][] = [];
  const planted: [string, string][] = [];
  const base = Date.parse("2023-01-01T00:00:00Z");
  for (let i = 0; i < customers; i++) {
    const id = `B${String(i).padStart(7, "0")}`;
    const created = new Date(base + i * 600_000).toISOString().slice(0, 19).replace("T", " ");
    const original =
      rows.length > 100 && random.chance(0.02) ? rows[random.int(0, rows.length - 1)] : undefined;
    if (original) {
      // A second record of an earlier customer: one field written differently.
      const country = COUNTRIES.find((c) => c.code === original[5]) ?? COUNTRIES[0];
      const language = country?.language ?? "en";
      const copy = [...original];
      copy[0] = id;
      copy[6] = created;
      const which = random.int(0, 2);
      if (which === 0 && copy[2]) copy[2] = varyEmail(copy[2], random);
      else if (which === 1) copy[1] = varyName(copy[1] ?? "", language);
      else copy[2] = null;
      rows.push(copy);
      planted.push([String(original[0]), id]);
      continue;
    }
    const country = random.pick(COUNTRIES);
    const person = makePerson(random, pools, country.language);
    const phone = random.chance(0.8)
      ? formatPhone(makePhone(random, country), country, pickPhoneStyle(random))
      : null;
    const email = random.chance(0.9) ? makeEmail(random, person, country.language, i) : null;
    const company = random.chance(0.5) ? random.pick(pools[country.language].companies) : null;
    rows.push([id, person.name, email, phone, company, country.code, created]);
  }
  const engine = await openDuckDB(":memory:");
  try {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params = chunk.flat();
      const tuples = chunk.map((_, j) => `(${[1, 2, 3, 4, 5, 6, 7].map((k) => `$${j * 7 + k}`).join(", ")})`);
      await engine.execute(
        `INSERT INTO customers (customer_id, name, email, phone, company, country, created_at)
         SELECT a, b, c, d, e, f, CAST(g AS TIMESTAMP) FROM (VALUES ${tuples.join(", ")}) v(a, b, c, d, e, f, g)`,
        params,
      );
    }
    const t0 = performance.now();
    const identities = await loadCustomerIdentities(engine);
    const t1 = performance.now();
    const clusters = findDuplicateClusters(identities);
    const t2 = performance.now();
    const clusterOf = new Map<string, string>();
    for (const c of clusters) for (const id of c.customer_ids) clusterOf.set(id, c.cluster_id);
    const found = planted.filter(
      ([a, b]) => clusterOf.get(a) !== undefined && clusterOf.get(a) === clusterOf.get(b),
    );
    return {
      customers,
      planted: planted.length,
      clusters: clusters.length,
      loadSeconds: (t1 - t0) / 1000,
      detectSeconds: (t2 - t1) / 1000,
      recall: planted.length === 0 ? 1 : found.length / planted.length,
    };
  } finally {
    await engine.close();
  }
}

if (process.argv[1]?.endsWith("dedupe-bench.ts")) {
  console.log(JSON.stringify(await benchDedupe(Number(process.argv[2] ?? 100_000))));
}
