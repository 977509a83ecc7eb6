import type { cliEn } from "./en.js";
import { cliI18nFa } from "./i18n/fa.js";

export const cliFa = {
  ...cliI18nFa,
  // Issue 8 part 6: help command, deprecated spellings, explain counts and formats.
  "cli.help.command": "نمایش راهنمای یک فرمان",
  "cli.deprecated.option": "توجه: {old} منسوخ شده است؛ از {replacement} استفاده کنید.",
  "cli.explain.option.at": "دوره‌ای که توضیح داده می‌شود، برچسبی مانند 1403-01، 2024-03 یا 2024-Q1",
  "cli.explain.option.format": "قالب خروجی (csv و ndjson: یک خط برای هر ردیف؛ json: مقدار و ردیف‌هایش)",
  "cli.explain.error.needsAt": "این فرمان دوره‌ای را که توضیح داده می‌شود لازم دارد، مثلاً ‎--at 2024-03.",
  "cli.explain.partRows": "{title}: {total} ردیف",
  "cli.explain.partRowsShown": "{title}: نمایش {shown} از {total} ردیف",
  "cli.explain.segment": "بخش: {segment}",
} as const satisfies Record<keyof typeof cliEn, string>;
