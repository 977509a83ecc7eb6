import type { securityEn } from "./en.js";

export const securityFa = {
  "security.binding.authRequired":
    "سرویس‌دهی روی {host} به --auth نیاز دارد: فقط نشانی‌های loopback (127.0.0.1، localhost، ::1) بدون توکن مجازند.",
  "security.tokens.description": "ساختن، فهرست کردن و باطل کردن توکن‌های API برای crm-kpi serve --auth",
  "security.tokens.create.description": "یک توکن بساز و آن را یک بار چاپ کن",
  "security.tokens.create.option.role":
    "توکن چه کاری می‌تواند بکند: read، یا admin (همچنین درون‌بُرد، ادغام، اهداف، تنظیمات)",
  "security.tokens.create.option.name": "نامی برای شناختن توکن در tokens list",
  "security.tokens.list.description": "فهرست توکن‌ها (هرگز خود رمزها)",
  "security.tokens.revoke.description": "یک توکن را برای همیشه باطل کن",
  "security.tokens.revoke.arg.id": "شناسهٔ توکن، همان‌طور که tokens list نشان می‌دهد",
  "security.tokens.created": "توکن {id} با نقش {role} ساخته شد:",
  "security.tokens.shownOnce":
    "همین حالا آن را کپی کنید: فقط همین یک بار نمایش داده می‌شود و پایگاه داده تنها هش آن را نگه می‌دارد. آن را به صورت Authorization: Bearer <token> بفرستید.",
  "security.tokens.revoked": "توکن {id} باطل شد: درخواست‌هایی که آن را بفرستند اکنون 401 می‌گیرند.",
  "security.tokens.none": "هنوز توکنی وجود ندارد؛ با crm-kpi tokens create --role read یکی بسازید.",
  "security.tokens.unknown": "توکنی با شناسهٔ «{value}» وجود ندارد؛ crm-kpi tokens list را ببینید.",
  "security.tokens.column.id": "شناسه",
  "security.tokens.column.name": "نام",
  "security.tokens.column.role": "نقش",
  "security.tokens.column.created": "ساخته‌شده",
  "security.tokens.column.revoked": "باطل‌شده",
  "security.tokens.active": "فعال",
} as const satisfies Record<keyof typeof securityEn, string>;
