import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../app-types.js";
import { ApiError } from "../http-errors.js";
import { extractZip } from "./extract-zip.js";
import { inside, writeJobFolder } from "./job-folder.js";
import { safeBaseName } from "./safe-file-name.js";

const text = (s: string) => new TextEncoder().encode(s);

function reasonOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return String(error.details.reason);
    throw error;
  }
  return undefined;
}

/** Sets the uncompressed size of every entry, in local and central headers, to `size` (a forged zip). */
function forgeSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe("safeBaseName", () => {
  it("keeps the last segment of allowed names only", () => {
    expect(safeBaseName("../x.csv")).toBe("x.csv");
    expect(safeBaseName("/etc/x.csv")).toBe("x.csv");
    expect(safeBaseName("a/../../b.csv")).toBe("b.csv");
    expect(safeBaseName("C:\\data\\orders.ndjson")).toBe("orders.ndjson");
    expect(safeBaseName("mapping.YAML")).toBe("mapping.YAML");
    for (const bad of ["..", "a/..", ".env.csv", "x.exe", "x.csv/", "x\u0000.csv", ""]) {
      expect(safeBaseName(bad), bad).toBeUndefined();
    }
  });

  it("refuses a name that would leave the folder", () => {
    expect(() => inside("/tmp/job", "../x.csv")).toThrow(ApiError);
    expect(inside("/tmp/job", "x.csv")).toBe(path.resolve("/tmp/job/x.csv"));
  });
});

describe("extractZip", () => {
  it("writes traversal entries under their base names inside a fresh temp folder only", async () => {
    const zip = zipSync({
      "../x.csv": text("a\n"),
      "/etc/y.csv": text("b\n"),
      "a/../../z.csv": text("c\n"),
      "__MACOSX/._x.csv": text("junk"),
      ".hidden.csv": text("junk"),
    });
    const files = extractZip(zip, DEFAULT_LIMITS);
    expect(files.map((f) => f.name).sort()).toEqual(["x.csv", "y.csv", "z.csv"]);
    const folder = await writeJobFolder(files);
    try {
      expect(path.dirname(folder.dir)).toBe(path.resolve(tmpdir()));
      expect((await readdir(folder.dir)).sort()).toEqual(["x.csv", "y.csv", "z.csv"]);
    } finally {
      await folder.remove();
    }
  });

  it("refuses by the declared sizes: entries, total and ratio", () => {
    const three = zipSync({ "a.csv": text("a"), "b.csv": text("b"), "c.csv": text("c") });
    expect(reasonOf(() => extractZip(three, { ...DEFAULT_LIMITS, zipEntries: 2 }))).toBe("zip_entries");
    const big = zipSync({ "a.csv": text("x".repeat(1000)) }, { level: 0 });
    expect(reasonOf(() => extractZip(big, { ...DEFAULT_LIMITS, zipUncompressedBytes: 999 }))).toBe(
      "zip_total",
    );
    const bomb = zipSync({ "a.csv": new Uint8Array(1_000_000) }, { level: 9 });
    expect(reasonOf(() => extractZip(bomb, DEFAULT_LIMITS))).toBe("zip_ratio");
  });

  it("stops inflating an entry that yields more than its header declares", () => {
    const zip = forgeSizes(zipSync({ "a.csv": text("A".repeat(5000)) }, { level: 9 }), 10);
    expect(reasonOf(() => extractZip(zip, DEFAULT_LIMITS))).toBe("zip_size_mismatch");
  });

  it("refuses other extensions, duplicates and garbage", () => {
    expect(reasonOf(() => extractZip(zipSync({ "run.sh": text("x") }), DEFAULT_LIMITS))).toBe(
      "bad_extension",
    );
    const dup = zipSync({ "a/x.csv": text("1"), "b/x.csv": text("2") });
    expect(reasonOf(() => extractZip(dup, DEFAULT_LIMITS))).toBe("duplicate_name");
    expect(reasonOf(() => extractZip(text("not a zip"), DEFAULT_LIMITS))).toBe("zip_invalid");
  });
});
