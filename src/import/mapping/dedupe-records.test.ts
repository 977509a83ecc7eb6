import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordsOf, setupMapping } from "./mapping-test-setup.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-dedupe-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const contacts = [
  "id,email,updated",
  "1,Ann@Example.com,2024-03-01",
  "2,bob@example.com,2024-01-01",
  "3, ann@example.com ,2024-05-01",
  "4,ANN@EXAMPLE.COM,2024-02-01",
  "5,,2024-01-01",
  "6,bob@example.com,",
].join("\n");

const withRule = (rule: string) => `
entities:
  customers:
    from: contacts.csv
    dedupe: ${rule}
    columns: { customer_id: id, email: email, created_at: updated }
`;

async function kept(rule: string): Promise<string[]> {
  const { sources } = await setupMapping(dir, { "contacts.csv": contacts }, withRule(rule));
  return (await recordsOf(sources, "customers")).map((r) => r.values.customer_id ?? "");
}

describe("dedupe rules", () => {
  it("keeps the first, the last, the earliest or the latest record per key, case-insensitively when asked", async () => {
    expect(await kept("{ key: [email], ignore_case: true }")).toEqual(["1", "2", "5"]);
    expect(await kept("{ key: [email], keep: last, ignore_case: true }")).toEqual(["4", "6", "5"]);
    // An empty `by` never wins: bob's record 6 has no date.
    expect(await kept("{ key: [email], keep: latest, by: created_at, ignore_case: true }")).toEqual([
      "3",
      "2",
      "5",
    ]);
    expect(await kept("{ key: [email], keep: earliest, by: created_at, ignore_case: true }")).toEqual([
      "4",
      "2",
      "5",
    ]);
    // Without ignore_case, only bob's exact repeats are one key.
    expect(await kept("{ key: [email] }")).toEqual(["1", "2", "3", "4", "5"]);
    // The old forms still mean "first".
    expect(await kept("[email]")).toEqual(["1", "2", "3", "4", "5"]);
    expect(await kept("true")).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("counts the records it dropped", async () => {
    const { sources } = await setupMapping(
      dir,
      { "contacts.csv": contacts },
      withRule("{ key: [email], keep: latest, by: created_at, ignore_case: true }"),
    );
    await recordsOf(sources, "customers");
    expect(sources[0]?.accounting?.()).toMatchObject({
      rowsRead: 6,
      recordsYielded: 3,
      counts: [{ rule: "dedupe", path: "entities.customers.dedupe", rows: 3 }],
    });
  });

  it("checks key and by against the columns the source fills", async () => {
    await expect(
      setupMapping(dir, { "contacts.csv": contacts }, withRule("{ key: [email], keep: latest }")),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(/entities\.customers\.dedupe\.by: keep: latest needs by:/),
    });
    await expect(
      setupMapping(
        dir,
        { "contacts.csv": contacts },
        withRule("{ key: [email], keep: latest, by: updated }"),
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /mapping\.yaml:5 entities\.customers\.dedupe\.by: "updated" is not a column this source fills/,
      ),
    });
    await expect(
      setupMapping(dir, { "contacts.csv": contacts }, withRule("{ key: [mail] }")),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(/entities\.customers\.dedupe\.key\.0: "mail" is not a column/),
    });
  });
});
