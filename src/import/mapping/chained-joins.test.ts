import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordsOf, setupMapping } from "./mapping-test-setup.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-joins-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const files = {
  "reviews.csv": "review_id,order_id,score\nR1,O1,5\nR2,O2,3\nR3,O9,1\nR4,O3,4\n",
  "orders.csv": "order_id,customer_id\nO1,C1\nO2,C2\nO3,C9\n",
  "customers.csv": "customer_id,unique_id\nC1,U1\nC2,U2\n",
};

const mapping = (joins: string) => `
entities:
  survey_responses:
    from: reviews.csv
    join:
${joins}
    columns:
      response_id: review_id
      survey: { const: review }
      score: score
      customer_id: c.unique_id
`;

describe("chained joins", () => {
  it("reads on: alias.column of an earlier join (reviews → orders → customers), counts rows without a match", async () => {
    const { sources } = await setupMapping(
      dir,
      files,
      mapping(`      - { from: orders.csv, key: order_id, as: o }
      - { from: customers.csv, key: customer_id, on: o.customer_id, as: c }`),
    );
    const records = await recordsOf(sources, "survey_responses");
    expect(records.map((r) => [r.values.response_id, r.values.customer_id])).toEqual([
      ["R1", "U1"],
      ["R2", "U2"],
      ["R3", ""],
      ["R4", ""],
    ]);
    expect(sources[0]?.accounting?.().counts).toEqual([
      { rule: "join_unmatched", path: "entities.survey_responses.join.0", rows: 1 },
      { rule: "join_unmatched", path: "entities.survey_responses.join.1", rows: 2 },
    ]);
  });

  it("drops and counts the rows a required join does not match", async () => {
    const { sources } = await setupMapping(
      dir,
      files,
      mapping(`      - { from: orders.csv, key: order_id, as: o, required: true }
      - { from: customers.csv, key: customer_id, on: o.customer_id, as: c, required: true }`),
    );
    const records = await recordsOf(sources, "survey_responses");
    expect(records.map((r) => [r.line, r.values.customer_id])).toEqual([
      [2, "U1"],
      [3, "U2"],
    ]);
    const accounting = sources[0]?.accounting?.();
    expect(accounting).toMatchObject({ rowsRead: 4, recordsYielded: 2, source: "entities.survey_responses" });
    expect(accounting?.counts).toEqual([
      { rule: "join_required", path: "entities.survey_responses.join.0", rows: 1 },
      { rule: "join_required", path: "entities.survey_responses.join.1", rows: 1 },
    ]);
  });

  it("rejects on: naming a later join, before any row is read", async () => {
    await expect(
      setupMapping(
        dir,
        files,
        mapping(`      - { from: customers.csv, key: customer_id, on: o.customer_id, as: c }
      - { from: orders.csv, key: order_id, as: o }`),
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /mapping\.yaml:6 entities\.survey_responses\.join\.0\.on: .*a later join/,
      ),
    });
  });

  it("rejects a column the joined file lacks, naming that file and its columns", async () => {
    await expect(
      setupMapping(
        dir,
        files,
        mapping(`      - { from: orders.csv, key: order_id, as: o }
      - { from: customers.csv, key: customer_id, on: o.client_id, as: c }`),
      ),
    ).rejects.toMatchObject({
      code: "mapping_invalid",
      message: expect.stringMatching(
        /mapping\.yaml:7 entities\.survey_responses\.join\.1\.on: orders\.csv has no column "client_id"; its columns are: order_id, customer_id/,
      ),
    });
  });
});
