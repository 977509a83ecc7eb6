import type { mappingEn } from "./en.js";

export const mappingZh = {
  "mapping.warning.noFile": "{entity}：未找到此可选数据源的文件；已跳过",
  "mapping.warning.unpivotNoColumn":
    "{entity}：{file} 中没有列与 unpivot 模式 {pattern} 匹配；该文件未产生任何记录",
  "mapping.summary.title": "映射规则：",
  "mapping.summary.source": "{entity}（{file}，{source}）：读取 {rows} 行，得到 {records} 条记录",
  "mapping.summary.where": "{count} 行被 where 排除（{path}）",
  "mapping.summary.dedupe": "{count} 条被 dedupe 去除（{path}）",
  "mapping.summary.joinRequired": "{count} 行被排除：在必需的关联中没有匹配（{path}）",
  "mapping.summary.joinUnmatched": "{count} 行在关联中没有匹配，以空单元格保留（{path}）",
  "mapping.summary.groupBy": "{count} 条合并到所属分组（{path}）",
  "mapping.error.groupDiffers": "{place}：“{value}”与同组前一行的“{first}”不同。",
  "mapping.error.groupDiffers.fix":
    "请在映射中为该列指定聚合 aggregate（first、last、min、max、sum 或 count）。",
  "mapping.error.sumNotNumber": "{place}：“{value}”不是数字，无法求和。",
  "mapping.error.sumNotNumber.fix": "请修正该单元格，或在映射中为该列设置 number: 规则。",
} as const satisfies Record<keyof typeof mappingEn, string>;
