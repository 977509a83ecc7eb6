import { describe, expect, it } from "vitest";
import { CrmKpiError } from "../../core/errors.js";
import { LANGS } from "../../messages/index.js";
import { localizeError } from "../../messages/localize-error.js";
import { assertSafeBinding, isLoopbackAddress } from "./binding.js";

describe("assertSafeBinding", () => {
  it.each(["127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]"])("serves %s without auth", (host) => {
    expect(isLoopbackAddress(host)).toBe(true);
    expect(() => assertSafeBinding(host, false)).not.toThrow();
  });

  it.each(["0.0.0.0", "::", "192.168.1.10", "crm.example.com", "localhost.example.com"])(
    "refuses %s without auth, with a sentence in every language",
    (host) => {
      expect(isLoopbackAddress(host)).toBe(false);
      expect(() => assertSafeBinding(host, true)).not.toThrow();
      let error: unknown;
      try {
        assertSafeBinding(host, false);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CrmKpiError);
      for (const lang of LANGS) {
        const { message } = localizeError(error as CrmKpiError, lang);
        expect(message, lang).toContain(host);
        expect(message, lang).toContain("--auth");
      }
    },
  );
});
