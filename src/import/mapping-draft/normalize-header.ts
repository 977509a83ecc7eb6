/**
 * The form in which header names are compared with the synonym tables: case,
 * spacing, punctuation, camelCase and the Arabic/Persian letter variants
 * (ي/ی, ك/ک, أ/إ/آ/ا, ة/ه, diacritics, tatweel, zero-width non-joiner) do
 * not matter, so "Customer_ID", "customerId" and "customer id" are one name.
 *
 * @example normalizeHeader("CustomerID") // "customer id"
 */
export function normalizeHeader(text: string): string {
  return (
    text
      .normalize("NFKC")
      // customerId, CustomerID → customer Id, Customer ID
      .replace(/([a-z])([A-Z])/g, "$1 $2")
      .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
      .toLowerCase()
      .replace(/[\u064A\u0649]/g, "\u06CC")
      .replace(/\u0643/g, "\u06A9")
      .replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627")
      .replace(/\u0629/g, "\u0647")
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/\u200C|\u200D|\uFEFF/g, " ")
      .replace(/[\s_\-./\\()[\]#:*"'`,;|،؛？?。、（）：]+/g, " ")
      .trim()
  );
}
