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
  // Issue 12 part 4: the metrics peers have (mrr.ts, customer-value.ts).
  "metric.arr.name": "年度经常性收入（ARR）",
  "metric.arr.description": "周期结束时的 MRR 乘以 12。",
  "metric.paying_customers.name": "付费客户数",
  "metric.paying_customers.description": "周期结束时 MRR 大于零的客户数。",
  "metric.arpa.name": "每账户平均收入（ARPA）",
  "metric.arpa.description": "周期结束时付费客户的 MRR 除以付费客户数。",
  "metric.quick_ratio.name": "SaaS 速动比率",
  "metric.quick_ratio.description": "本周期获得的 MRR（新增、扩展、回流）除以损失的 MRR（收缩、流失）。",
  "metric.net_mrr_churn_rate.name": "MRR 净流失率",
  "metric.net_mrr_churn_rate.description":
    "（流失 MRR + 收缩 MRR − 扩展 MRR − 回流 MRR）/ 期初 MRR；现有客户的增长超过收缩时为负。",
  "metric.gross_mrr_churn_rate.name": "MRR 总流失率",
  "metric.gross_mrr_churn_rate.description": "（流失 MRR + 收缩 MRR）/ 期初 MRR。",
  "metric.mrr_ltv.name": "基于 MRR 的生命周期价值（LTV）",
  "metric.mrr_ltv.description": "ARPA × 毛利率 / 月度 MRR 总流失率。",
  "metric.repeat_purchase_rate.name": "复购率",
  "metric.repeat_purchase_rate.description": "最近 365 天内下单的客户中至少购买两次的比例。",
  "cli.detail.boughtInWindow": "在窗口内购买",
  "cli.detail.boughtAgainInWindow": "在窗口内再次购买",
  "cli.formula.arr": "12 × mrr（期末 − ε）",
  "cli.formula.paying_customers": "期末 − ε 时 MRR > 0 的客户数",
  "cli.formula.arpa": "Σ 付费客户的期末 MRR / paying_customers",
  "cli.formula.quick_ratio": "(mrr_new + mrr_expansion + mrr_reactivation) / (mrr_contraction + mrr_churned)",
  "cli.formula.net_mrr_churn_rate":
    "(mrr_churned + mrr_contraction − mrr_expansion − mrr_reactivation) / MRR_start",
  "cli.formula.gross_mrr_churn_rate": "(mrr_churned + mrr_contraction) / MRR_start",
  "cli.formula.mrr_ltv":
    "arpa × gross_margin / 月度 gross_mrr_churn_rate；月度 = P 的 gross_mrr_churn_rate / P 的月数（月 1，季 3，年 12；日和周：天数 / 30.4375）",
  "cli.formula.repeat_purchase_rate":
    "W 内至少购买 2 次的客户数 / W 内有购买的客户数，W = [期末 − 窗口长度, 期末)；退款不算购买",
} as const satisfies Record<keyof typeof metricsEn, string>;
