import { describe, expect, it } from "vitest";
import { machineLines } from "./format-records.js";

const records = [
  { n: 1, id: "a", tags: ["x", "y"], ok: true },
  { id: "=cmd", n: null, ok: false },
];

describe("machineLines: the one path of csv, ndjson and json", () => {
  it("writes csv in the order of the keys, nested values as JSON text, formulas neutralized", () => {
    expect(machineLines(["id", "n", "tags", "ok"], records, "csv")).toEqual([
      "id,n,tags,ok",
      'a,1,"[""x"",""y""]",true',
      "'=cmd,,,false",
    ]);
  });

  it("writes ndjson and json with the same keys in the same order, missing ones as null", () => {
    const ndjson = machineLines(["id", "n"], records, "ndjson");
    expect(ndjson).toEqual(['{"id":"a","n":1}', '{"id":"=cmd","n":null}']);
    const json = machineLines(["id", "n"], records, "json");
    expect(JSON.parse(json.join("\n"))).toEqual(ndjson.map((l) => JSON.parse(l)));
    expect(machineLines(["id"], [], "json")).toEqual(["[]"]);
  });
});
