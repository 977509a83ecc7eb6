/**
 * One more day of orders for the incremental bench (issue 10): an orders.csv
 * in the canonical format, dated the day after the data's last order, with
 * order ids that cannot collide with the generator's (`OX…`). As many orders
 * as the data's average day, copied (customer, amount, currency, product)
 * from evenly spaced existing rows, so the same data gives the same file.
 * Streams the file twice: at scale 500 it is larger than a string can be.
 */
import { createReadStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

export interface ExtraDay {
  readonly dir: string;
  readonly day: string;
  readonly orders: number;
}

async function eachLine(file: string, onLine: (line: string, index: number) => void): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let index = 0;
  for await (const line of lines) {
    if (line.length > 0) onLine(line, index++);
  }
}

const DAY_MS = 86_400_000;

export async function writeExtraDay(dataDir: string, outDir: string): Promise<ExtraDay> {
  const file = path.join(dataDir, "orders.csv");
  let header = "";
  let rows = 0;
  let first = "9999";
  let last = "";
  let iAt = -1;
  // The generator writes no quoted cells in orders.csv, so a comma split is exact.
  await eachLine(file, (line, i) => {
    if (i === 0) {
      header = line;
      iAt = line.split(",").indexOf("ordered_at");
      return;
    }
    rows++;
    const t = line.split(",")[iAt] ?? "";
    if (t < first) first = t;
    if (t > last) last = t;
  });
  const columns = header.split(",");
  const lastDay = Date.parse(`${last.slice(0, 10)}T00:00:00Z`);
  const day = new Date(lastDay + DAY_MS).toISOString().slice(0, 10);
  const spanDays = Math.max(1, (lastDay - Date.parse(`${first.slice(0, 10)}T00:00:00Z`)) / DAY_MS + 1);
  const count = Math.max(1, Math.round(rows / spanDays));
  const stride = Math.max(1, Math.floor(rows / count));
  const out = [header];
  await eachLine(file, (line, i) => {
    const row = i - 1;
    if (i === 0 || row % stride !== 0 || out.length > count) return;
    const n = out.length - 1;
    const seconds = Math.floor((n * 86_399) / count);
    const time = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60]
      .map((v) => String(v).padStart(2, "0"))
      .join(":");
    const src = line.split(",");
    const cells = columns.map((name, j) => {
      if (name === "order_id") return `OX${String(n + 1).padStart(9, "0")}`;
      if (name === "ordered_at") return `${day}T${time}`;
      if (name === "type") return "purchase";
      return src[j] ?? "";
    });
    out.push(cells.join(","));
  });
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, "orders.csv"), `${out.join("\n")}\n`);
  return { dir: outDir, day, orders: out.length - 1 };
}
