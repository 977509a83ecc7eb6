import type { periodsEn } from "./en.js";

export const periodsZh = {
  "periods.warning.prefix": "警告：",
  "periods.warning.rangeOutsideData":
    "范围 {from} 至 {to} 完全在数据之外；数据在{calendar}历法中从 {dataFrom} 到 {dataTo}（{dataFromPeriod} 至 {dataToPeriod}）；该范围内的每个值都为空或沿用前值。",
  "periods.warning.otherCalendarYear":
    "年份 {year} 在{calendar}历法中不合理；它看起来是{other}历法的年份（--calendar {other}）。",
  "periods.error.unknownParam": "所报告的指标都没有参数“{param}”；可用参数为：{known}。",
  "periods.error.unknownParam.fix": "请检查拼写；crm-kpi metrics 列出每个指标的参数。",
  "periods.error.paramOutOfRange":
    "{metric} 的参数 {value} 超出范围：{param} 接受 {range}；{metric} 的参数为：{known}。",
  "periods.error.paramOutOfRange.fix": "请给出范围内的值，或省略该参数以使用默认值。",
  "periods.error.targetTooLarge": "目标 {target} 过大：目标的整数部分最多 12 位。",
  "periods.report.partialNote": "* 不完整期间：它在数据最后一天之后结束，因此其数值并非最终值。",
  "periods.report.partialColumn": "不完整",
} as const satisfies Record<keyof typeof periodsEn, string>;
