import type { cliEn } from "./en.js";
import { cliI18nAr } from "./i18n/ar.js";

export const cliAr = {
  ...cliI18nAr,
  // Issue 8 part 6: help command, deprecated spellings, explain counts and formats.
  "cli.help.command": "عرض المساعدة لأمر",
  "cli.deprecated.option": "ملاحظة: {old} مهمل؛ استخدم {replacement}.",
  "cli.explain.option.at": "الفترة المراد شرحها، بتسمية مثل 2024-03 أو 2024-Q1 أو 1403-01",
  "cli.explain.option.format": "صيغة الإخراج (csv و ndjson: سطر لكل صف؛ json: القيمة وصفوفها)",
  "cli.explain.error.needsAt": "يحتاج هذا الأمر إلى الفترة المراد شرحها، مثلاً ‎--at 2024-03.",
  "cli.explain.partRows": "{title}: {total} صف",
  "cli.explain.partRowsShown": "{title}: عرض {shown} من {total} صف",
  "cli.explain.segment": "الشريحة: {segment}",
} as const satisfies Record<keyof typeof cliEn, string>;
