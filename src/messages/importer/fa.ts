import type { importerEn } from "./en.js";

export const importerFa = {
  "importer.error.badEncoding": "{file}:{line}: متن با رمزگذاری {encoding} معتبر نیست.",
  "importer.error.badEncoding.fix":
    "پرونده را با رمزگذاری UTF-8 ذخیره کنید، یا رمزگذاری آن را با --encoding بدهید (مثلاً --encoding windows-1256).",
  "importer.error.unknownEncoding": "رمزگذاری «{value}» شناخته نیست.",
  "importer.error.unknownEncoding.fix":
    "یکی از utf-8، utf-16le، windows-1256، windows-1252، latin1 یا نام دیگری از رمزگذاری‌های استاندارد WHATWG را به کار ببرید.",
  "importer.error.unknownDelimiter": "جداکنندهٔ «{value}» شناخته نیست.",
  "importer.error.unknownDelimiter.fix": "یکی از ',' یا ';' یا '|' یا '\\t' (تب) را به کار ببرید.",
  "importer.error.delimiterWithMapping":
    "‎--delimiter فقط برای پرونده‌های استاندارد است، نه برای منبع‌های یک نگاشت.",
  "importer.error.delimiterWithMapping.fix": "جداکنندهٔ هر منبع را در پروندهٔ نگاشت بنویسید.",
  "importer.error.duplicateColumn":
    "{file}:1: سرستون نام {column} را دو بار آورده است، در ستون‌های {first} و {second}.",
  "importer.error.duplicateColumn.fix": "یکی از این دو ستون را تغییر نام دهید یا حذف کنید.",
  "importer.error.emptyFile": "{file}: پرونده خالی است (حتی سرستون ندارد).",
  "importer.error.emptyFile.fix":
    "دوباره آن را برون‌بری کنید، یا اگر داده‌ای برایش نیست منبع آن را از فایل نگاشت حذف کنید.",
  "importer.error.looksSemicolon":
    "{file}:1: سرستون تنها یک ستون است که نقطه‌ویرگول دارد: به نظر می‌رسد پرونده با نقطه‌ویرگول جدا شده است.",
  "importer.error.looksSemicolon.fix": "در فایل نگاشت، {flag} را برای این منبع بنویسید.",
  "importer.error.looksTab":
    "{file}:1: سرستون تنها یک ستون است که تب دارد: به نظر می‌رسد پرونده با تب جدا شده است.",
  "importer.error.looksTab.fix": "در فایل نگاشت، {flag} را برای این منبع بنویسید.",
  "importer.error.looksComma":
    "{file}:1: سرستون تنها یک ستون است که ویرگول دارد: به نظر می‌رسد پرونده با ویرگول جدا شده است.",
  "importer.error.looksComma.fix": "در فایل نگاشت، {flag} را برای این منبع بنویسید.",
  "importer.option.encoding":
    "رمزگذاری پرونده‌ها: utf-8 (پیش‌فرض)، utf-16le، windows-1256، windows-1252، latin1، ...",
  "importer.option.delimiter": "جداکنندهٔ خانه‌ها در پرونده‌های CSV: ',' (پیش‌فرض)، ';'، '|' یا '\\t'",
  "importer.file.unreadable": "پرونده خوانده نمی‌شود؛ قالب آن را بررسی کنید",
  "importer.file.unreadablePast":
    "پرونده از این نقطه به بعد خوانده نمی‌شود؛ آن را درست کنید (اغلب یک نقل‌قول بسته‌نشده) و دوباره وارد کنید",
  "importer.file.empty":
    "پرونده خالی است (حتی سرستون ندارد)؛ دوباره آن را برون‌بری کنید، یا اگر داده‌ای برایش نیست پاکش کنید",
  "importer.file.headerOnly": "پرونده سرستون دارد ولی هیچ ردیفی ندارد؛ چیزی از آن وارد نشد",
  "importer.file.noRecords": "پرونده هیچ رکوردی ندارد؛ چیزی از آن وارد نشد",
  "importer.file.duplicateColumn":
    "سرستون نام {column} را دو بار آورده است، در ستون‌های {first} و {second}؛ یکی از آن‌ها را تغییر نام دهید یا حذف کنید",
  "importer.file.looksSemicolon":
    "سرستون تنها یک ستون است که نقطه‌ویرگول دارد: به نظر می‌رسد پرونده با نقطه‌ویرگول جدا شده است؛ آن را با {flag} وارد کنید",
  "importer.file.looksTab":
    "سرستون تنها یک ستون است که تب دارد: به نظر می‌رسد پرونده با تب جدا شده است؛ آن را با {flag} وارد کنید",
  "importer.file.looksComma":
    "سرستون تنها یک ستون است که ویرگول دارد: به نظر می‌رسد پرونده با ویرگول جدا شده است؛ آن را با {flag} وارد کنید",
  "importer.file.missingColumn":
    "پرونده ستون {column} را ندارد که {entity} به آن نیاز دارد؛ کل پرونده رد شد، ستون را اضافه کنید",
  "importer.file.unknownColumn":
    "{column} ستونی از {entity} نیست و نادیده گرفته شد؛ نامش را تغییر دهید یا از پروندهٔ نگاشت استفاده کنید",
  "importer.row.required": "{column} الزامی است؛ آن را پر کنید",
  "importer.row.duplicateId":
    "{column} {value} پیش‌تر در سطر {seenAt} آمده است؛ برای هر شناسه یک ردیف نگه دارید",
  "importer.row.timeOrder": "{column} پیش از {earlier} است؛ ردیف وارد شد، هر دو تاریخ را بررسی کنید",
  "importer.row.idTooLong": "شناسه حداکثر ۲۰۰ نویسه دارد",
  "importer.row.unknownValue": "باید یکی از این‌ها باشد: {values} (با حروف کوچک)",
  "importer.row.badCurrency": "یک کد سه‌حرفی ISO 4217 مانند USD یا IRR بنویسید",
  "importer.row.badTimestamp":
    "تاریخ و زمان نیست؛ قالب ISO 8601 را به کار ببرید، مانند 2024-03-05، 2024-03-05T14:30:00 یا 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchDate":
    "چنین تاریخی وجود ندارد؛ قالب ISO 8601 را به کار ببرید، مانند 2024-03-05، 2024-03-05T14:30:00 یا 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchTime":
    "چنین ساعتی در روز وجود ندارد؛ قالب ISO 8601 را به کار ببرید، مانند 2024-03-05، 2024-03-05T14:30:00 یا 2024-03-05T14:30:00+03:30",
  "importer.row.badOffset":
    "اختلاف ساعت خارج از بازه است؛ قالب ISO 8601 را به کار ببرید، مانند 2024-03-05، 2024-03-05T14:30:00 یا 2024-03-05T14:30:00+03:30",
  "importer.row.badDate": "تاریخ معتبری نیست؛ تاریخ ISO مانند 2024-03-05 بنویسید",
  "importer.row.badInteger": "عدد صحیح نیست؛ فقط رقم بنویسید، مثلاً ۱۹۸۵",
  "importer.row.badDecimal":
    "عدد نیست؛ عدد را با . به‌عنوان ممیز و بدون جداکنندهٔ هزارگان بنویسید، مثلاً 1234.50",
  "importer.row.numberTooLarge": "عدد بیش از حد بزرگ است (حداکثر ۲۴ رقم پیش از ممیز)",
  "importer.row.commaDecimal":
    "به عددی با ویرگول به‌جای ممیز می‌ماند که ردیف را به یک خانهٔ اضافه شکسته است؛ خانه را در نقل‌قول بگذارید یا آن را {suggestion} بنویسید",
  "importer.row.rateNotPositive": "نرخ تبدیل ارز باید بزرگ‌تر از ۰ باشد",
  "importer.row.closedAtRequired": "وقتی status برابر {status} است، closed_at الزامی است",
  "importer.row.scoreOutOfRange": "score باید در بازهٔ {min}..{max} باشد (scale_min..scale_max)",
  "importer.row.npsNotInteger":
    "امتیاز NPS عددی صحیح از ۰ تا ۱۰ است؛ ردیف وارد شد، بررسی کنید که امتیاز میانگین‌گیری یا تبدیل نشده باشد",
  "importer.row.negativePosition": "position باید ۰ یا بیشتر باشد",
  "importer.row.probabilityRange": "probability کسری در بازهٔ ۰ تا ۱ است",
  "importer.row.quotaOwner": "سهمیه به rep_id یا team نیاز دارد",
  "importer.row.spendDate": "date را بدهید، یا هر دوی period_start و period_end را",
  "importer.row.periodOrder": "period_end (انحصاری) باید پس از period_start باشد",
  "importer.row.fxNoDate": "{currency} برای تبدیل {amount} به تاریخ نیاز دارد",
  "importer.row.fxNoCurrency":
    "برای {currency} ردیفی در fx_rates نیست؛ نرخ‌هایش را به fx_rates بیفزایید یا ارز را درست کنید",
  "importer.row.fxNoRate":
    "نرخی برای {currency} در {date} یا پیش از آن نیست؛ نرخی زودتر به fx_rates بیفزایید",
  "importer.row.orphan":
    "{column} {value} در {refEntity} به‌عنوان {refColumn} شناخته نیست؛ ردیف وارد شد، ردیف گمشدهٔ {refEntity} را بیفزایید یا شناسه را درست کنید",
  "importer.row.orphanMore": "{count} ردیف دیگر از {entity} مقداری از {column} دارند که در {refEntity} نیست",
  "importer.row.wrongCellCount":
    "ردیف {cells} خانه دارد ولی سرستون {expected} خانه دارد؛ جداکنندهٔ جاافتاده یا اضافه یا نقل‌قول بسته‌نشده را بررسی کنید",
  "importer.row.badJson": "JSON معتبر نیست؛ نحو این رکورد را درست کنید",
  "importer.row.notAnObject": 'هر رکورد باید یک شیء JSON باشد، مانند {"customer_id": "C1", ...}',
  "importer.issue.wrong_cell_count":
    "شمار خانه‌های ردیف با سرستون برابر نیست؛ جداکنندهٔ بدون نقل‌قول را بررسی کنید",
  "importer.issue.bad_number": "عدد نیست؛ عدد را با . به‌عنوان ممیز بنویسید",
  "importer.issue.bad_json": "JSON معتبر نیست؛ نحو این رکورد را درست کنید",
  "importer.issue.not_an_object": "هر رکورد باید یک شیء JSON باشد",
  "importer.issue.other": "این ردیف وارد نمی‌شود ({code})",
  "importer.value.length": "({length} نویسه)",
} as const satisfies Record<keyof typeof importerEn, string>;
