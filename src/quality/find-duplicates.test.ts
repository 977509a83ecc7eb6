import { describe, expect, it } from "vitest";
import { type CustomerIdentity, findDuplicateClusters } from "./find-duplicates.js";
import { DEFAULT_MATCH_WEIGHT } from "./linkage/thresholds.js";

const customer = (
  id: string,
  fields: Partial<CustomerIdentity>,
  createdAt = `2024-01-${id.slice(-2)}`,
): CustomerIdentity => ({
  customer_id: id,
  name: null,
  email: null,
  phone: null,
  company: null,
  country: null,
  created_at: createdAt,
  ...fields,
});

describe("findDuplicateClusters", () => {
  it("links equal normalized emails and keeps the earliest record first", () => {
    const clusters = findDuplicateClusters([
      customer("c02", { name: "Wang Yan", email: "WANG.yan@GMAIL.com" }),
      customer("c01", { name: "王艳", email: "wang.yan@gmail.com" }),
      customer("c03", { name: "Other", email: "other@gmail.com" }),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.customer_ids).toEqual(["c01", "c02"]);
    // The names in two scripts disagree, which lowers the odds but not below the match threshold.
    expect(clusters[0]?.band).toBe("match");
    expect(clusters[0]?.score).toBeGreaterThan(0.9);
    expect(clusters[0]?.reason).toContain("same email");
    const email = clusters[0]?.pairs[0]?.fields.find((f) => f.field === "email");
    expect(email).toMatchObject({ level: "normalized", a: "WANG.yan@GMAIL.com", b: "wang.yan@gmail.com" });
    expect(email?.weight).toBeGreaterThan(0);
  });

  it("links a national and an international phone of one country", () => {
    const clusters = findDuplicateClusters([
      customer("c01", { phone: "09392694985", country: "IR" }),
      customer("c02", { phone: "0098-939-2694985", country: "IR" }),
    ]);
    expect(clusters[0]?.rules).toEqual(["phone"]);
  });

  it("links Persian and Arabic spellings of one name at one company", () => {
    const clusters = findDuplicateClusters([
      customer("c01", {
        name: "یوسف یزدانی",
        company: "شرکت پیشگامان یکتا",
        country: "IR",
        email: "y@mail.ir",
      }),
      customer("c02", { name: "يوسف يزداني", company: "شرکت پیشگامان یکتا", country: "IR" }),
    ]);
    expect(clusters[0]?.customer_ids).toEqual(["c01", "c02"]);
    expect(clusters[0]?.rules).toEqual(["name_company"]);
  });

  it("does not call namesakes whose emails differ or whose countries differ duplicates", () => {
    const clusters = findDuplicateClusters([
      customer("c01", { name: "Michael Brown", email: "a@x.com" }),
      customer("c02", { name: "Michael Brown", email: "b@x.com" }),
      customer("c03", { name: "Ali Rezaei", country: "IR" }),
      customer("c04", { name: "Ali Rezaei", country: "DE" }),
    ]);
    expect(clusters.filter((c) => c.band === "match")).toEqual([]);
    for (const c of clusters) {
      expect(c.cluster_id).toMatch(/^review-/);
      expect(c.weight).toBeLessThan(DEFAULT_MATCH_WEIGHT);
    }
  });

  it("keeps namesakes at one company apart when their contact details and places differ", () => {
    const clusters = findDuplicateClusters([
      customer("c01", {
        name: "Sara Ahmadi",
        company: "Initech",
        email: "sara1@x.com",
        city: "Tehran",
        segment: "smb",
      }),
      customer("c02", {
        name: "Sara Ahmadi",
        company: "Initech",
        email: "sara2@y.com",
        city: "Shiraz",
        segment: "enterprise",
      }),
    ]);
    expect(clusters.filter((c) => c.band === "match")).toEqual([]);
  });

  it("puts weak links in the review band and lets options move the thresholds", () => {
    const records = [
      customer("c01", { name: "Jonathan Smith", company: "Initech", email: "j@x.com" }),
      customer("c02", { name: "Jonathan Smith", company: "Initech", email: "j@y.com" }),
    ];
    const [weakest] = findDuplicateClusters(records, { matchWeight: 1000, reviewWeight: -1000 });
    expect(weakest?.band).toBe("review");
    const weight = weakest?.weight ?? 0;
    expect(findDuplicateClusters(records, { matchWeight: weight - 0.01 })[0]?.band).toBe("match");
    expect(findDuplicateClusters(records, { matchWeight: weight + 1, reviewWeight: weight + 0.5 })).toEqual(
      [],
    );
    const pair = weakest?.pairs[0];
    expect(pair?.band).toBe("review");
    expect(pair?.probability).toBeCloseTo(1 / (1 + 2 ** -(pair?.weight ?? 0)), 3);
    // The pair's weight is the prior plus its fields' weights.
    const sum = pair?.fields.reduce((s, f) => s + f.weight, 0) ?? 0;
    expect(pair?.fields.find((f) => f.field === "email")?.level).toBe("different");
    expect(pair?.fields.find((f) => f.field === "email")?.weight).toBeLessThan(0);
    expect(pair?.fields.find((f) => f.field === "phone")).toMatchObject({ level: "missing", weight: 0 });
    expect(Math.abs((pair?.weight ?? 0) - sum)).toBeGreaterThan(0);
  });

  it("counts a disagreement as evidence against and a missing value as no evidence", () => {
    const base = { name: "Jonathan Smith", company: "Initech", email: "j@x.com" };
    const weightWith = (city2: string | null) =>
      findDuplicateClusters(
        [
          customer("c01", { ...base, city: "Austin" }),
          customer("c02", { ...base, email: "J@X.COM", city: city2 }),
          customer("c03", { name: "Other Person", email: "o@y.com", city: "Boston" }),
        ],
        { reviewWeight: -1000 },
      )[0]?.pairs[0];
    const same = weightWith("Austin");
    const missing = weightWith(null);
    const different = weightWith("Boston");
    const city = (p: typeof same) => p?.fields.find((f) => f.field === "city");
    expect(city(missing)).toMatchObject({ level: "missing", weight: 0 });
    expect(city(different)?.level).toBe("different");
    expect(city(different)?.weight ?? 0).toBeLessThan(0);
    expect(same?.weight ?? 0).toBeGreaterThan(missing?.weight ?? 0);
    expect(missing?.weight ?? 0).toBeGreaterThan(different?.weight ?? 0);
  });

  it("links through chains into one cluster", () => {
    const clusters = findDuplicateClusters([
      customer("c01", { email: "a@x.com", phone: "+1 212 555 0100", country: "US" }),
      customer("c02", { email: "A@X.COM" }),
      customer("c03", { phone: "(212) 555-0100", country: "US" }),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.customer_ids).toEqual(["c01", "c02", "c03"]);
    expect(clusters[0]?.rules).toEqual(["email", "phone"]);
  });

  it("catches a typo in a name at the same company", () => {
    const clusters = findDuplicateClusters([
      customer("c01", { name: "Jonathan Smith", company: "Initech" }),
      customer("c02", { name: "Jonathon Smith", company: "Initech Inc." }),
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.band).toBe("match");
    expect(clusters[0]?.pairs[0]?.fields.find((f) => f.field === "name")?.level).toBe("fuzzy");
    expect(clusters[0]?.score).toBeGreaterThan(0.9);
    expect(clusters[0]?.score).toBeLessThan(1);
  });
});
