import type { metricsEn } from "./en.js";

export const metricsAr = {
  // Siblings of `nps` (nps-components.ts): named `metric.<id>.name` so metricName finds them.
  "metric.nps_promoters.name": "مروّجو NPS",
  "metric.nps_promoters_share.name": "حصة مروّجي NPS",
  "metric.nps_passives.name": "محايدو NPS",
  "metric.nps_passives_share.name": "حصة محايدي NPS",
  "metric.nps_detractors.name": "منتقدو NPS",
  "metric.nps_detractors_share.name": "حصة منتقدي NPS",
  "metric.nps_standard_error.name": "الخطأ المعياري لـ NPS",
  "metric.nps_ci_low.name": "الحد الأدنى لفاصل الثقة ٩٥٪ لـ NPS",
  "metric.nps_ci_high.name": "الحد الأعلى لفاصل الثقة ٩٥٪ لـ NPS",
  // Issue 8 part 10: why a metric is reported as a total only under --by.
  "metrics.breakdown.totalsOnly": "الإجماليات فقط حسب {by}، {reason}: {metrics}",
  "metrics.breakdown.reason.spend": "صفوف الإنفاق تحمل قناة لا عميلًا (يمكن التقسيم حسب قناة الاستقطاب فقط)",
  "metrics.breakdown.reason.campaignSpend": "صفوف الإنفاق تخص حملة لا عميلًا",
  "metrics.breakdown.reason.quota": "الحصص تخص مندوبي المبيعات لا العملاء (انظر صفوف كل مندوب وكل فريق)",
  "metrics.breakdown.reason.emailList":
    "أحداث القائمة البريدية تحمل عنوان بريد لا عميلًا (انظر صفوف كل قائمة)",
  "metrics.breakdown.reason.dealColumn": "هذا عمود في الصفقات لا في العملاء",
  "metrics.breakdown.reason.notCustomers": "صفوفه لا تخص العملاء",
} as const satisfies Record<keyof typeof metricsEn, string>;
