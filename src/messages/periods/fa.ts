import type { periodsEn } from "./en.js";

export const periodsFa = {
  "periods.warning.prefix": "هشدار:",
  "periods.warning.rangeOutsideData":
    "بازهٔ {from} تا {to} به‌طور کامل بیرون از داده‌هاست؛ داده‌ها در تقویم {calendar} از {dataFrom} تا {dataTo} ({dataFromPeriod} تا {dataToPeriod}) را در بر می‌گیرند؛ همهٔ مقدارهای این بازه خالی یا تکرار مقدار پیشین‌اند.",
  "periods.warning.otherCalendarYear":
    "سال {year} در تقویم {calendar} پذیرفتنی نیست؛ به سالی از تقویم {other} می‌ماند (--calendar {other}).",
  "periods.error.unknownParam":
    "هیچ شاخص گزارش‌شده‌ای پارامتر «{param}» ندارد؛ پارامترها این‌ها هستند: {known}.",
  "periods.error.unknownParam.fix":
    "املای آن را بررسی کنید؛ crm-kpi metrics پارامترهای هر شاخص را فهرست می‌کند.",
  "periods.error.paramOutOfRange":
    "پارامتر {value} برای {metric} بیرون از بازه است: {param} مقدار {range} می‌پذیرد؛ پارامترهای {metric}: {known}.",
  "periods.error.paramOutOfRange.fix":
    "مقداری درون بازه بدهید، یا پارامتر را حذف کنید تا مقدار پیش‌فرض به کار رود.",
  "periods.error.targetTooLarge": "هدف {target} بیش از اندازه بزرگ است: هدف حداکثر ۱۲ رقم پیش از ممیز دارد.",
  "periods.report.partialNote":
    "* دورهٔ ناقص: پس از آخرین روز داده‌ها پایان می‌یابد، پس مقدارهایش نهایی نیستند.",
  "periods.report.partialColumn": "ناقص",
} as const satisfies Record<keyof typeof periodsEn, string>;
