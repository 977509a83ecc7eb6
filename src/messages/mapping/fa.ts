import type { mappingEn } from "./en.js";

export const mappingFa = {
  "mapping.warning.noFile": "{entity}: برای این منبع اختیاری پرونده‌ای پیدا نشد؛ کنار گذاشته شد",
  "mapping.warning.unpivotNoColumn":
    "{entity}: هیچ ستونی از {file} با الگوی unpivot یعنی {pattern} جور نیست؛ از این پرونده رکوردی به دست نیامد",
  "mapping.summary.title": "قاعده‌های نگاشت:",
  "mapping.summary.source": "{entity} ({file}، {source}): {rows} ردیف خوانده شد، {records} رکورد",
  "mapping.summary.where": "{count} ردیف با where کنار گذاشته شد ({path})",
  "mapping.summary.dedupe": "{count} رکورد با dedupe کنار گذاشته شد ({path})",
  "mapping.summary.joinRequired": "{count} ردیف کنار گذاشته شد: در پیوند الزامی همتایی نداشت ({path})",
  "mapping.summary.joinUnmatched":
    "{count} ردیف در پیوند همتایی نداشت و با خانه‌های خالی نگه داشته شد ({path})",
  "mapping.summary.groupBy": "{count} رکورد در گروه خود ادغام شد ({path})",
  "mapping.error.groupDiffers": "{place}: «{value}» با «{first}» در ردیف پیشینِ همین گروه فرق دارد.",
  "mapping.error.groupDiffers.fix":
    "در نگاشت برای این ستون یک aggregate (first، last، min، max، sum یا count) بگذارید.",
  "mapping.error.sumNotNumber": "{place}: «{value}» عدد نیست و جمع زده نمی‌شود.",
  "mapping.error.sumNotNumber.fix": "خانه را درست کنید، یا در نگاشت برای ستون قاعدهٔ number: بگذارید.",
} as const satisfies Record<keyof typeof mappingEn, string>;
