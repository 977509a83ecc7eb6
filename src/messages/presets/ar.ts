import type { presetsEn } from "./en.js";

export const presetsAr = {
  "presets.error.unknown": "الإعداد المسبق «{value}» غير معروف.",
  "presets.error.unknown.fix": "استخدم أحد هذه: {presets}.",
  "presets.error.presetAndMapping": "لا يجتمع ‎--preset و‎--mapping.",
  "presets.error.presetAndMapping.fix": "مرّر أحدهما فقط.",
  "presets.error.ambiguous": "تبدو الملفات تصديرًا لعدة منتجات ({presets}).",
  "presets.error.ambiguous.fix": "مرّر ‎--preset لاختيار واحد منها.",
  "presets.error.noFiles": "لم يُعثر على ملفات بيانات في {file}.",
  "presets.error.noFiles.fix":
    "أضف customers.csv (أو ‎.ndjson أو ‎.json) وملفات الكيانات الأخرى، أو مرّر ‎--preset <الاسم> لتصدير منتج ({presets}) أو ‎--mapping <ملف>، أو أنشئ مسودة تعيين بالأمر: crm-kpi mapping init {dir}",
  "presets.detected":
    "تم التعرّف على تصدير {product}: استُخدم الإعداد المسبق {name} ({file})؛ مرّر ‎--preset أو ‎--mapping لاختيار غيره.",
  "presets.used": "استُخدم الإعداد المسبق {name} ({file}).",
  "presets.option.preset": "قراءة تصدير منتج بإعداد مسبق مرفق بالبرنامج: {presets}",
  "presets.mapping.description": "إنشاء مسودات ملفات التعيين وفحصها (docs/mapping.md)",
  "presets.mapping.init.description":
    "إنشاء مسودة ملف تعيين لمجلد ملفات CSV/JSON بتخمين الكيانات والأعمدة من العناوين والقيم",
  "presets.mapping.init.arg.dir": "مجلد ملفات البيانات",
  "presets.mapping.init.option.out": "كتابة المسودة في هذا الملف بدل المخرج القياسي",
  "presets.mapping.init.option.force": "الكتابة فوق ملف ‎--out إن كان موجودًا",
  "presets.mapping.init.option.sample": "عدد الصفوف المقروءة من كل ملف لتخمين أشكال القيم",
  "presets.mapping.init.written":
    "كُتبت مسودة التعيين {file}: خُمّن {found} كيانًا، و{todo} عمودًا إلزاميًا ينتظر الملء (TODO).",
  "presets.mapping.init.next": "راجعها، ثم: crm-kpi import {dir} --mapping {file}",
  "presets.error.outExists": "الملف {file} موجود مسبقًا.",
  "presets.error.outExists.fix": "مرّر ‎--force للكتابة فوقه، أو اختر ملف ‎--out آخر.",
  "presets.error.noDataFiles": "لا توجد ملفات CSV أو NDJSON أو JSON في {file}.",
  "presets.error.noDataFiles.fix": "حدّد المجلد الذي يحوي الملفات المصدَّرة.",
  "presets.draft.header":
    "مسودة تعيين كتبها crm-kpi mapping init للمجلد {dir}: راجع كل تخمين أدناه (docs/mapping.md).",
  "presets.draft.next": "ثم استورد بالأمر: crm-kpi import {dir} --mapping <هذا الملف>",
  "presets.draft.source.byName": "{file}: خُمّن الكيان {entity} من اسم الملف؛ طابق {matched} من {total} عمودًا.",
  "presets.draft.source.byHeaders":
    "{file}: خُمّن الكيان {entity} من العناوين؛ طابق {matched} من {total} عمودًا.",
  "presets.draft.source.unknown":
    "{file}: لم يُتعرّف على الكيان (العناوين {headers})؛ أضفه يدويًا تحت الكيان الصحيح.",
  "presets.draft.unmatched": "غير معيّن، تحقق إن كان أحدها عمودًا قياسيًا: {headers}",
  "presets.draft.todo.required": "TODO: لم يُعثر على العمود الإلزامي {column}؛ سمِّ عمود المصدر الذي يحويه",
  "presets.draft.note.format": "تواريخ مثل {example}",
  "presets.draft.note.ambiguous": "تواريخ مثل {example}: افتُرض اليوم أولًا (لم يُرَ يوم أكبر من 12)، تحقق",
  "presets.draft.note.persian": "تواريخ هجرية شمسية (التقويم الفارسي) مثل {example}",
  "presets.draft.note.number": "أرقام مثل {example}",
  "presets.draft.note.currency": "مبالغ مكتوبة برمز {currency}",
  "presets.draft.note.email": "خُمّن من القيم (عناوين بريد إلكتروني)",
  "presets.draft.note.map": "القيم المرئية: {values}؛ راجع جدول map",
  "presets.draft.todo.map": "TODO: عيّن {values} إلى أحد {allowed}",
} as const satisfies Record<keyof typeof presetsEn, string>;
