import type { propensityEn } from "./en.js";

export const propensityAr = {
  "propensity.cli.upsell.description":
    "احتمال البيع الإضافي: فرصة توسّع أو ترقية كل عميل نشط في النافذة التالية، مرتبة ومشروحة",
  "propensity.cli.churn.description":
    "احتمال الفقد: فرصة مغادرة كل عميل نشط في النافذة التالية، مرتبة ومشروحة",
  "propensity.cli.option.asOf":
    "التقييم حتى نهاية هذا اليوم (YYYY-MM-DD في التقويم؛ الافتراضي: آخر يوم في البيانات)؛ لا يُقرأ شيء بعده",
  "propensity.cli.option.window": "طول نافذة النتيجة بالأيام (الافتراضي ٩٠)",
  "propensity.cli.option.top": "اطبع أعلى N درجة فقط (الافتراضي: ٢٠ في table و md، وإلا فجميع العملاء)",
  "propensity.column.rank": "الترتيب",
  "propensity.column.customer": "العميل",
  "propensity.column.name": "الاسم",
  "propensity.column.score": "الدرجة",
  "propensity.column.decile": "العُشير",
  "propensity.column.drivers": "أقوى العوامل",
  "propensity.target.upsell": "البيع الإضافي",
  "propensity.target.churn": "الفقد",
  "propensity.summary":
    "احتمال {target} حتى {asOf}، نافذة النتيجة {window} يومًا: قُيّم {count} عميلًا نشطًا بانحدار لوجستي L2 مدرَّب على {rows} صفًا ({positives} منها بالنتيجة) من {snapshots} لقطات زمنية.",
  "propensity.backtest":
    "الاختبار الرجعي: تدريب على اللقطات حتى {trainEnd}، واختبار على {testAt} بنتائج حتى {asOf}: AUC {auc}، الرفع في العُشير الأعلى {lift} ({rows} عميلًا، {positives} منهم بالنتيجة).",
  "propensity.backtest.none":
    "لا اختبار رجعي: في البيانات أقل من لقطتين زمنيتين، أو لا تُظهر اللقطات السابقة إلا نوعًا واحدًا من النتائج.",
  "propensity.shown": "عُرض {shown} من {count} عميلًا؛ استخدم ‎--top N‎ لعرض المزيد.",
  "propensity.error.noOutcomes":
    "لا تحوي البيانات السابقة للتاريخ المرجعي أي نتائج {target} للتعلّم منها، أو لا تحوي سواها؛ اختر ‎--as-of‎ أحدث أو ‎--window‎ أطول، أو استورد سجلًا أطول.",
  "propensity.error.window":
    "يجب أن تكون ‎--window‎ عددًا صحيحًا من الأيام بين ١ و٧٣٠ (مثلًا ٩٠)؛ القيمة المعطاة: {value}.",
  "propensity.error.top": "يجب أن تكون ‎--top‎ عددًا صحيحًا لا يقل عن ١ (مثلًا ٢٠)؛ القيمة المعطاة: {value}.",
  "propensity.feature.tenure_days": "مدة العلاقة",
  "propensity.feature.mrr": "الإيراد الشهري المتكرر",
  "propensity.feature.mrr_trend_3m": "اتجاه الإيراد الشهري خلال ٣ أشهر",
  "propensity.feature.active_terms": "الاشتراكات النشطة",
  "propensity.feature.orders_365d": "طلبات العام الماضي",
  "propensity.feature.order_recency_days": "الأيام منذ آخر طلب",
  "propensity.feature.order_monetary_365d": "قيمة طلبات العام الماضي",
  "propensity.feature.past_upsells": "بيوع إضافية سابقة",
  "propensity.feature.tickets_180d": "تذاكر آخر ١٨٠ يومًا",
  "propensity.feature.open_tickets": "التذاكر المفتوحة",
  "propensity.feature.resolution_hours": "متوسط زمن الحل",
  "propensity.feature.nps_latest": "آخر إجابة على صافي نقاط الترويج",
  "propensity.feature.csat_latest": "آخر إجابة على رضا العملاء",
  "propensity.feature.has_nps": "أجاب عن صافي نقاط الترويج",
  "propensity.feature.has_csat": "أجاب عن استبيان الرضا",
  "propensity.feature.plan": "الخطة {value}",
  "propensity.feature.channel": "القناة {value}",
  "propensity.feature.owner": "المسؤول {value}",
  "propensity.web.upsell": "مرشحون للترقية",
  "propensity.web.churn": "معرضون لخطر الفقد",
  "propensity.web.backtest": "الاختبار الرجعي: AUC {auc}، الرفع في العُشير الأعلى {lift}، حتى {asOf}",
} as const satisfies Record<keyof typeof propensityEn, string>;
