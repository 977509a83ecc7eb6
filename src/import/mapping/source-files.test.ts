import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { globToRegExp, resolveSourceFiles, sniffDelimiter } from "./source-files.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "crm-kpi-source-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function files(entries: Record<string, string | Buffer>): Promise<void> {
  for (const [name, text] of Object.entries(entries)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
}

describe("globToRegExp", () => {
  it("matches * and ? within a name and ** across folders", () => {
    const star = globToRegExp("deals-*.csv");
    expect(star.test("deals-2024.csv")).toBe(true);
    expect(star.test("deals-.csv")).toBe(true);
    expect(star.test("sub/deals-2024.csv")).toBe(false);
    expect(star.test("deals-2024.csvx")).toBe(false);
    expect(globToRegExp("deal?.csv").test("deals.csv")).toBe(true);
    expect(globToRegExp("deal?.csv").test("deal.csv")).toBe(false);
    const deep = globToRegExp("**/tickets*.csv");
    expect(deep.test("tickets.csv")).toBe(true);
    expect(deep.test("a/b/tickets-1.csv")).toBe(true);
    expect(deep.test("a/b/old-tickets.csv")).toBe(false);
    // Regex characters in names are literal.
    expect(globToRegExp("a+b (1).csv").test("a+b (1).csv")).toBe(true);
    expect(globToRegExp("a.csv").test("abcsv")).toBe(false);
  });
});

describe("sniffDelimiter", () => {
  it("picks the separator seen most often outside quotes", () => {
    expect(sniffDelimiter("id;name;amount")).toBe(";");
    expect(sniffDelimiter("id\tname\tamount")).toBe("\t");
    expect(sniffDelimiter("id|name|amount")).toBe("|");
    expect(sniffDelimiter('"a,b";"c,d";e')).toBe(";");
    expect(sniffDelimiter('"Amount (USD, cents)";Created;Status')).toBe(";");
    expect(sniffDelimiter("id,name;x")).toBe(",");
    expect(sniffDelimiter("single")).toBe(",");
  });
});

describe("resolveSourceFiles", () => {
  it("reads every file a glob matches in code-unit order, with headers", async () => {
    await files({
      "deals-b.csv": "id,stage\n1,won\n",
      "deals-a.csv": "id,stage\n2,lost\n",
      "Deals-C.csv": "id,stage\n",
      "notes.csv": "x\n",
    });
    const found = await resolveSourceFiles(dir, { from: "*eals-*.csv", type: "csv", delimiter: undefined });
    expect(found.files.map((f) => f.file.name)).toEqual(["Deals-C.csv", "deals-a.csv", "deals-b.csv"]);
    expect(found.files[1]?.start).toEqual({ header: ["id", "stage"], hasRows: true });
    expect(found.files[0]?.start?.hasRows).toBe(false);
  });

  it("keeps only files whose header has match_columns, and sniffs auto delimiters per file", async () => {
    await files({
      "export/a.csv": "Deal ID;Deal Stage;Amount\nD1;Won;5\n",
      "export/b.csv": "Contact ID,Email\nC1,a@x.org\n",
      "export/old/c.csv": "Deal ID\tDeal Stage\nD2\tLost\n",
    });
    const found = await resolveSourceFiles(dir, {
      from: "export/**/*.csv",
      type: "csv",
      delimiter: "auto",
      matchColumns: ["Deal ID", "Deal Stage"],
    });
    expect(found.candidates).toEqual(["export/a.csv", "export/b.csv", "export/old/c.csv"]);
    expect(found.files.map((f) => [f.file.name, f.file.delimiter])).toEqual([
      ["export/a.csv", ";"],
      ["export/old/c.csv", "\t"],
    ]);
  });

  it("names the closest file and the columns it lacks when none matches", async () => {
    await files({ "deals.csv": "Deal ID,Stage\n1,won\n", "people.csv": "Email\nx@y.z\n" });
    const found = await resolveSourceFiles(dir, {
      from: "*.csv",
      type: "csv",
      delimiter: undefined,
      matchColumns: ["Deal ID", "Deal Stage", "Amount"],
    });
    expect(found.files).toEqual([]);
    expect(found.closest).toEqual({ name: "deals.csv", missing: ["Deal Stage", "Amount"] });
    // A path that matches nothing still looks through the folder for the closest file.
    const missing = await resolveSourceFiles(dir, {
      from: "hubspot-deals.csv",
      type: "csv",
      delimiter: undefined,
      matchColumns: ["Deal ID"],
    });
    expect(missing.candidates).toEqual([]);
    expect(missing.closest).toEqual({ name: "deals.csv", missing: [] });
  });

  it("recognizes a file in another encoding by its header, leaving the bad bytes for the row reader", async () => {
    await files({
      "sf/Account.csv": Buffer.concat([
        Buffer.from("Id,Name\n001,Soci"),
        Buffer.from([0xe9]),
        Buffer.from("t\n"),
      ]),
      "sf/Other.csv": Buffer.concat([Buffer.from("Foo\n"), Buffer.from([0xe9]), Buffer.from("\n")]),
    });
    const found = await resolveSourceFiles(dir, {
      from: "sf/*.csv",
      type: "csv",
      delimiter: undefined,
      matchColumns: ["Id", "Name"],
    });
    expect(found.files.map((f) => [f.file.name, f.file.encoding, f.start?.header])).toEqual([
      ["sf/Account.csv", undefined, ["Id", "Name"]],
    ]);
  });

  it("reads a source's own encoding, else the default it is given", async () => {
    // "Société" in Windows-1252: é is 0xE9, not valid UTF-8 on its own.
    await files({
      "accounts.csv": Buffer.from([...Buffer.from("Soci"), 0xe9, ...Buffer.from("t\xe9\n1\n", "latin1")]),
    });
    const spec = { from: "accounts.csv", type: "csv" as const, delimiter: undefined };
    const found = await resolveSourceFiles(dir, { ...spec, encoding: "windows-1252" }, { encoding: "utf-8" });
    expect(found.files[0]?.start?.header).toEqual(["Société"]);
    const byDefault = await resolveSourceFiles(dir, spec, { encoding: "latin1" });
    expect(byDefault.files[0]?.start?.header).toEqual(["Société"]);
    await expect(resolveSourceFiles(dir, spec)).rejects.toThrow(/accounts\.csv:1/);
  });
});
