import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CrmKpiError } from "../../core/errors.js";
import { mappedSources, parseMapping } from "./index.js";

function problemOf(text: string): CrmKpiError {
  try {
    parseMapping(text, "m.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(CrmKpiError);
    return error as CrmKpiError;
  }
  throw new Error("the mapping was accepted");
}

describe("mapping validation", () => {
  it("names the file, line and key path of an unknown key", () => {
    const error = problemOf("entities:\n  deals:\n    from: a.csv\n    colums:\n      deal_id: id\n");
    expect(error.code).toBe("mapping_invalid");
    expect(error.place).toMatchObject({ file: "m.yaml", line: 2, column: "entities.deals" });
    expect(error.message).toMatch(/unknown key "colums"/);
  });

  it("rejects unknown entities and columns, listing what exists", () => {
    const entity = problemOf("entities:\n  opportunities: { from: a.csv, columns: { id: x } }\n");
    expect(entity.params.path).toBe("entities.opportunities");
    expect(entity.message).toMatch(/use one of .*deals/);
    const column = problemOf("entities:\n  deals:\n    from: a.csv\n    columns:\n      value: x\n");
    expect(column.params.path).toBe("entities.deals.columns.value");
    expect(column.place?.line).toBe(5);
    expect(column.message).toMatch(/deals has no column "value".*amount/);
  });

  it("keeps list indexes in paths when an entity has several sources", () => {
    const error = problemOf(
      "entities:\n  customers:\n    - { from: a.csv, columns: { customer_id: id } }\n    - { from: b.csv, columns: { nope: id } }\n",
    );
    expect(error.params.path).toBe("entities.customers.1.columns.nope");
    expect(error.place?.line).toBe(4);
  });

  it("explains bad column rules, expressions, templates, formats and variables", () => {
    const both = problemOf(
      "entities:\n  deals: { from: a.csv, columns: { deal_id: { column: a, const: b } } }\n",
    );
    expect(both.message).toMatch(/exactly one of column, const, template or expr/);
    const expr = problemOf("entities:\n  deals: { from: a.csv, where: \"stage = = 'Won'\" }\n");
    expect(expr.params.path).toBe("entities.deals.where");
    expect(expr.message).toMatch(/at character 9/);
    const template = problemOf(
      "entities:\n  deals: { from: a.csv, columns: { deal_id: { template: '{a' } } }\n",
    );
    expect(template.message).toMatch(/unclosed/);
    const format = problemOf(
      "entities:\n  deals: { from: a.csv, columns: { created_at: { column: a, format: 'dd/MM' } } }\n",
    );
    expect(format.params.path).toBe("entities.deals.columns.created_at.format");
    const calendar = problemOf(
      "entities:\n  deals: { from: a.csv, columns: { created_at: { column: a, format: { pattern: yyyy/MM/dd, calendar: jalali } } } }\n",
    );
    expect(calendar.params.path).toMatch(/created_at\.format/);
    const variable = problemOf(
      "entities:\n  deals: { from: a.csv, columns: { created_at: { expr: '$start' } } }\n",
    );
    expect(variable.message).toMatch(/unknown variable \$start; define it under vars/);
  });

  it("checks the settings block against the dataset settings", () => {
    const error = problemOf(
      "settings: { timezone: Mars/Olympus }\nentities:\n  customers: { from: a.csv }\n",
    );
    expect(error.params.path).toBe("settings.timezone");
    expect(error.message).toMatch(/IANA/);
    const unknown = problemOf("settings: { currency: USD }\nentities:\n  customers: { from: a.csv }\n");
    expect(unknown.message).toMatch(/unknown key "currency"/);
  });

  it("reports YAML syntax errors with their line, and accepts JSON mappings", () => {
    const error = problemOf("entities:\n  deals:\n    from: [a.csv\n");
    expect(error.place?.line).toBeGreaterThanOrEqual(3);
    const ok = parseMapping(
      JSON.stringify({ entities: { reps: { from: "r.json", columns: { rep_id: "id" } } } }),
      "m.json",
    );
    expect(ok.sources.map((s) => [s.entity, s.type])).toEqual([["reps", "json"]]);
  });
});

describe("mapping checks against the data folder", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-mapping-"));
    await writeFile(path.join(dir, "c.csv"), "id,created\nc1,2024-01-01\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function problemIn(mapping: string): Promise<CrmKpiError> {
    await writeFile(path.join(dir, "m.yaml"), mapping);
    try {
      await mappedSources(path.join(dir, "m.yaml"), dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CrmKpiError);
      return error as CrmKpiError;
    }
    throw new Error("the mapping was accepted");
  }

  it("names a source column the CSV header lacks, and lists the header", async () => {
    const error = await problemIn(
      "entities:\n  customers:\n    from: c.csv\n    columns:\n      customer_id: id\n      created_at: { column: created_on }\n",
    );
    expect(error.code).toBe("mapping_invalid");
    expect(error.params.path).toBe("entities.customers.columns.created_at.column");
    expect(error.place?.line).toBe(6);
    expect(error.message).toMatch(/c\.csv has no column "created_on"; its columns are: id, created/);
  });

  it("checks columns read by where, templates and expressions too", async () => {
    const error = await problemIn(
      "entities:\n  customers: { from: c.csv, where: \"status = 'x'\", columns: { customer_id: id } }\n",
    );
    expect(error.params.path).toBe("entities.customers.where");
  });

  it("checks the key and the columns read from a joined file", async () => {
    const key = await problemIn(
      "entities:\n  customers: { from: c.csv, join: { from: c.csv, key: nope, on: id, as: j }, columns: { customer_id: id } }\n",
    );
    expect(key.params.path).toBe("entities.customers.join.0.key");
    const column = await problemIn(
      "entities:\n  customers: { from: c.csv, join: { from: c.csv, key: id, as: j }, columns: { customer_id: j.nope } }\n",
    );
    expect(column.params.path).toBe("entities.customers.columns.customer_id");
    expect(column.message).toMatch(/has no column "nope"/);
  });

  it("names a missing source file", async () => {
    const error = await problemIn(
      "entities:\n  customers: { from: nope.csv, columns: { customer_id: id } }\n",
    );
    expect(error.params.path).toBe("entities.customers.from");
    expect(error.message).toMatch(/does not exist/);
  });
});
