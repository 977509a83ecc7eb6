import type { databaseEn } from "./en.js";

export const databaseAr = {
  "database.error.unreadable": "تعذّرت قراءة {file}: {detail}.",
  "database.error.unreadable.fix": "تحقّق من المسار وأذوناته.",
  "database.error.notFound": "قاعدة البيانات {file} غير موجودة.",
  "database.error.notFound.fix":
    "تحقّق من خلوّ المسار ‎--db (أو CRM_KPI_DB) من خطأ إملائي، أو أنشئ قاعدة البيانات أولًا: ‎crm-kpi import <dir> --db {file}.",
  "database.error.badExtension":
    "لا ينشئ crm-kpi قاعدة بيانات جديدة إلا باسم ينتهي بـ ‎.duckdb أو ‎.db، و{file} ليس كذلك.",
  "database.error.badExtension.fix":
    "سمِّ ملف قاعدة البيانات، مثلًا ‎--db crm-kpi.duckdb؛ أمّا ملفات البيانات المراد استيرادها فتوضع في المجلد المُمرَّر وسيطًا: ‎crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.isDirectory": "{file} مجلد وليس ملف قاعدة بيانات.",
  "database.error.isDirectory.fix": "سمِّ ملفًا داخله، مثلًا ‎--db {file}/crm-kpi.duckdb.",
  "database.error.notDuckDB": "{file} ليس ملف قاعدة بيانات DuckDB (قد يكون ملف بيانات مثل CSV).",
  "database.error.notDuckDB.fix":
    "مرِّر إلى ‎--db ملفًّا بامتداد ‎.duckdb؛ أمّا ملفات البيانات المراد استيرادها فتوضع في المجلد المُمرَّر وسيطًا: ‎crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.readOnlyFile": "قاعدة البيانات {file} للقراءة فقط، وهذا الأمر يكتب فيها.",
  "database.error.readOnlyFile.fix":
    "امنح نفسك إذن الكتابة (‎chmod u+w {file})، أو شغّل أمرًا يقرأ فقط، مثل report.",
  "database.error.foreign":
    "{file} قاعدة بيانات DuckDB، لكنها ليست من crm-kpi (فيها {tables} جداول خاصة بها).",
  "database.error.foreign.fix":
    "يحفظ crm-kpi بياناته في ملف خاص به: مرِّر مسارًا جديدًا، مثلًا ‎--db crm-kpi.duckdb.",
  "database.error.empty": "لا تحوي قاعدة البيانات {file} أي بيانات crm-kpi بعد.",
  "database.error.empty.fix": "استورد البيانات أولًا: ‎crm-kpi import <dir> --db {file}.",
  "database.error.locked": "قاعدة البيانات {file} مستخدمة من عملية أخرى (pid {pid})؛ انتُظر {seconds} ثانية.",
  "database.error.locked.fix":
    "دع تلك العملية (استيرادًا أو كتابة) تنتهي ثم أعد المحاولة، أو انتظر مدة أطول بـ ‎--wait <seconds>. الأوامر التي تقرأ فقط تعمل معًا، لكن ليس أثناء كتابة عملية أخرى.",
  "database.error.lockedNoPid": "قاعدة البيانات {file} مستخدمة من عملية أخرى؛ انتُظر {seconds} ثانية.",
  "database.error.lockedNoPid.fix":
    "دع تلك العملية تنتهي ثم أعد المحاولة، أو انتظر مدة أطول بـ ‎--wait <seconds>.",
  "database.error.badWait": "القيمة «{value}» للخيار ‎--wait ليست عددًا من الثواني (٠ أو أكثر).",
  "database.error.badWait.fix": "مرِّر عددًا من الثواني، مثلًا ‎--wait 30 (٠ يعني الفشل فورًا).",
  "database.option.wait":
    "عدد الثواني للانتظار ما دامت عملية أخرى تمسك قاعدة البيانات (الافتراضي: $CRM_KPI_WAIT أو ٥)",
  "database.demo.notEmpty":
    "تحوي قاعدة البيانات {file} بيانات مسبقًا ({rows} صفوف)؛ لا يكتب demo إلا في قاعدة بيانات جديدة أو فارغة، كي لا تختلط صفوفه بصفوفك أبدًا.",
  "database.demo.notEmpty.fix":
    "شغّل demo على ملف جديد، مثلًا ‎crm-kpi demo --db demo.duckdb، أو احذف {file} لتبدأ من جديد.",
  "database.error.postgresUnreachable": "تعذّر الاتصال بقاعدة بيانات PostgreSQL ‏{file}: {detail}.",
  "database.error.postgresUnreachable.fix":
    "تحقّق من العنوان (‎postgres://user@host:port/database) ومن أن الخادم يعمل ويسمح لك بالدخول؛ توضع كلمة المرور في العنوان أو في PGPASSWORD.",
  "database.error.foreignPostgres":
    "قاعدة بيانات PostgreSQL ‏{file} ليست لـ crm-kpi (في مخططها {tables} جداول خاصة بها).",
  "error.database_busy":
    "أمر أو خادم آخر من crm-kpi يكتب في قاعدة بيانات PostgreSQL هذه (استيراد أو كتابة أخرى)؛ انتُظر {seconds} ثانية.",
  "error.database_busy.fix":
    "أعد المحاولة حين تنتهي تلك الكتابة، أو انتظر مدة أطول بـ ‎--wait <seconds> (أو CRM_KPI_WAIT). تستمر التقارير وسائر القراءات في الأثناء، وترى البيانات كما كانت قبل الكتابة.",
  "database.error.foreignPostgres.fix":
    "خصّص لـ crm-kpi قاعدة بيانات خاصة به (‎createdb crm_kpi) ومرّر عنوانها، مثلًا ‎--db postgres://user@host/crm_kpi.",
} as const satisfies Record<keyof typeof databaseEn, string>;
