import type { periodsEn } from "./en.js";

export const periodsAr = {
  "periods.warning.prefix": "تحذير:",
  "periods.warning.rangeOutsideData":
    "النطاق من {from} إلى {to} يقع كليًا خارج البيانات، التي تمتد من {dataFrom} إلى {dataTo} في التقويم {calendar} (من {dataFromPeriod} إلى {dataToPeriod})؛ كل قيمة فيه فارغة أو منقولة من الفترة السابقة.",
  "periods.warning.otherCalendarYear":
    "السنة {year} غير معقولة في التقويم {calendar}؛ تبدو سنة من التقويم {other} (--calendar {other}).",
  "periods.error.unknownParam": "لا يملك أي مقياس في التقرير معاملًا باسم «{param}»؛ المعاملات هي: {known}.",
  "periods.error.unknownParam.fix": "تحقق من الكتابة؛ يعرض crm-kpi metrics معاملات كل مقياس.",
  "periods.error.paramOutOfRange":
    "المعامل {value} للمقياس {metric} خارج النطاق: يقبل {param} القيم {range}؛ معاملات {metric} هي: {known}.",
  "periods.error.paramOutOfRange.fix": "أعطِ قيمة داخل النطاق، أو احذف المعامل لتُستخدم قيمته الافتراضية.",
  "periods.error.targetTooLarge": "الهدف {target} كبير جدًا: للهدف ١٢ رقمًا على الأكثر قبل الفاصلة العشرية.",
  "periods.report.partialNote": "* فترة جزئية: تنتهي بعد آخر يوم في البيانات، لذا فقيمها ليست نهائية.",
  "periods.report.partialColumn": "جزئية",
} as const satisfies Record<keyof typeof periodsEn, string>;
