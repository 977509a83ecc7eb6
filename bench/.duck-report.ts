// before/after: the DuckDB report at scale 10 (median of 3), on a copy of the imported file

import { existsSync } from "node:fs";
import { openDuckDB } from "../src/engines/duckdb/duckdb-engine.js";
import { importDataset } from "../src/import/import-dataset.js";
import { runReport } from "../src/report/run-report.js";
import { REPORT } from "./bench-phases.js";

const file = "/tmp/pgspeed-duck-10.duckdb";
if (!existsSync(file)) {
  const e = await openDuckDB(file);
  await importDataset(e, "/work/wt-pgspeed/bench/data/scale-10");
  await e.close();
}
const e = await openDuckDB(file);
const times: number[] = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  await runReport(e, REPORT);
  times.push((performance.now() - t) / 1000);
}
await e.close();
console.log(process.cwd(), times.map((t) => t.toFixed(2)).join(" "));
