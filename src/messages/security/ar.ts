import type { securityEn } from "./en.js";

export const securityAr = {
  "security.binding.authRequired":
    "يتطلب التشغيل على {host} الخيار --auth: وحدها عناوين loopback (127.0.0.1 وlocalhost و::1) يمكن أن تعمل بلا رموز.",
  "security.tokens.description": "إنشاء رموز واجهة API الخاصة بـ crm-kpi serve --auth وعرضها وإبطالها",
  "security.tokens.create.description": "أنشئ رمزًا واطبعه مرة واحدة",
  "security.tokens.create.option.role":
    "ما يسمح به الرمز: read، أو admin (ويشمل الاستيراد والدمج والأهداف والإعدادات)",
  "security.tokens.create.option.name": "اسم يُعرف به الرمز في tokens list",
  "security.tokens.list.description": "اعرض الرموز (دون أسرارها أبدًا)",
  "security.tokens.revoke.description": "أبطل رمزًا نهائيًا",
  "security.tokens.revoke.arg.id": "معرّف الرمز كما يعرضه tokens list",
  "security.tokens.created": "أُنشئ الرمز {id} بالدور {role}:",
  "security.tokens.shownOnce":
    "انسخه الآن: لن يُعرض إلا هذه المرة، ولا تحفظ قاعدة البيانات سوى تجزئته. أرسله بصيغة Authorization: Bearer <token>.",
  "security.tokens.revoked": "أُبطل الرمز {id}: الطلبات التي ترسله تتلقى الآن 401.",
  "security.tokens.none": "لا توجد رموز بعد؛ أنشئ واحدًا بالأمر crm-kpi tokens create --role read.",
  "security.tokens.unknown": "لا يوجد رمز بالمعرّف «{value}»؛ راجع crm-kpi tokens list.",
  "security.tokens.column.id": "المعرّف",
  "security.tokens.column.name": "الاسم",
  "security.tokens.column.role": "الدور",
  "security.tokens.column.created": "أُنشئ في",
  "security.tokens.column.revoked": "أُبطل في",
  "security.tokens.active": "نشط",
} as const satisfies Record<keyof typeof securityEn, string>;
