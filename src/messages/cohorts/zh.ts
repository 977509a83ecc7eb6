import type { cohortsEn } from "./en.js";

export const cohortsZh = {
  "cohorts.cli.description": "同期群留存：按获客周期 × 此后周期分组的客户及其收入",
  "cohorts.cli.option.period": "同期群周期长度：day、week、month、quarter、year…",
  "cohorts.cli.option.from": "第一个同期群周期（例如 2024-01、1403-01）",
  "cohorts.cli.option.to": "表格的最后一个周期",
  "cohorts.cli.option.measure": "单元格显示内容：customers（仍活跃的比例）或 revenue（占第 0 期收入的比例）",
  "cohorts.column.cohort": "同期群",
  "cohorts.column.size": "客户数",
  "cohorts.column.revenue": "收入",
  "cohorts.column.offset": "+{offset}",
  "cohorts.none": "此范围内没有获得任何客户。",
  "cohorts.note.customers": "单元格：同期群中仍活跃客户的比例，共 {count} 个同期群。",
  "cohorts.note.revenue": "单元格：收入占同期群第 0 期收入的比例，共 {count} 个同期群。",
} as const satisfies Record<keyof typeof cohortsEn, string>;
