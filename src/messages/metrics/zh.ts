import type { metricsEn } from "./en.js";

export const metricsZh = {
  // Siblings of `nps` (nps-components.ts): named `metric.<id>.name` so metricName finds them.
  "metric.nps_promoters.name": "NPS 推荐者",
  "metric.nps_promoters_share.name": "NPS 推荐者占比",
  "metric.nps_passives.name": "NPS 中立者",
  "metric.nps_passives_share.name": "NPS 中立者占比",
  "metric.nps_detractors.name": "NPS 贬损者",
  "metric.nps_detractors_share.name": "NPS 贬损者占比",
  "metric.nps_standard_error.name": "NPS 标准误",
  "metric.nps_ci_low.name": "NPS 95% 置信区间下限",
  "metric.nps_ci_high.name": "NPS 95% 置信区间上限",
  // Issue 8 part 10: why a metric is reported as a total only under --by.
  "metrics.breakdown.totalsOnly": "按 {by} 仅有总计，{reason}：{metrics}",
  "metrics.breakdown.reason.spend": "支出记录只有渠道，没有客户（只能按获客渠道细分）",
  "metrics.breakdown.reason.campaignSpend": "支出记录属于营销活动，而非客户",
  "metrics.breakdown.reason.quota": "配额属于销售代表，而非客户（请看按代表和团队的行）",
  "metrics.breakdown.reason.emailList": "邮件列表事件只有邮箱地址，没有客户（请看按列表的行）",
  "metrics.breakdown.reason.dealColumn": "这是交易的字段，而非客户的字段",
  "metrics.breakdown.reason.notCustomers": "其记录不属于客户",
} as const satisfies Record<keyof typeof metricsEn, string>;
