import type { linkageEn } from "./en.js";

export const linkageZh = {
  // H5 (issue 9): how the duplicate evidence is shown by `dedupe --review` and the dashboard.
  "linkage.display.field.name": "姓名",
  "linkage.display.field.email": "电子邮件",
  "linkage.display.field.phone": "电话",
  "linkage.display.field.company": "公司",
  "linkage.display.field.city": "城市",
  "linkage.display.field.region": "地区",
  "linkage.display.field.country": "国家",
  "linkage.display.field.segment": "细分",
  "linkage.display.level.exact": "完全相同",
  "linkage.display.level.normalized": "规范化后相同",
  "linkage.display.level.fuzzy": "相似",
  "linkage.display.level.different": "不同",
  "linkage.display.level.missing": "缺失",
  "linkage.display.band.match": "匹配",
  "linkage.display.band.review": "需要审核",
  "linkage.display.column.band": "状态",
  "linkage.display.column.weight": "匹配权重",
  "linkage.display.column.probability": "概率",
  "linkage.display.column.field": "字段",
  "linkage.display.column.level": "级别",
  "linkage.display.column.fieldWeight": "权重",
  "linkage.display.cluster": "{cluster}（{band}）：匹配权重 {weight}，客户 {customers}",
  "linkage.display.pair": "{a} ↔ {b}：匹配权重 {weight}，概率 {probability}",
  // H6 (issue 9): the thresholds of `dedupe` and `quality` (--match-weight, --review-weight) and the API.
  "linkage.option.matchWeight":
    "判定为重复的最低匹配权重（几率以 2 为底的对数）；越高合并的配对越少、送审的越多（默认：{value}）",
  "linkage.option.reviewWeight":
    "列入审核的最低匹配权重，不得高于匹配权重；越低列入审核的配对越多（默认：{value}）",
  "linkage.error.notNumber": "{option} 的值“{value}”不是数字；请给出权重，例如 4、6.5 或 -2。",
  "linkage.error.reviewAboveMatch": "审核权重 {review} 高于匹配权重 {match}：审核区间必须低于匹配阈值。",
  "linkage.error.reviewAboveMatch.fix": "请给出不超过 {match} 的审核权重，或提高匹配权重。",
} as const satisfies Record<keyof typeof linkageEn, string>;
