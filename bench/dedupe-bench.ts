/**
 * Duplicate detection at 100,000 customers (issues 4 and 9: under 10 s).
 * Customers are synthesized with the project generator's people helpers (its
 * name pools, emails, phone styles and name/email variants), 2% of them
 * planted duplicates and a tenth namesakes (an earlier person's full name,
 * often at their company, with their own email, phone, city and segment);
 * the timing covers reading them from DuckDB and clustering.
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
  /** Pairs of one person's records called duplicates / all such pairs (match band). */
  recall: number;
  /** Pairs of one person's records / pairs called duplicates (match band). */
  precision: number;
  namesakes: number;
  /** Clusters in the review band (shown, not counted). */
  reviewClusters: number;
}

const SEGMENTS = ["consumer", "smb", "mid-market", "enterprise"];

export async function benchDedupe(customers = 100_000, seed = 1): Promise<DedupeBenchResult> {
  const random = new Random(seed);
  const pools = buildNamePools(seed);
  const rows: (string | null)[][] = [];
  const planted: [string, string][] = [];
  let namesakes = 0;
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
      copy[9] = created;
      const which = random.int(0, 2);
      if (which === 0 && copy[2]) copy[2] = varyEmail(copy[2], random);
      else if (which === 1) copy[1] = varyName(copy[1] ?? "", language);
      else copy[2] = null;
      rows.push(copy);
      planted.push([String(original[0]), id]);
      continue;
    }
    const country = random.pick(COUNTRIES);
    const drawn = makePerson(random, pools, country.language);
    const phone = random.chance(0.8)
      ? formatPhone(makePhone(random, country), country, pickPhoneStyle(random))
      : null;
    let company = random.chance(0.5) ? random.pick(pools[country.language].companies) : null;
    const city = random.chance(0.85) ? random.pick(country.cities) : null;
    const segment = random.pick(SEGMENTS);
    // A namesake: an earlier person of the same language's full name, often at their company.
    let twin: (string | null)[] | undefined;
    if (rows.length > 100 && random.chance(0.1)) {
      const from = random.int(0, rows.length - 1);
      for (let k = from; k < rows.length && k < from + 200 && !twin; k++) {
        if (rows[k]?.[5] === country.code) twin = rows[k];
      }
    }
    const name = twin?.[1] ?? drawn.name;
    if (twin) {
      namesakes++;
      if (twin[4] && random.chance(0.7)) company = twin[4];
    }
    const email = random.chance(0.9) ? makeEmail(random, drawn, country.language, i) : null;
    rows.push([id, name, email, phone, company, country.code, country.region, city, segment, created]);
  }
  const engine = await openDuckDB(":memory:");
  try {
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const params = chunk.flat();
      const width = 10;
      const tuples = chunk.map(
        (_, j) => `(${Array.from({ length: width }, (_, k) => `$${j * width + k + 1}`).join(", ")})`,
      );
      await engine.execute(
        `INSERT INTO customers (customer_id, name, email, phone, company, country, region, city, segment, created_at)
         SELECT a, b, c, d, e, f, g, h, i, CAST(j AS TIMESTAMP)
         FROM (VALUES ${tuples.join(", ")}) v(a, b, c, d, e, f, g, h, i, j)`,
        params,
      );
    }
    const t0 = performance.now();
    const identities = await loadCustomerIdentities(engine);
    const t1 = performance.now();
    const all = findDuplicateClusters(identities);
    const t2 = performance.now();
    const clusters = all.filter((c) => c.band === "match");
    // One person entered three times is planted as two pairs; pairwise truth is every pair of a person's records.
    const person = new Map<string, string>();
    for (const [a, b] of planted) person.set(b, person.get(a) ?? a);
    const personOf = (id: string) => person.get(id) ?? id;
    let calledPairs = 0;
    let truePairs = 0;
    for (const c of clusters) {
      const ids = c.customer_ids;
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          calledPairs++;
          if (personOf(ids[i] as string) === personOf(ids[j] as string)) truePairs++;
        }
      }
    }
    const recordsOf = new Map<string, number>();
    for (const [a] of planted) recordsOf.set(personOf(a), 1);
    for (const [, b] of planted) recordsOf.set(personOf(b), (recordsOf.get(personOf(b)) ?? 1) + 1);
    let plantedPairs = 0;
    for (const n of recordsOf.values()) plantedPairs += (n * (n - 1)) / 2;
    return {
      customers,
      planted: planted.length,
      clusters: clusters.length,
      loadSeconds: (t1 - t0) / 1000,
      detectSeconds: (t2 - t1) / 1000,
      recall: plantedPairs === 0 ? 1 : truePairs / plantedPairs,
      precision: calledPairs === 0 ? 1 : truePairs / calledPairs,
      namesakes,
      reviewClusters: all.length - clusters.length,
    };
  } finally {
    await engine.close();
  }
}

if (process.argv[1]?.endsWith("dedupe-bench.ts")) {
  console.log(JSON.stringify(await benchDedupe(Number(process.argv[2] ?? 100_000))));
}
