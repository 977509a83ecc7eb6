import { describe, expect, it } from "vitest";
import { candidatePairs } from "./blocking.js";
import {
  compareField,
  DIFFERENT,
  EXACT,
  FUZZY,
  MISSING,
  NORMALIZED,
  prepareRecord,
} from "./compare-fields.js";
import type { CustomerIdentity } from "./types.js";
import { LINKAGE_FIELDS } from "./types.js";

const person = (id: number, fields: Partial<CustomerIdentity> = {}): CustomerIdentity => ({
  customer_id: `c${id}`,
  name: `Person${id} Family${id % 97}`,
  email: `p${id}@example.com`,
  phone: null,
  company: null,
  country: "US",
  created_at: null,
  ...fields,
});

describe("candidatePairs", () => {
  it("compares records that share a key, never all pairs", () => {
    const records = Array.from({ length: 2000 }, (_, i) => prepareRecord(person(i)));
    records.push(prepareRecord(person(5000, { email: "P1@example.com", name: "Someone Else" })));
    const pairs = candidatePairs(records, 500);
    const all = (records.length * (records.length - 1)) / 2;
    expect(pairs.count).toBeLessThan(all / 100);
    const found = Array.from({ length: pairs.count }, (_, i) => `${pairs.left[i]}-${pairs.right[i]}`);
    expect(found).toContain("1-2000");
    expect(new Set(found).size).toBe(found.length);
  });

  it("skips blocks larger than the cap", () => {
    const records = Array.from({ length: 50 }, (_, i) =>
      prepareRecord(person(i, { name: "Same Name", email: null })),
    );
    expect(candidatePairs(records, 10)).toMatchObject({ count: 0 });
    expect(candidatePairs(records, 100).count).toBe((50 * 49) / 2);
  });
});

describe("compareField", () => {
  const field = (name: (typeof LINKAGE_FIELDS)[number]) => LINKAGE_FIELDS.indexOf(name);
  it("tells exact, normalized, fuzzy, different and missing apart", () => {
    const a = prepareRecord(person(1, { name: "یوسف یزدانی", phone: "+98 912 345 6789", country: "IR" }));
    const b = prepareRecord(person(2, { name: "يوسف يزداني", phone: "0098-912-3456789", country: "IR" }));
    const c = prepareRecord(person(3, { name: "یوسف یزدانیان", phone: null, country: "IR" }));
    expect(compareField(field("name"), a, a)).toBe(EXACT);
    expect(compareField(field("name"), a, b)).toBe(NORMALIZED);
    expect(compareField(field("phone"), a, b)).toBe(NORMALIZED);
    expect(compareField(field("name"), a, c)).toBe(FUZZY);
    expect(compareField(field("email"), a, b)).toBe(DIFFERENT);
    expect(compareField(field("phone"), a, c)).toBe(MISSING);
  });
});
