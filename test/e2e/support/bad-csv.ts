/**
 * A customers.csv made from the reference one with one broken cell (the
 * created_at of C0000007) and one new valid customer, so that an import that
 * wrongly applied the valid rows would change the counts.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { referenceDir } from "./e2e-env.js";

export const BROKEN = { customer: "C0000007", column: "created_at", value: "not-a-date", line: 8 } as const;

export async function writeCustomersWithBadRow(file: string): Promise<string> {
  const lines = (await readFile(path.join(referenceDir, "customers.csv"), "utf8")).trimEnd().split("\n");
  const header = (lines[0] ?? "").split(",");
  const column = header.indexOf(BROKEN.column);
  const at = lines.findIndex((line) => line.startsWith(`${BROKEN.customer},`));
  const row = lines[at];
  // the row has no quoted cells, so splitting on commas is exact
  if (column < 0 || row === undefined || row.includes('"'))
    throw new Error("the reference customers.csv changed");
  const cells = row.split(",");
  cells[column] = BROKEN.value;
  lines[at] = cells.join(",");
  if (at + 1 !== BROKEN.line) throw new Error(`${BROKEN.customer} is on line ${at + 1}, not ${BROKEN.line}`);
  const extra = (lines[1] ?? "").split(",");
  extra[0] = "C9999001";
  extra[2] = "e2e.new.customer@example.com";
  lines.push(extra.join(","));
  await writeFile(file, `${lines.join("\n")}\n`);
  return file;
}
