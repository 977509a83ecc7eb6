import type { predictEn } from "./en.js";

export const predictAr = {
  "predict.cli.description": "تنبؤات لكل عميل من السجل السابق لتاريخ معيّن",
  "predict.clv.cli.description":
    "القيمة الدائمة المتوقعة للعميل: احتمال بقائه نشطًا، والمشتريات والإنفاق المتوقعان، والقيمة المخصومة لكل عميل",
  "predict.clv.option.calibrationEnd":
    "آخر يوم يتعلم منه النموذج، بتقويم البيانات (الافتراضي: آخر يوم شراء)؛ المشتريات اللاحقة هي فترة الاختبار",
  "predict.clv.option.horizon": "مدى التنبؤ: 52w أو 12m أو 1y أو 90d",
  "cli.help.placeholder.rate": "المعدل",
  "predict.clv.option.discountRate": "معدل الخصم السنوي للقيمة الدائمة، مثلًا 0.1 يعني 10٪ سنويًا",
  "predict.error.badHorizon": "القيمة «{value}» للخيار ‎--horizon ليست مدة.",
  "predict.error.badHorizon.fix":
    "اكتب أسابيع أو أشهرًا أو سنوات أو أيامًا، مثلًا ‎--horizon 52w أو 12m أو 1y أو 90d.",
  "predict.error.badDiscountRate": "القيمة {value} للخيار ‎--discount-rate ليست معدلًا سنويًا بين 0 و10.",
  "predict.error.badDiscountRate.fix": "اكتب المعدل كسرًا، مثلًا ‎--discount-rate 0.1 لـ 10٪ سنويًا.",
  "predict.error.noCustomers": "لم يشترِ أي عميل في فترة التعلم: لا توجد بيانات لملاءمة النموذج.",
  "predict.error.noCustomers.fix": "استورد الطلبات، أو مرّر ‎--calibration-end أحدث.",
  "predict.error.noRepeats":
    "لم يشترِ أي عميل في يومين مختلفين خلال فترة التعلم: يحتاج النموذج إلى مشتريات متكررة.",
  "predict.error.noRepeats.fix": "استورد سجل طلبات أطول، أو مرّر ‎--calibration-end أحدث.",
  "predict.error.badHoldout": "القيمة «{value}» للخيار ‎--holdout ليست مدة.",
  "predict.error.badHoldout.fix": "اكتب أسابيع أو أشهرًا أو أيامًا، مثلًا ‎--holdout 13w أو 3m أو 90d.",
  "predict.clv.option.holdout":
    "بدلًا من ‎--calibration-end: احجز هذه المدة من نهاية البيانات للاختبار، مثلًا 13w",
  "predict.column.customer": "العميل",
  "predict.column.frequency": "أيام الشراء المتكرر",
  "predict.column.recency": "الحداثة (أسابيع)",
  "predict.column.age": "العمر (أسابيع)",
  "predict.column.pAlive": "احتمال البقاء نشطًا",
  "predict.column.expectedPurchases": "المشتريات المتوقعة",
  "predict.column.expectedValue": "الإنفاق المتوقع لكل شراء",
  "predict.column.clv": "القيمة الدائمة",
  "predict.column.group": "أيام الشراء المتكرر في فترة التعلم",
  "predict.column.customers": "العملاء",
  "predict.column.actual": "الفعلي لكل عميل",
  "predict.column.predicted": "المتوقع لكل عميل",
  "predict.note.bgNbd": "نموذج BG/NBD: ‏r = {r}، ‏α = {alpha}، ‏a = {a}، ‏b = {b}؛ لوغاريتم الأرجحية {ll}",
  "predict.note.gammaGamma":
    "نموذج غاما-غاما: ‏p = {p}، ‏q = {q}، ‏v = {v}؛ لوغاريتم الأرجحية {ll} ({customers} عميلًا لديهم مشتريات متكررة)",
  "predict.note.noGammaGamma":
    "لم تتم ملاءمة نموذج غاما-غاما (أقل من عميلين لديهم مشتريات متكررة بقيمة موجبة)؛ الإنفاق والقيمة الدائمة فارغان.",
  "predict.note.calibration":
    "التعلم حتى {end}: {customers} عميلًا، {repeat} منهم لديهم مشتريات متكررة. مدى التنبؤ {weeks} أسبوعًا، ومعدل الخصم {rate} سنويًا. متوسط القيمة الدائمة {average}.",
  "predict.note.holdout":
    "فترة الاختبار من {start} إلى {end} ({weeks} أسبوعًا): {actual} عملية شراء متكررة، وتوقع النموذج {predicted}.",
  "predict.note.noHoldout":
    "لا توجد فترة اختبار: ينتهي التعلم في آخر يوم شراء. مرّر ‎--calibration-end أبكر لمقارنة النموذج بما حدث بعده.",
  "predict.catalog.list": "قائمة لكل عميل: crm-kpi predict clv ‏(GET /api/v1/predict/clv)",
  "metric.predicted_clv.name": "القيمة الدائمة المتوقعة",
  "metric.predicted_clv.description":
    "القيمة المخصومة للمشتريات المتوقعة لكل عميل خلال مدى التنبؤ (نموذج BG/NBD × غاما-غاما)؛ والمقياس هو متوسطها على العملاء.",
} as const satisfies Record<keyof typeof predictEn, string>;
