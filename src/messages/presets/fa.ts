import type { presetsEn } from "./en.js";

export const presetsFa = {
  "presets.error.unknown": "پیش‌تنظیم «{value}» شناخته نیست.",
  "presets.error.unknown.fix": "یکی از این‌ها را به کار ببرید: {presets}.",
  "presets.error.presetAndMapping": "‎--preset و ‎--mapping را با هم نمی‌شود داد.",
  "presets.error.presetAndMapping.fix": "فقط یکی از آن دو را بدهید.",
  "presets.error.ambiguous": "فایل‌ها به خروجی چند محصول می‌مانند ({presets}).",
  "presets.error.ambiguous.fix": "با ‎--preset یکی را انتخاب کنید.",
  "presets.error.noFiles": "در {file} هیچ فایل داده‌ای پیدا نشد.",
  "presets.error.noFiles.fix":
    "فایل customers.csv (یا ‎.ndjson، ‎.json) و فایل‌های موجودیت‌های دیگر را بگذارید، برای خروجی یک محصول ‎--preset <نام> ({presets}) یا ‎--mapping <فایل> را بدهید، یا پیش‌نویس نگاشت را با این فرمان بسازید: crm-kpi mapping init {dir}",
  "presets.detected":
    "خروجی {product} شناخته شد: پیش‌تنظیم {name} ({file}) به کار رفت؛ برای انتخاب دیگر ‎--preset یا ‎--mapping را بدهید.",
  "presets.used": "پیش‌تنظیم {name} ({file}) به کار رفت.",
  "presets.option.preset": "خواندن خروجی یک محصول با پیش‌تنظیم همراه برنامه: {presets}",
  "presets.mapping.description": "ساختن پیش‌نویس و بررسی فایل‌های نگاشت (docs/mapping.md)",
  "presets.mapping.init.description":
    "ساختن پیش‌نویس فایل نگاشت برای پوشه‌ای از فایل‌های CSV/JSON با حدس موجودیت‌ها و ستون‌ها از سرستون‌ها و مقدارها",
  "presets.mapping.init.arg.dir": "پوشهٔ فایل‌های داده",
  "presets.mapping.init.option.out": "نوشتن پیش‌نویس در این فایل به جای خروجی استاندارد",
  "presets.mapping.init.option.force": "بازنویسی فایل ‎--out اگر از پیش باشد",
  "presets.mapping.init.option.sample": "شمار سطرهای خوانده‌شده از هر فایل برای حدس شکل مقدارها",
  "presets.mapping.init.written":
    "پیش‌نویس نگاشت {file} نوشته شد: {found} موجودیت حدس زده شد، {todo} ستون الزامی باید پر شود (TODO).",
  "presets.mapping.init.next": "آن را بررسی کنید، سپس: crm-kpi import {dir} --mapping {file}",
  "presets.error.outExists": "{file} از پیش هست.",
  "presets.error.outExists.fix": "برای بازنویسی ‎--force را بدهید، یا فایل ‎--out دیگری برگزینید.",
  "presets.error.noDataFiles": "در {file} هیچ فایل CSV یا NDJSON یا JSON نیست.",
  "presets.error.noDataFiles.fix": "پوشه‌ای را بدهید که فایل‌های خروجی‌گرفته در آن است.",
  "presets.draft.header":
    "پیش‌نویس نگاشت که crm-kpi mapping init برای {dir} نوشته است: همهٔ حدس‌های زیر را بررسی کنید (docs/mapping.md).",
  "presets.draft.next": "سپس با این فرمان وارد کنید: crm-kpi import {dir} --mapping <همین فایل>",
  "presets.draft.source.byName":
    "{file}: موجودیت {entity} از نام فایل حدس زده شد؛ {matched} ستون از {total} ستون جور شد.",
  "presets.draft.source.byHeaders":
    "{file}: موجودیت {entity} از سرستون‌ها حدس زده شد؛ {matched} ستون از {total} ستون جور شد.",
  "presets.draft.source.unknown":
    "{file}: موجودیت شناخته نشد (سرستون‌ها {headers})؛ آن را دستی زیر موجودیت درست بیفزایید.",
  "presets.draft.unmatched": "نگاشت نشده؛ بررسی کنید کدام یک ستون استاندارد است: {headers}",
  "presets.draft.todo.required": "TODO: ستون الزامی {column} پیدا نشد؛ ستون منبعی را که آن را دارد نام ببرید",
  "presets.draft.note.format": "تاریخ‌هایی مانند {example}",
  "presets.draft.note.ambiguous":
    "تاریخ‌هایی مانند {example}: روز اول فرض شد (روزی بیشتر از ۱۲ دیده نشد)، بررسی کنید",
  "presets.draft.note.persian": "تاریخ‌های خورشیدی (تقویم ایرانی) مانند {example}",
  "presets.draft.note.number": "عددهایی مانند {example}",
  "presets.draft.note.currency": "مبلغ‌ها با نماد {currency} نوشته شده‌اند",
  "presets.draft.note.email": "از روی مقدارها حدس زده شد (نشانی‌های ایمیل)",
  "presets.draft.note.map": "مقدارهای دیده‌شده: {values}؛ جدول map را بررسی کنید",
  "presets.draft.todo.map": "TODO: {values} را به یکی از {allowed} نگاشت کنید",
} as const satisfies Record<keyof typeof presetsEn, string>;
