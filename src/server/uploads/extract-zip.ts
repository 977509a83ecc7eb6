import { Unzip, type UnzipFileInfo, UnzipInflate, unzipSync } from "fflate";
import type { ServerLimits } from "../app-types.js";
import { isDirectoryEntry, safeBaseName } from "./safe-file-name.js";
import { uploadRefused } from "./upload-error.js";

export interface UploadedFile {
  /** A safe base name (safe-file-name.ts). */
  readonly name: string;
  readonly data: Uint8Array;
}

type ZipLimits = Pick<ServerLimits, "zipEntries" | "zipUncompressedBytes" | "zipMaxRatio">;

/**
 * The files of a zip, refused before anything is inflated when the central
 * directory declares too many entries, too many bytes or a compression ratio
 * above the limit, and stopped while inflating when an entry yields more
 * than it declared (a forged header). Entry names keep only their base name;
 * folders, hidden files and `__MACOSX/` metadata are skipped.
 *
 * @example extractZip(zipBytes, DEFAULT_LIMITS) // [{ name: "customers.csv", data }]
 */
export function extractZip(zip: Uint8Array, limits: ZipLimits): UploadedFile[] {
  const declared = readDirectory(zip);
  if (declared.length > limits.zipEntries) {
    throw uploadRefused("zip_entries", { count: declared.length, limit: limits.zipEntries });
  }
  const wanted = new Map<string, { base: string; allowed: number }>();
  const bases = new Set<string>();
  let total = 0;
  for (const entry of declared) {
    total += entry.originalSize;
    if (total > limits.zipUncompressedBytes) {
      throw uploadRefused("zip_total", { limit: limits.zipUncompressedBytes });
    }
    const ratio = entry.originalSize / Math.max(entry.size, 1);
    if (ratio > limits.zipMaxRatio) {
      throw uploadRefused("zip_ratio", { ratio: Math.round(ratio), limit: limits.zipMaxRatio });
    }
    if (isSkipped(entry.name)) continue;
    const base = safeBaseName(entry.name);
    if (base === undefined) throw uploadRefused("bad_extension", { name: printable(entry.name) });
    if (bases.has(base) || wanted.has(entry.name)) throw uploadRefused("duplicate_name", { name: base });
    bases.add(base);
    wanted.set(entry.name, {
      base,
      allowed: Math.min(entry.originalSize, Math.max(entry.size, 1) * limits.zipMaxRatio),
    });
  }
  return inflateEntries(zip, wanted, limits.zipUncompressedBytes);
}

/** The central directory's entries, nothing inflated (the filter refuses every entry). */
function readDirectory(zip: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(zip, {
      filter: (info) => {
        entries.push(info);
        return false;
      },
    });
  } catch {
    throw uploadRefused("zip_invalid");
  }
  return entries;
}

function inflateEntries(
  zip: Uint8Array,
  wanted: ReadonlyMap<string, { base: string; allowed: number }>,
  totalLimit: number,
): UploadedFile[] {
  const files: UploadedFile[] = [];
  let refusal: ReturnType<typeof uploadRefused> | undefined;
  let total = 0;
  const unzip = new Unzip((file) => {
    const target = wanted.get(file.name);
    if (!target || refusal) {
      file.ondata = () => {};
      return;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = uploadRefused("zip_invalid");
        return;
      }
      size += chunk.length;
      total += chunk.length;
      // The local header may lie about the size: count what comes out.
      if (size > target.allowed || total > totalLimit) {
        refusal = uploadRefused("zip_size_mismatch", { name: target.base });
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files.push({ name: target.base, data: concat(chunks, size) });
    };
    try {
      file.start();
    } catch {
      refusal = uploadRefused("zip_invalid");
    }
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(zip, true);
  } catch {
    refusal ??= uploadRefused("zip_invalid");
  }
  if (refusal) throw refusal;
  if (files.length !== wanted.size) throw uploadRefused("zip_invalid");
  return files;
}

function isSkipped(name: string): boolean {
  if (isDirectoryEntry(name)) return true;
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.startsWith(".") || name.startsWith("__MACOSX/");
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** An entry name for a message: at most 100 characters, no control characters. */
export function printable(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return name.replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 100);
}
