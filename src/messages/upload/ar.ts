import type { uploadEn } from "./en.js";

export const uploadAr = {
  "upload.error.too_large": "حجم الملف المرفوع أكبر من الحد البالغ {limit} بايت.",
  "upload.error.zip_entries": "يحتوي ملف zip على {count} عنصرًا؛ الحد الأقصى المقبول {limit}.",
  "upload.error.zip_total": "سيتجاوز حجم ملف zip بعد فكه {limit} بايت.",
  "upload.error.zip_ratio":
    "أحد عناصر zip مضغوط بنسبة {ratio} إلى 1؛ الحد المقبول {limit} إلى 1، لذا رُفض الملف باعتباره قنبلة zip محتملة.",
  "upload.error.zip_size_mismatch": "العنصر {name} في zip يحتوي بعد فكه على بيانات أكثر مما يعلنه رأسه.",
  "upload.error.zip_invalid": "هذا الملف ليس أرشيف zip قابلًا للقراءة.",
  "upload.error.unsafe_name": "اسم الملف {name} غير مسموح به.",
  "upload.error.bad_extension":
    "{name}: يمكن رفع ملفات ‎.csv و‎.ndjson و‎.json و‎.yaml و‎.yml فقط (أو ملف ‎.zip واحد يضمها).",
  "upload.error.duplicate_name": "ملفان مرفوعان يحملان الاسم نفسه {name}.",
  "upload.error.no_files": "لا يحتوي الرفع على ملفات بيانات: أضفها في files (أو ملف ‎.zip واحد).",
  "upload.error.mapping_path":
    "ملف الربط يشير إلى الملف {name}؛ في الرفع لا يمكنه الإشارة إلا إلى الملفات المرفوعة باسمها المجرد.",
  "upload.error.not_multipart": "أرسل الملفات بصيغة multipart/form-data.",
  "upload.error.unknown_job": "لا توجد مهمة استيراد بهذا المعرّف؛ تُحفظ المهام حتى إعادة تشغيل الخادم.",
  "upload.rowError": "{place}: {reason}",
} as const satisfies Record<keyof typeof uploadEn, string>;
