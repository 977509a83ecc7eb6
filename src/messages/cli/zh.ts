import type { cliEn } from "./en.js";
import { cliI18nZh } from "./i18n/zh.js";

export const cliZh = {
  ...cliI18nZh,
  // Issue 8 part 6: help command, deprecated spellings, explain counts and formats.
  "cli.help.command": "显示某个命令的帮助",
  "cli.deprecated.option": "注意：{old} 已弃用，请使用 {replacement}。",
  "cli.explain.option.at": "要解释的周期，标签如 2024-03、2024-Q1 或 1403-01",
  "cli.explain.option.format": "输出格式（csv 和 ndjson：每行一条记录；json：数值及其记录）",
  "cli.explain.error.needsAt": "此命令需要指定要解释的周期，例如 --at 2024-03。",
  "cli.explain.partRows": "{title}：{total} 行",
  "cli.explain.partRowsShown": "{title}：显示 {total} 行中的 {shown} 行",
  "cli.explain.segment": "细分：{segment}",
} as const satisfies Record<keyof typeof cliEn, string>;
