import { describe, expect, it } from "vitest";
import { type CustomerIdentity, findDuplicateClusters } from "./find-duplicates.js";

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
    expect(clusters[0]?.score).toBe(1);
    expect(clusters[0]?.reason).toContain("same email");
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

  it("does not link namesakes whose emails differ or whose countries differ", () => {
    const clusters = findDuplicateClusters([
      customer("c01", { name: "Michael Brown", email: "a@x.com" }),
      customer("c02", { name: "Michael Brown", email: "b@x.com" }),
      customer("c03", { name: "Ali Rezaei", country: "IR" }),
      customer("c04", { name: "Ali Rezaei", country: "DE" }),
    ]);
    expect(clusters).toEqual([]);
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
    expect(clusters[0]?.score).toBeGreaterThan(0.9);
    expect(clusters[0]?.score).toBeLessThan(1);
  });
});
