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
  // Issue 12 part 4: the metrics peers have (mrr.ts, customer-value.ts).
  "metric.arr.name": "الإيرادات السنوية المتكررة (ARR)",
  "metric.arr.description": "MRR في نهاية الفترة مضروبة في 12.",
  "metric.paying_customers.name": "العملاء الدافعون",
  "metric.paying_customers.description": "العملاء الذين تزيد MRR لديهم على الصفر في نهاية الفترة.",
  "metric.arpa.name": "متوسط الإيراد لكل حساب (ARPA)",
  "metric.arpa.description": "MRR العملاء الدافعين في نهاية الفترة مقسومة على عددهم.",
  "metric.quick_ratio.name": "النسبة السريعة لـ SaaS",
  "metric.quick_ratio.description":
    "MRR المكتسبة في الفترة (الجديدة والتوسع والعائدة) مقسومة على MRR المفقودة (الانكماش والتوقف).",
  "metric.net_mrr_churn_rate.name": "صافي معدل فقد MRR",
  "metric.net_mrr_churn_rate.description":
    "MRR المفقودة والانكماش ناقص MRR التوسع والعائدة، مقسومًا على MRR في البداية؛ تكون سالبة حين يفوق نمو العملاء الحاليين انكماشهم.",
  "metric.gross_mrr_churn_rate.name": "إجمالي معدل فقد MRR",
  "metric.gross_mrr_churn_rate.description": "MRR المفقودة والانكماش مقسومة على MRR في بداية الفترة.",
  "metric.mrr_ltv.name": "القيمة الدائمة المبنية على MRR (LTV)",
  "metric.mrr_ltv.description":
    "ARPA مضروبًا في هامش الربح الإجمالي مقسومًا على المعدل الشهري لإجمالي فقد MRR.",
  "metric.repeat_purchase_rate.name": "معدل الشراء المتكرر",
  "metric.repeat_purchase_rate.description":
    "نسبة العملاء الذين اشتروا مرتين على الأقل من بين من اشتروا خلال آخر 365 يومًا.",
  "cli.detail.boughtInWindow": "اشترى في النافذة",
  "cli.detail.boughtAgainInWindow": "اشترى مرة أخرى في النافذة",
  "cli.formula.arr": "١٢ × mrr (عند النهاية − ε)",
  "cli.formula.paying_customers": "عدد العملاء الذين MRR لديهم > ٠ عند النهاية − ε",
  "cli.formula.arpa": "Σ MRR النهاية للعملاء الدافعين / paying_customers",
  "cli.formula.quick_ratio": "(mrr_new + mrr_expansion + mrr_reactivation) / (mrr_contraction + mrr_churned)",
  "cli.formula.net_mrr_churn_rate":
    "(mrr_churned + mrr_contraction − mrr_expansion − mrr_reactivation) / MRR_start",
  "cli.formula.gross_mrr_churn_rate": "(mrr_churned + mrr_contraction) / MRR_start",
  "cli.formula.mrr_ltv":
    "arpa × gross_margin / gross_mrr_churn_rate الشهري؛ الشهري = gross_mrr_churn_rate للفترة P / عدد أشهر P (شهر ١، ربع ٣، سنة ١٢؛ الأيام والأسابيع: عدد الأيام / ٣٠٫٤٣٧٥)",
  "cli.formula.repeat_purchase_rate":
    "عدد العملاء الذين لهم عمليتا شراء على الأقل في W / عدد العملاء الذين لهم عملية شراء في W؛ W = [النهاية − طول النافذة, النهاية)؛ المستردات ليست شراءً",
} as const satisfies Record<keyof typeof metricsEn, string>;
