import { isIP } from "node:net";
import { CrmKpiError } from "../../core/errors.js";

/**
 * Whether `serve --host` listens on this machine only: localhost, any of
 * 127.0.0.0/8, or ::1. `0.0.0.0` and `::` listen everywhere, so they are not.
 */
export function isLoopbackAddress(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost") return true;
  if (isIP(name) === 4) return name.startsWith("127.");
  if (isIP(name) === 6) return name === "::1" || name === "0:0:0:0:0:0:0:1" || /^::ffff:127\./.test(name);
  return false;
}

/**
 * Refuses to serve on a non-loopback address without tokens: anyone on the
 * network could then read and change the data.
 *
 * @example assertSafeBinding(options.host, options.auth === true) // before listening
 */
export function assertSafeBinding(host: string, auth: boolean): void {
  if (auth || isLoopbackAddress(host)) return;
  throw new CrmKpiError(
    "bad_argument",
    `Serving on ${host} needs --auth: only loopback addresses (127.0.0.1, localhost, ::1) may go without tokens`,
    { value: host, host, messageKey: "security.binding.authRequired" },
    { value: host },
  );
}
