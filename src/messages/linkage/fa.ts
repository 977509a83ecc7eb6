import type { linkageEn } from "./en.js";

export const linkageFa = {
  // H5 (issue 9): how the duplicate evidence is shown by `dedupe --review` and the dashboard.
  "linkage.display.field.name": "نام",
  "linkage.display.field.email": "ایمیل",
  "linkage.display.field.phone": "تلفن",
  "linkage.display.field.company": "شرکت",
  "linkage.display.field.city": "شهر",
  "linkage.display.field.region": "منطقه",
  "linkage.display.field.country": "کشور",
  "linkage.display.field.segment": "بخش",
  "linkage.display.level.exact": "یکسان",
  "linkage.display.level.normalized": "یکسان پس از یکدست‌سازی",
  "linkage.display.level.fuzzy": "مشابه",
  "linkage.display.level.different": "متفاوت",
  "linkage.display.level.missing": "ناموجود",
  "linkage.display.band.match": "تطابق",
  "linkage.display.band.review": "نیازمند بررسی",
  "linkage.display.column.band": "وضعیت",
  "linkage.display.column.weight": "وزن تطابق",
  "linkage.display.column.probability": "احتمال",
  "linkage.display.column.field": "فیلد",
  "linkage.display.column.level": "سطح",
  "linkage.display.column.fieldWeight": "وزن",
  "linkage.display.cluster": "{cluster} ({band}): وزن تطابق {weight}، مشتریان {customers}",
  "linkage.display.pair": "{a} ↔ {b}: وزن تطابق {weight}، احتمال {probability}",
  // H6 (issue 9): the thresholds of `dedupe` and `quality` (--match-weight, --review-weight) and the API.
  "linkage.option.matchWeight":
    "کمترین وزن تطابق (لگاریتم دوپایهٔ بخت) برای تکراری شمردن یک جفت؛ مقدار بالاتر جفت‌های کمتری را ادغام می‌کند و بیشتر را به بررسی می‌فرستد (پیش‌فرض: {value})",
  "linkage.option.reviewWeight":
    "کمترین وزن تطابقی که برای بررسی نشان داده می‌شود، حداکثر برابر وزن تطابق؛ مقدار پایین‌تر جفت‌های بیشتری را برای بررسی نشان می‌دهد (پیش‌فرض: {value})",
  "linkage.error.notNumber": "مقدار «{value}» برای {option} عدد نیست؛ وزنی مانند ۴، ۶٫۵ یا ‎-۲ بدهید.",
  "linkage.error.reviewAboveMatch":
    "وزن بررسی {review} از وزن تطابق {match} بیشتر است: بازهٔ بررسی زیر آستانهٔ تطابق است.",
  "linkage.error.reviewAboveMatch.fix": "وزن بررسی را حداکثر {match} بدهید یا وزن تطابق را بالا ببرید.",
} as const satisfies Record<keyof typeof linkageEn, string>;
