import type { mappingEn } from "./en.js";

export const mappingAr = {
  "mapping.warning.noFile": "{entity}: لم يُعثر على ملف لهذا المصدر الاختياري؛ تم تخطيه",
  "mapping.warning.unpivotNoColumn":
    "{entity}: لا يطابق أي عمود في {file} نمط unpivot ‏{pattern}؛ لم ينتج الملف أي سجلات",
  "mapping.summary.title": "قواعد الربط:",
  "mapping.summary.source": "{entity} ({file}، {source}): قُرئ {rows} صفًا، {records} سجلًا",
  "mapping.summary.where": "استُبعد {count} بواسطة where ({path})",
  "mapping.summary.dedupe": "استُبعد {count} بواسطة dedupe ({path})",
  "mapping.summary.joinRequired": "استُبعد {count}: لا مطابق في الربط الإلزامي ({path})",
  "mapping.summary.joinUnmatched": "{count} بلا مطابق في الربط، أُبقي بخلايا فارغة ({path})",
  "mapping.summary.groupBy": "دُمج {count} في مجموعته ({path})",
  "mapping.error.groupDiffers": "{place}: «{value}» يختلف عن «{first}» في صف سابق من المجموعة نفسها.",
  "mapping.error.groupDiffers.fix":
    "أعطِ العمود تجميعًا aggregate (first أو last أو min أو max أو sum أو count) في ملف الربط.",
  "mapping.error.sumNotNumber": "{place}: لا يمكن جمع «{value}»، فهو ليس عددًا.",
  "mapping.error.sumNotNumber.fix": "صحّح الخلية، أو أعطِ العمود قاعدة number: في ملف الربط.",
} as const satisfies Record<keyof typeof mappingEn, string>;
