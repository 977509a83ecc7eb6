import type { serverEn } from "./en.js";

/** رسائل واجهة HTTP. */
export const serverAr: Record<keyof typeof serverEn, string> = {
  "server.error.not_found": "لا يوجد شيء في {path}.",
  "server.error.not_found.fix": "راجع ‎/api/openapi.json لمعرفة مسارات الواجهة.",
  "server.error.bad_request": "الطلب غير صالح: تحقّق من {fields}.",
  "server.error.bad_request.fix": "راجع ‎/api/openapi.json لمعرفة المعاملات والقيم المقبولة.",
  "server.error.unauthorized": "يحتاج هذا الطلب إلى رمز وصول.",
  "server.error.unauthorized.fix":
    "أرسل الترويسة Authorization: Bearer <token>؛ وأنشئ رمزًا بالأمر crm-kpi tokens create.",
  "server.error.forbidden": "هذا الرمز مسموح له بالقراءة فقط.",
  "server.error.forbidden.fix": "استخدم رمزًا أُنشئ بالخيار ‎--role admin.",
  "server.error.payload_too_large": "جسم الطلب أكبر مما يقبله الخادم.",
  "server.error.payload_too_large.fix": "أرسل جسمًا أصغر، أو ارفع الحد عند تشغيل الخادم.",
  "server.error.unsupported_media_type": "يجب أن يكون جسم الطلب بصيغة JSON ‏(Content-Type: application/json).",
  "server.error.unsupported_media_type.fix": "أرسل الجسم بصيغة JSON مع Content-Type: application/json.",
  "server.error.host_not_allowed": "قيمة Host في هذا الطلب غير مسموح بها.",
  "server.error.host_not_allowed.fix": "افتح لوحة المعلومات عبر 127.0.0.1 أو localhost.",
  "server.error.cross_origin_refused": "رُفضت عملية كتابة من مصدر آخر.",
  "server.error.cross_origin_refused.fix": "أرسل الطلب من مصدر لوحة المعلومات نفسه.",
  "server.error.internal": "تعذّر على الخادم الرد على هذا الطلب.",
  "server.error.internal.fix": "أعد المحاولة؛ وإن تكرر الخطأ فراجع سجل الخادم.",
  "server.error.no_cluster": "لا توجد مجموعة مكررات باسم «{value}».",
  "server.error.databaseHeld":
    "قاعدة البيانات {file} محجوزة لخادم crm-kpi يعمل على {url} (رقم العملية {pid}).",
  "server.error.databaseHeld.fix":
    "أوقف ذلك الخادم (Ctrl+C في طرفيّته)، أو استخدم لوحة المعلومات أو الواجهة على {url}.",
  "server.web.missing.title": "لوحة معلومات crm-kpi غير مبنية",
  "server.web.missing.body": "لم تُبنَ لوحة المعلومات بعد. شغّل npm run build ثم أعد تحميل هذه الصفحة.",
  "server.serve.description": "تقديم لوحة المعلومات وواجهة HTTP",
  "server.serve.option.port": "المنفذ الذي يستمع إليه الخادم",
  "server.serve.option.host": "العنوان الذي يستمع إليه الخادم (غير loopback يتطلب ‎--auth)",
  "server.serve.option.auth": "طلب رمز وصول (crm-kpi tokens create) في كل طلب",
  "server.serve.option.demo": "توليد بيانات العرض واستيرادها عندما لا توجد قاعدة البيانات",
  "server.serve.demo": "لا توجد قاعدة بيانات في {db}: جارٍ توليد بيانات العرض…",
  "server.serve.listening": "يقدّم crm-kpi قاعدة البيانات {db} على {url}",
  "server.serve.stop": "اضغط Ctrl+C للإيقاف.",
};
