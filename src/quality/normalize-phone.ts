import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  isPossiblePhoneNumber,
  isSupportedCountry,
} from "libphonenumber-js";
import { normalizeDigits } from "./normalize-text.js";

let callingCodes: Set<string> | undefined;

function knownCallingCodes(): Set<string> {
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  return callingCodes;
}

function countryCode(country: string | null | undefined): CountryCode | undefined {
  const code = (country ?? "").trim().toUpperCase();
  return code !== "" && isSupportedCountry(code) ? (code as CountryCode) : undefined;
}

/**
 * A phone number's matching key, `+<calling code><national digits>`, from
 * international (`+20 …`, `0020-…`, `001-…`) or national (`0…`) forms read
 * with the customer's country. Trunk zeros are dropped, so `0174652559` (GB)
 * and `+44 174652559` meet; `""` when there are no digits. Calling codes come
 * from libphonenumber-js; matching does not require the number to be valid.
 *
 * @example normalizePhone("0098-939-2694985", "IR") === normalizePhone("09392694985", "IR")
 */
export function normalizePhone(text: string | null | undefined, country?: string | null): string {
  if (!text) return "";
  const ascii = normalizeDigits(text.normalize("NFKC")).trim();
  const digits = ascii.replace(/\D/g, "");
  if (digits === "") return "";
  const international = ascii.startsWith("+") ? digits : digits.startsWith("00") ? digits.slice(2) : null;
  if (international !== null) {
    // ITU calling codes are prefix-free: the first 1–3 digits that are one are it.
    for (const length of [1, 2, 3]) {
      const cc = international.slice(0, length);
      if (knownCallingCodes().has(cc)) return `+${cc}${stripTrunk(international.slice(length))}`;
    }
    return `+${international}`;
  }
  const code = countryCode(country);
  if (!code) return stripTrunk(digits);
  const cc = getCountryCallingCode(code);
  // NANP national forms may carry the trunk "1": 1-650-… is +1 650 ….
  const national = cc === "1" && digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  return `+${cc}${stripTrunk(national)}`;
}

/**
 * Every key a phone number may have: `00…` is both an international prefix
 * and, in sloppy national forms, a trunk zero before a national number that
 * starts with 0 (`0072683342` in GB); both readings are kept for matching.
 */
export function phoneKeys(text: string | null | undefined, country?: string | null): string[] {
  const first = normalizePhone(text, country);
  if (first === "" || !text) return [];
  const digits = normalizeDigits(text.normalize("NFKC")).replace(/\D/g, "");
  const code = countryCode(country);
  if (!text.trim().startsWith("+") && digits.startsWith("00") && code) {
    const national = `+${getCountryCallingCode(code)}${stripTrunk(digits)}`;
    if (national !== first) return [first, national];
  }
  return [first];
}

function stripTrunk(national: string): string {
  return national.replace(/^0+/, "");
}

/** Whether a phone number could be a number of its country (libphonenumber-js "possible", by length). */
export function isPossiblePhone(text: string, country?: string | null): boolean {
  const ascii = normalizeDigits(text.normalize("NFKC")).trim();
  const code = countryCode(country);
  const withPlus = ascii.startsWith("00") ? `+${ascii.slice(2)}` : ascii;
  try {
    return code ? isPossiblePhoneNumber(withPlus, code) : isPossiblePhoneNumber(withPlus);
  } catch {
    return false;
  }
}
