import { toAsciiDigits } from "./digits.js";

/** How a source writes numbers: `1.234,5` is `{ decimal: ",", thousands: "." }`. */
export interface NumberFormat {
  readonly decimal: "." | ",";
  readonly thousands: "," | "." | " " | "'" | "";
  /** The target is a whole number: `2.0` reads as `2` (a fraction other than zeros stays, and is rejected). */
  readonly integer?: boolean;
}

const CANONICAL = /^-?\d+(\.\d+)?$/;
// Symbols that decorate amounts in spreadsheets; they carry no value (the currency is a separate column).
const DECORATION = /[\s\u00A0\u202F$€£¥₹﷼]|ریال|تومان|USD|EUR|IRR/g;

/**
 * The canonical decimal text of a number written with separators, or
 * undefined when it is not a number in that format.
 *
 * @example normalizeNumber("1.234,50", { decimal: ",", thousands: "." }) // "1234.50"
 */
export function normalizeNumber(text: string, format: NumberFormat): string | undefined {
  // A spreadsheet's text prefix: '-5 is the number -5 stored as text (Mailchimp, Excel).
  let s = toAsciiDigits(text.trim().replace(/^'(?=[-+(\d.$€£¥₹])/, ""))
    // Persian/Arabic separators: ٫ decimal, ٬ thousands.
    .replace(/\u066B/g, format.decimal)
    .replace(/\u066C/g, format.thousands === "" ? "" : format.thousands);
  let negative = false;
  // Accounting negatives: (1,234.00)
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (format.thousands !== "") s = s.split(format.thousands).join("");
  s = s.replace(DECORATION, "");
  if (s.startsWith("-")) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith("+")) {
    s = s.slice(1);
  }
  if (format.decimal === ",") s = s.replace(",", ".");
  if (!CANONICAL.test(s)) return undefined;
  if (format.integer) s = s.replace(/\.0+$/, "");
  return negative && !/^0+(\.0+)?$/.test(s) ? `-${s}` : s;
}
