/** Extensions an upload may hold: data files, mapping files and crm-kpi.json. */
export const ALLOWED_EXTENSIONS = [".csv", ".ndjson", ".json", ".yaml", ".yml"] as const;

/** Longest base name kept (bytes of UTF-16 are close enough for a cap). */
const MAX_NAME_LENGTH = 200;

/**
 * The only part of a client-given file name that may reach the file system:
 * its base name, when it is a plain, visible file name with an allowed
 * extension. `../x.csv`, `/etc/x.csv` and `a/../../b.csv` all become their
 * last segment; `..`, hidden names (`.x`, macOS `._x`), control characters
 * and other extensions give undefined.
 *
 * @example safeBaseName("exports/../../orders.csv") // "orders.csv"
 */
export function safeBaseName(name: string): string | undefined {
  const base = name.split(/[\\/]/).pop() ?? "";
  if (base.length === 0 || base.length > MAX_NAME_LENGTH) return undefined;
  if (base.startsWith(".")) return undefined;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f:*?"<>|]/.test(base)) return undefined;
  return hasAllowedExtension(base) ? base : undefined;
}

export function hasAllowedExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return ALLOWED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** A directory entry of a zip (`folder/`), skipped rather than refused. */
export function isDirectoryEntry(name: string): boolean {
  return name.endsWith("/") || name.endsWith("\\");
}
