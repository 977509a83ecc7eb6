import type { securityEn } from "./en.js";

export const securityZh = {
  "security.binding.authRequired":
    "在 {host} 上提供服务需要 --auth：只有回环地址（127.0.0.1、localhost、::1）可以不用令牌。",
  "security.tokens.description": "创建、列出和吊销 crm-kpi serve --auth 的 API 令牌",
  "security.tokens.create.description": "创建一个令牌并只打印一次",
  "security.tokens.create.option.role": "令牌的权限：read，或 admin（还可导入、合并、管理目标和设置）",
  "security.tokens.create.option.name": "在 tokens list 中辨认该令牌的名称",
  "security.tokens.list.description": "列出令牌（从不显示密钥）",
  "security.tokens.revoke.description": "永久吊销一个令牌",
  "security.tokens.revoke.arg.id": "令牌的 ID，即 tokens list 显示的 ID",
  "security.tokens.created": "已创建令牌 {id}，角色为 {role}：",
  "security.tokens.shownOnce":
    "请立即复制：它只显示这一次，数据库只保存它的哈希值。请以 Authorization: Bearer <token> 的形式发送。",
  "security.tokens.revoked": "已吊销令牌 {id}：携带它的请求现在会得到 401。",
  "security.tokens.none": "还没有令牌；请用 crm-kpi tokens create --role read 创建一个。",
  "security.tokens.unknown": "没有 ID 为“{value}”的令牌；请查看 crm-kpi tokens list。",
  "security.tokens.column.id": "ID",
  "security.tokens.column.name": "名称",
  "security.tokens.column.role": "角色",
  "security.tokens.column.created": "创建时间",
  "security.tokens.column.revoked": "吊销时间",
  "security.tokens.active": "有效",
} as const satisfies Record<keyof typeof securityEn, string>;
