import type { importerEn } from "./en.js";

export const importerZh = {
  "importer.error.badEncoding": "{file}:{line}：文本不是有效的 {encoding} 编码。",
  "importer.error.badEncoding.fix":
    "请将文件另存为 UTF-8，或用 --encoding 指定其编码（例如 --encoding windows-1256）。",
  "importer.error.unknownEncoding": "未知的编码“{value}”。",
  "importer.error.unknownEncoding.fix":
    "请使用 utf-8、utf-16le、windows-1256、windows-1252、latin1 或其他 WHATWG 编码名称。",
  "importer.error.unknownDelimiter": "未知的分隔符“{value}”。",
  "importer.error.unknownDelimiter.fix": "请使用 ','、';'、'|' 或 '\\t'（制表符）。",
  "importer.error.delimiterWithMapping": "--delimiter 只适用于标准文件，不适用于映射的数据源。",
  "importer.error.delimiterWithMapping.fix": "请在映射文件中为每个数据源指定分隔符。",
  "importer.error.duplicateColumn": "{file}:1：表头两次出现 {column}，分别在第 {first} 列和第 {second} 列。",
  "importer.error.duplicateColumn.fix": "请重命名或删除其中一列。",
  "importer.option.encoding": "文件编码：utf-8（默认）、utf-16le、windows-1256、windows-1252、latin1 等",
  "importer.option.delimiter": "CSV 文件的单元格分隔符：','（默认）、';'、'|' 或 '\\t'",
  "importer.file.unreadable": "无法读取该文件；请检查其格式",
  "importer.file.unreadablePast": "文件从此处起无法读取；请修正（通常是未闭合的引号）后重新导入",
  "importer.file.empty": "文件为空（连表头都没有）；请重新导出，若该实体没有数据则删除此文件",
  "importer.file.headerOnly": "文件有表头但没有数据行；未从中导入任何内容",
  "importer.file.noRecords": "文件中没有记录；未从中导入任何内容",
  "importer.file.duplicateColumn":
    "表头两次出现 {column}，分别在第 {first} 列和第 {second} 列；请重命名或删除其中之一",
  "importer.file.looksSemicolon": "表头只有一列且含有分号：该文件似乎以分号分隔；请用 {flag} 导入",
  "importer.file.looksTab": "表头只有一列且含有制表符：该文件似乎以制表符分隔；请用 {flag} 导入",
  "importer.file.looksComma": "表头只有一列且含有逗号：该文件似乎以逗号分隔；请用 {flag} 导入",
  "importer.file.missingColumn": "文件缺少 {entity} 必需的 {column} 列；整个文件被拒绝，请添加该列",
  "importer.file.unknownColumn": "{column} 不是 {entity} 的列，已忽略；请重命名或使用映射文件",
  "importer.row.required": "{column} 为必填项；请填写",
  "importer.row.duplicateId": "{column} {value} 已在第 {seenAt} 行出现；每个标识只保留一行",
  "importer.row.timeOrder": "{column} 早于 {earlier}；该行已导入，请检查这两个日期",
  "importer.row.idTooLong": "标识最多 200 个字符",
  "importer.row.unknownValue": "必须是以下之一：{values}（小写）",
  "importer.row.badCurrency": "请使用三个字母的 ISO 4217 代码，例如 USD 或 IRR",
  "importer.row.badTimestamp":
    "不是日期时间；请使用 ISO 8601，例如 2024-03-05、2024-03-05T14:30:00 或 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchDate":
    "没有这个日期；请使用 ISO 8601，例如 2024-03-05、2024-03-05T14:30:00 或 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchTime":
    "没有这个时刻；请使用 ISO 8601，例如 2024-03-05、2024-03-05T14:30:00 或 2024-03-05T14:30:00+03:30",
  "importer.row.badOffset":
    "时区偏移超出范围；请使用 ISO 8601，例如 2024-03-05、2024-03-05T14:30:00 或 2024-03-05T14:30:00+03:30",
  "importer.row.badDate": "不是有效日期；请使用 ISO 日期，例如 2024-03-05",
  "importer.row.badInteger": "不是整数；只写数字，例如 1985",
  "importer.row.badDecimal": "不是数字；请以 . 作小数点、不带千位分隔符书写，例如 1234.50",
  "importer.row.numberTooLarge": "数字过大（小数点前最多 24 位）",
  "importer.row.commaDecimal":
    "看起来是以逗号作小数点的数字，使该行多出一个单元格；请给该单元格加引号，或写成 {suggestion}",
  "importer.row.rateNotPositive": "汇率必须大于 0",
  "importer.row.closedAtRequired": "status 为 {status} 时 closed_at 为必填",
  "importer.row.scoreOutOfRange": "score 必须在 {min}..{max} 之内（scale_min..scale_max）",
  "importer.row.npsNotInteger":
    "NPS 评分是 0 到 10 的整数；该行已导入，请检查评分是否为平均值或由其他量表换算而来",
  "importer.row.negativePosition": "position 必须大于或等于 0",
  "importer.row.probabilityRange": "probability 是 0 到 1 之间的小数",
  "importer.row.quotaOwner": "配额需要 rep_id 或 team",
  "importer.row.spendDate": "请给出 date，或同时给出 period_start 和 period_end",
  "importer.row.periodOrder": "period_end（不含）必须晚于 period_start",
  "importer.row.fxNoDate": "{currency} 需要一个日期才能换算 {amount}",
  "importer.row.fxNoCurrency": "fx_rates 中没有 {currency} 的汇率；请在 fx_rates 中添加或更正币种",
  "importer.row.fxNoRate": "{date} 当天及之前没有 {currency} 的汇率；请在 fx_rates 中添加更早的汇率",
  "importer.row.orphan":
    "{column} {value} 不是 {refEntity} 中已知的 {refColumn}；该行已导入，请添加缺失的 {refEntity} 行或更正标识",
  "importer.row.orphanMore": "另有 {count} 行 {entity} 的 {column} 在 {refEntity} 中找不到",
  "importer.row.wrongCellCount":
    "该行有 {cells} 个单元格，而表头有 {expected} 个；请检查是否缺少或多了分隔符，或有未闭合的引号",
  "importer.row.badJson": "不是有效的 JSON；请修正此记录的语法",
  "importer.row.notAnObject": '每条记录必须是 JSON 对象，例如 {"customer_id": "C1", ...}',
  "importer.issue.wrong_cell_count": "该行的单元格数与表头不一致；请检查未加引号的分隔符",
  "importer.issue.bad_number": "不是数字；请以 . 作小数点书写",
  "importer.issue.bad_json": "不是有效的 JSON；请修正此记录的语法",
  "importer.issue.not_an_object": "每条记录必须是 JSON 对象",
  "importer.issue.other": "该行无法导入（{code}）",
  "importer.value.length": "（共 {length} 个字符）",
} as const satisfies Record<keyof typeof importerEn, string>;
