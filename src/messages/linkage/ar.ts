import type { linkageEn } from "./en.js";

export const linkageAr = {
  // H5 (issue 9): how the duplicate evidence is shown by `dedupe --review` and the dashboard.
  "linkage.display.field.name": "الاسم",
  "linkage.display.field.email": "البريد الإلكتروني",
  "linkage.display.field.phone": "الهاتف",
  "linkage.display.field.company": "الشركة",
  "linkage.display.field.city": "المدينة",
  "linkage.display.field.region": "المنطقة",
  "linkage.display.field.country": "البلد",
  "linkage.display.field.segment": "الشريحة",
  "linkage.display.level.exact": "مطابق تمامًا",
  "linkage.display.level.normalized": "مطابق بعد التوحيد",
  "linkage.display.level.fuzzy": "مشابه",
  "linkage.display.level.different": "مختلف",
  "linkage.display.level.missing": "مفقود",
  "linkage.display.band.match": "تطابق",
  "linkage.display.band.review": "بحاجة إلى مراجعة",
  "linkage.display.column.band": "الحالة",
  "linkage.display.column.weight": "وزن التطابق",
  "linkage.display.column.probability": "الاحتمال",
  "linkage.display.column.field": "الحقل",
  "linkage.display.column.level": "المستوى",
  "linkage.display.column.fieldWeight": "الوزن",
  "linkage.display.cluster": "{cluster} ({band}): وزن التطابق {weight}، العملاء {customers}",
  "linkage.display.pair": "{a} ↔ {b}: وزن التطابق {weight}، الاحتمال {probability}",
  // H6 (issue 9): the thresholds of `dedupe` and `quality` (--match-weight, --review-weight) and the API.
  "linkage.option.matchWeight":
    "أدنى وزن تطابق (لوغاريتم الأرجحية للأساس ٢) لاعتبار الزوج مكررًا؛ القيمة الأعلى تدمج أزواجًا أقل وترسل المزيد إلى المراجعة (الافتراضي: {value})",
  "linkage.option.reviewWeight":
    "أدنى وزن تطابق يُعرض للمراجعة، لا يتجاوز وزن التطابق؛ القيمة الأدنى تعرض أزواجًا أكثر للمراجعة (الافتراضي: {value})",
  "linkage.error.notNumber": "القيمة «{value}» للخيار {option} ليست رقمًا؛ أدخل وزنًا مثل ٤ أو ٦٫٥ أو ‎-٢.",
  "linkage.error.reviewAboveMatch":
    "وزن المراجعة {review} أعلى من وزن التطابق {match}: نطاق المراجعة يقع تحت عتبة التطابق.",
  "linkage.error.reviewAboveMatch.fix": "أدخل وزن مراجعة لا يتجاوز {match}، أو ارفع وزن التطابق.",
} as const satisfies Record<keyof typeof linkageEn, string>;
