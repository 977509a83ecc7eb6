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
} as const satisfies Record<keyof typeof metricsEn, string>;
