import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { entityDef } from "../../src/core/model/entities.js";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings.js";
import { openDuckDB } from "../../src/engines/duckdb/duckdb-engine.js";
import { scanCsvLayout } from "../../src/import/csv-prescan.js";
import { csvSource } from "../../src/import/csv-source.js";
import { FastCsvStager, JS_TRIM_CHARS } from "../../src/import/fast-csv-import.js";
import { FxTable } from "../../src/import/fx-table.js";
import { createStageTable } from "../../src/import/staging.js";

function file(content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "crm-kpi-scan-")), "f.csv");
  writeFileSync(path, content);
  return path;
}

describe("scanCsvLayout", () => {
  it("counts records and maps quoted line breaks to line shifts", async () => {
    const layout = await scanCsvLayout(file('a,b\n1,"x\ny"\n2,"p\r\nq\rr"\n3,z\n'), ",");
    expect(layout).toEqual({
      width: 2,
      records: 3,
      lineBreak: "\n",
      // record 1 starts at line 3 + 1, record 2 at 4 + 1 + 2
      shifts: [
        { index: 1, extra: 1 },
        { index: 2, extra: 3 },
      ],
      trims: [],
    });
  });

  it("reads CRLF files, a UTF-8 BOM, a last record without a line break and other separators", async () => {
    expect(await scanCsvLayout(file("\ufeffa;b\r\n1;2\r\n3;4"), ";")).toMatchObject({
      width: 2,
      records: 2,
      lineBreak: "\r\n",
    });
  });

  it("flags records with a cell the validator would trim, and only those", async () => {
    const layout = await scanCsvLayout(
      file('a,b\n x,1\nx ,2\n"\tx",3\nx,\u00a04\nx,4\u3000\nx,\ufeff5\nx,"y"\nمهیار,张伟\n'),
      ",",
    );
    expect(layout?.trims).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("leaves to the JavaScript reader what it would read in a special way", async () => {
    const cases: (string | Buffer)[] = [
      "a,b\n1,2\n\n3,4\n", // blank line
      'a,b\n1,x"y\n', // quote inside an unquoted cell
      'a,b\n1,"x"y\n', // text after a closing quote
      'a,b\n1,"x\n', // unclosed quote
      "a,b\n1,2\r3,4\n", // lone CR
      "a,b\r\n1,2\n", // mixed line endings
      "a,b\n1,2,3\n", // too many cells
      "a,b\n1\n", // too few
      '"a",b\n1,2\n', // quote in the header
      "a,b\n", // no data record
      Buffer.from([0xff, 0xfe, 0x61, 0x00]), // UTF-16 BOM
      Buffer.from("a,b\n1,\xff\n", "latin1"), // not UTF-8
      "a,b\n1,\u0000\n", // NUL
    ];
    for (const content of cases) expect(await scanCsvLayout(file(content), ","), String(content)).toBeNull();
  });
});

describe("JS_TRIM_CHARS", () => {
  it("is exactly what String.prototype.trim removes", () => {
    const trimmed: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (`${c}x`.trim() === "x") trimmed.push(c);
    }
    expect([...JS_TRIM_CHARS].sort()).toEqual(trimmed.sort());
  });
});

describe("FastCsvStager", () => {
  it("flags only the rows the validator must judge", async () => {
    const engine = await openDuckDB(":memory:");
    try {
      const def = entityDef("customers");
      await createStageTable(engine, def);
      const path = file(
        [
          "customer_id,name,birth_year,created_at",
          'C1,"two\nlines",1985,2024-01-01T10:00:00', // fine (line 2)
          "C2,x,,2024-01-02 11:00:00", // fine
          " C3,padded,,2024-01-03", // trimmed id: re-read
          "C4,x,,2024-02-30", // no such day
          "C3,x,,2024-01-05", // C3 again
          "C5,x,1e3,2024-01-06", // not a whole number
          "C6,x,,2024-01-07T10:00:00Z", // an offset: left to the validator
          "C7,x,,2024-01-08",
        ].join("\n"),
      );
      const source = csvSource("customers", path, "customers.csv");
      const stager = new FastCsvStager({ engine, settings: DEFAULT_SETTINGS, fx: new FxTable("USD") });
      expect(stager.eligible(source, 1)).toBe(true);
      const stage = await stager.stage(source, def, await source.columns());
      expect(stage?.records).toBe(8);
      expect(stage?.flagged).toEqual([2, 3, 4, 5, 6]);
      expect([0, 1, 7].map((i) => stage?.lineOf(i))).toEqual([2, 4, 10]);
      const views = stager.viewOf("customers");
      const rows = await engine.query({
        sql: `SELECT customer_id AS id, _line AS line FROM "${views?.rows}" ORDER BY _line`,
        params: [],
      });
      expect(rows).toEqual([
        { id: "C1", line: 2 },
        { id: "C2", line: 4 },
        { id: "C7", line: 10 },
      ]);
      await stager.drop();
      expect(stager.viewOf("customers")).toBeUndefined();
    } finally {
      await engine.close();
    }
  });

  it("is not offered for other zones, encodings or fx_rates", async () => {
    const engine = await openDuckDB(":memory:");
    try {
      const path = file("customer_id,created_at\nC1,2024-01-01\n");
      const utc = new FastCsvStager({ engine, settings: DEFAULT_SETTINGS, fx: new FxTable("USD") });
      const tehran = new FastCsvStager({
        engine,
        settings: { ...DEFAULT_SETTINGS, timezone: "Asia/Tehran" },
        fx: new FxTable("USD"),
      });
      expect(tehran.eligible(csvSource("customers", path, "customers.csv"), 1)).toBe(false);
      expect(
        utc.eligible(csvSource("customers", path, "customers.csv", { encoding: "windows-1256" }), 1),
      ).toBe(false);
      expect(utc.eligible(csvSource("fx_rates", path, "fx_rates.csv"), 1)).toBe(false);
      expect(utc.eligible(csvSource("customers", path, "customers.csv"), 2)).toBe(false);
    } finally {
      await engine.close();
    }
  });
});
