import type { databaseEn } from "./en.js";

export const databaseFa = {
  "database.error.unreadable": "نمی‌توان {file} را خواند: {detail}.",
  "database.error.unreadable.fix": "مسیر و مجوزهای آن را بررسی کنید.",
  "database.error.notFound": "پایگاه داده {file} وجود ندارد.",
  "database.error.notFound.fix":
    "مسیر ‎--db (یا CRM_KPI_DB) را از نظر غلط تایپی بررسی کنید، یا نخست پایگاه داده را بسازید: ‎crm-kpi import <dir> --db {file}.",
  "database.error.badExtension":
    "crm-kpi پایگاه داده تازه را فقط با نامی می‌سازد که به ‎.duckdb یا ‎.db ختم شود، و {file} چنین نیست.",
  "database.error.badExtension.fix":
    "نام فایل پایگاه داده را بدهید، مثلاً ‎--db crm-kpi.duckdb؛ فایل‌های داده برای درون‌ریزی در پوشه‌ای می‌آیند که آرگومان فرمان است: ‎crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.isDirectory": "{file} یک پوشه است، نه فایل پایگاه داده.",
  "database.error.isDirectory.fix": "فایلی درون آن را نام ببرید، مثلاً ‎--db {file}/crm-kpi.duckdb.",
  "database.error.notDuckDB": "{file} فایل پایگاه داده DuckDB نیست (شاید فایل داده‌ای مانند CSV باشد).",
  "database.error.notDuckDB.fix":
    "به ‎--db یک فایل ‎.duckdb بدهید؛ فایل‌های داده برای درون‌ریزی در پوشهٔ آرگومان فرمان می‌آیند: ‎crm-kpi import <dir> --db crm-kpi.duckdb.",
  "database.error.readOnlyFile": "پایگاه داده {file} فقط‌خواندنی است و این فرمان در آن می‌نویسد.",
  "database.error.readOnlyFile.fix":
    "به خود مجوز نوشتن بدهید (‎chmod u+w {file})، یا فرمانی را اجرا کنید که فقط می‌خواند، مانند report.",
  "database.error.foreign":
    "{file} یک پایگاه داده DuckDB است، اما از آنِ crm-kpi نیست ({tables} جدول از خودش دارد).",
  "database.error.foreign.fix":
    "crm-kpi داده‌هایش را در فایلی از آنِ خود نگه می‌دارد: مسیری تازه بدهید، مثلاً ‎--db crm-kpi.duckdb.",
  "database.error.empty": "پایگاه داده {file} هنوز هیچ دادهٔ crm-kpi ندارد.",
  "database.error.empty.fix": "نخست داده درون‌ریزی کنید: ‎crm-kpi import <dir> --db {file}.",
  "database.error.locked": "پایگاه داده {file} در دست فرایند دیگری است (pid {pid})؛ {seconds} ثانیه صبر شد.",
  "database.error.locked.fix":
    "بگذارید آن فرایند (درون‌ریزی یا نوشتن) تمام شود و دوباره بکوشید، یا با ‎--wait <seconds> بیشتر صبر کنید. فرمان‌هایی که فقط می‌خوانند هم‌زمان اجرا می‌شوند، اما نه وقتی فرایند دیگری می‌نویسد.",
  "database.error.lockedNoPid": "پایگاه داده {file} در دست فرایند دیگری است؛ {seconds} ثانیه صبر شد.",
  "database.error.lockedNoPid.fix":
    "بگذارید آن فرایند تمام شود و دوباره بکوشید، یا با ‎--wait <seconds> بیشتر صبر کنید.",
  "database.error.badWait": "مقدار «{value}» برای ‎--wait عدد ثانیه (۰ یا بیشتر) نیست.",
  "database.error.badWait.fix": "عدد ثانیه بدهید، مثلاً ‎--wait 30 (۰ یعنی بی‌درنگ شکست).",
  "database.option.wait":
    "چند ثانیه صبر وقتی فرایند دیگری پایگاه داده را در دست دارد (پیش‌فرض: $CRM_KPI_WAIT یا ۵)",
  "database.demo.notEmpty":
    "پایگاه داده {file} از پیش داده دارد ({rows} ردیف)؛ demo فقط در پایگاه دادهٔ تازه یا خالی می‌نویسد تا ردیف‌هایش هرگز با ردیف‌های شما درنیامیزد.",
  "database.demo.notEmpty.fix":
    "demo را روی فایلی تازه اجرا کنید، مثلاً ‎crm-kpi demo --db demo.duckdb، یا {file} را پاک کنید تا از نو آغاز کنید.",
  "database.error.postgresUnreachable": "اتصال به پایگاه دادهٔ PostgreSQL ‏{file} ممکن نشد: {detail}.",
  "database.error.postgresUnreachable.fix":
    "نشانی (‎postgres://user@host:port/database) را بررسی کنید و اینکه سرور در حال اجراست و به شما راه می‌دهد؛ گذرواژه در نشانی یا در PGPASSWORD می‌آید.",
  "database.error.foreignPostgres":
    "پایگاه دادهٔ PostgreSQL ‏{file} از آنِ crm-kpi نیست (طرح آن {tables} جدول از خود دارد).",
  "error.database_busy":
    "فرمان یا سرور دیگری از crm-kpi در حال نوشتن در این پایگاه دادهٔ PostgreSQL است (درون‌ریزی یا نوشتنی دیگر)؛ {seconds} ثانیه صبر شد.",
  "error.database_busy.fix":
    "وقتی آن نوشتن تمام شد دوباره بکوشید، یا با ‎--wait <seconds> (یا CRM_KPI_WAIT) بیشتر صبر کنید. گزارش‌ها و دیگر خواندن‌ها در این میان ادامه دارند و داده را همان‌گونه می‌بینند که پیش از نوشتن بود.",
  "database.error.foreignPostgres.fix":
    "برای crm-kpi پایگاه داده‌ای جدا بسازید (‎createdb crm_kpi) و نشانی‌اش را بدهید، مثلاً ‎--db postgres://user@host/crm_kpi.",
} as const satisfies Record<keyof typeof databaseEn, string>;
