/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits read as ASCII digits, as DATA_MODEL.md requires. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
