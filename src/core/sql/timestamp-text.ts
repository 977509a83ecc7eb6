/**
 * Instants as engines take and give TIMESTAMP values (docs/database.md,
 * Engines): UTC wall time as text, `2024-01-02 03:04:05.123`. Binding the
 * instant from JavaScript, rather than calling the database's `now()`,
 * keeps a stored time independent of the session's time zone.
 */
export function timestampText(epochMs: number): string {
  return new Date(epochMs).toISOString().replace("T", " ").replace("Z", "");
}

/** `2024-01-02T03:04:05` (whole seconds, no zone mark) of a TIMESTAMP as an engine returns it. */
export function isoSeconds(timestamp: string): string {
  return timestamp.slice(0, 19).replace(" ", "T");
}
