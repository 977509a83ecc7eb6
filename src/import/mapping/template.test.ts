import { describe, expect, it } from "vitest";
import { compileTemplate, slugify } from "./template.js";

const scope = (row: Record<string, string>, vars: Record<string, string> = {}) => ({
  column: (name: string) => row[name],
  variable: (name: string) => vars[name],
});

describe("templates", () => {
  it("joins columns and variables into ids", () => {
    const t = compileTemplate("{opportunity_id}-{product}");
    expect(t.render(scope({ opportunity_id: "Z063", product: "GTX Pro" }))).toBe("Z063-GTX Pro");
    expect(compileTemplate("{$prefix}{id}").render(scope({ id: "7" }, { prefix: "c-" }))).toBe("c-7");
    expect(t.columns).toEqual(["opportunity_id", "product"]);
  });

  it("applies filters: slug, lower, upper, trim", () => {
    expect(compileTemplate("{name|slug}").render(scope({ name: "Acme Corp. (EU)" }))).toBe("acme-corp-eu");
    expect(compileTemplate("{name|upper}").render(scope({ name: "usd" }))).toBe("USD");
    expect(slugify("Café  Müller")).toBe("cafe-muller");
    expect(slugify("شرکت نمونه")).toBe("شرکت-نمونه");
  });

  it("is empty when a placeholder reads an empty cell, so no half ids are made", () => {
    expect(compileTemplate("{a}-{b}").render(scope({ a: "1", b: "" }))).toBe("");
  });

  it("writes literal braces when doubled and rejects malformed templates", () => {
    expect(compileTemplate("{{{a}}}").render(scope({ a: "x" }))).toBe("{x}");
    expect(() => compileTemplate("{a")).toThrow(/unclosed/);
    expect(() => compileTemplate("{a|shout}")).toThrow(/unknown filter "shout"/);
    expect(() => compileTemplate("a}")).toThrow(/stray/);
  });
});
