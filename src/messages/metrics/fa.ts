import type { metricsEn } from "./en.js";

export const metricsFa = {
  // Siblings of `nps` (nps-components.ts): named `metric.<id>.name` so metricName finds them.
  "metric.nps_promoters.name": "ترویج‌کنندگان NPS",
  "metric.nps_promoters_share.name": "سهم ترویج‌کنندگان NPS",
  "metric.nps_passives.name": "بی‌طرف‌های NPS",
  "metric.nps_passives_share.name": "سهم بی‌طرف‌های NPS",
  "metric.nps_detractors.name": "منتقدان NPS",
  "metric.nps_detractors_share.name": "سهم منتقدان NPS",
  "metric.nps_standard_error.name": "خطای معیار NPS",
  "metric.nps_ci_low.name": "کران پایین بازهٔ ۹۵٪ NPS",
  "metric.nps_ci_high.name": "کران بالای بازهٔ ۹۵٪ NPS",
  // Issue 8 part 10: why a metric is reported as a total only under --by.
  "metrics.breakdown.totalsOnly": "فقط جمع کل بر اساس {by}، {reason}: {metrics}",
  "metrics.breakdown.reason.spend":
    "ردیف‌های هزینه کانال دارند، نه مشتری (تنها تفکیک بر اساس کانال جذب ممکن است)",
  "metrics.breakdown.reason.campaignSpend": "ردیف‌های هزینه به کمپین تعلق دارند، نه به مشتری",
  "metrics.breakdown.reason.quota":
    "سهمیه‌ها متعلق به فروشندگان‌اند، نه مشتریان (ردیف‌های هر فروشنده و تیم را ببینید)",
  "metrics.breakdown.reason.emailList":
    "رویدادهای فهرست ایمیل نشانی ایمیل دارند، نه مشتری (ردیف‌های هر فهرست را ببینید)",
  "metrics.breakdown.reason.dealColumn": "این ستونی از معاملات است، نه از مشتریان",
  "metrics.breakdown.reason.notCustomers": "ردیف‌های آن به مشتریان تعلق ندارند",
  // Issue 12 part 4: the metrics peers have (mrr.ts, customer-value.ts).
  "metric.arr.name": "درآمد تکرارشوندهٔ سالانه (ARR)",
  "metric.arr.description": "MRR پایان دوره ضرب در ۱۲.",
  "metric.paying_customers.name": "مشتریان پرداخت‌کننده",
  "metric.paying_customers.description": "مشتریانی که MRR آن‌ها در پایان دوره بیشتر از صفر است.",
  "metric.arpa.name": "میانگین درآمد به ازای هر حساب (ARPA)",
  "metric.arpa.description": "MRR مشتریان پرداخت‌کننده در پایان دوره تقسیم بر تعداد آن‌ها.",
  "metric.quick_ratio.name": "نسبت سریع SaaS",
  "metric.quick_ratio.description":
    "MRR به‌دست‌آمده در دوره (جدید، گسترش، بازگشت) تقسیم بر MRR ازدست‌رفته (کاهش، ریزش).",
  "metric.net_mrr_churn_rate.name": "نرخ ریزش خالص MRR",
  "metric.net_mrr_churn_rate.description":
    "MRR ریزش‌کرده و کاهش منهای MRR گسترش و بازگشت، تقسیم بر MRR آغاز دوره؛ وقتی رشد مشتریان موجود از کاهش آن‌ها بیشتر باشد، منفی است.",
  "metric.gross_mrr_churn_rate.name": "نرخ ریزش ناخالص MRR",
  "metric.gross_mrr_churn_rate.description": "MRR ریزش‌کرده و کاهش تقسیم بر MRR آغاز دوره.",
  "metric.mrr_ltv.name": "ارزش طول عمر بر پایهٔ MRR (LTV)",
  "metric.mrr_ltv.description": "ARPA ضرب در حاشیهٔ سود ناخالص تقسیم بر نرخ ماهانهٔ ریزش ناخالص MRR.",
  "metric.repeat_purchase_rate.name": "نرخ خرید مجدد",
  "metric.repeat_purchase_rate.description":
    "سهم مشتریانی که در ۳۶۵ روز گذشته دست‌کم دو بار خریده‌اند، از میان همهٔ خریداران همان بازه.",
  "cli.detail.boughtInWindow": "خرید در بازه",
  "cli.detail.boughtAgainInWindow": "خرید دوباره در بازه",
  "cli.formula.arr": "۱۲ × mrr (در پایان − ε)",
  "cli.formula.paying_customers": "تعداد مشتریانِ دارای MRR > ۰ در پایان − ε",
  "cli.formula.arpa": "Σ MRR پایانِ مشتریان پرداخت‌کننده / paying_customers",
  "cli.formula.quick_ratio": "(mrr_new + mrr_expansion + mrr_reactivation) / (mrr_contraction + mrr_churned)",
  "cli.formula.net_mrr_churn_rate":
    "(mrr_churned + mrr_contraction − mrr_expansion − mrr_reactivation) / MRR_start",
  "cli.formula.gross_mrr_churn_rate": "(mrr_churned + mrr_contraction) / MRR_start",
  "cli.formula.mrr_ltv":
    "arpa × gross_margin / gross_mrr_churn_rate ماهانه؛ ماهانه = gross_mrr_churn_rate دورهٔ P / تعداد ماه‌های P (ماه ۱، فصل ۳، سال ۱۲؛ روز و هفته: تعداد روز / ۳۰٫۴۳۷۵)",
  "cli.formula.repeat_purchase_rate":
    "تعداد مشتریانِ دارای دست‌کم ۲ خرید در W / تعداد مشتریانِ دارای خرید در W؛ W = [پایان − طول پنجره, پایان)؛ بازپرداخت خرید نیست",
} as const satisfies Record<keyof typeof metricsEn, string>;
