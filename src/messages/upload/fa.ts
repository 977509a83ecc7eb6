import type { uploadEn } from "./en.js";

export const uploadFa = {
  "upload.error.too_large": "حجم فایل ارسالی از سقف {limit} بایت بیشتر است.",
  "upload.error.zip_entries": "فایل zip دارای {count} مدخل است؛ حداکثر {limit} مدخل پذیرفته می‌شود.",
  "upload.error.zip_total": "حجم بازشدهٔ فایل zip از {limit} بایت بیشتر می‌شود.",
  "upload.error.zip_ratio":
    "یکی از مدخل‌های zip با نسبت {ratio} به ۱ فشرده شده است؛ حداکثر {limit} به ۱ پذیرفته می‌شود، پس این فایل به‌عنوان بمب zip احتمالی رد شد.",
  "upload.error.zip_size_mismatch":
    "مدخل {name} در zip پس از بازشدن بیش از اندازهٔ اعلام‌شده در سرآیندش داده دارد.",
  "upload.error.zip_invalid": "این فایل یک بایگانی zip خوانا نیست.",
  "upload.error.unsafe_name": "نام فایل {name} مجاز نیست.",
  "upload.error.bad_extension":
    "{name}: فقط فایل‌های ‎.csv، ‎.ndjson، ‎.json، ‎.yaml و ‎.yml (یا یک ‎.zip از آن‌ها) را می‌توان بارگذاری کرد.",
  "upload.error.duplicate_name": "دو فایل ارسالی هر دو {name} نام دارند.",
  "upload.error.no_files": "در بارگذاری هیچ فایل داده‌ای نیست: فایل‌ها را در files بفرستید (یا یک ‎.zip).",
  "upload.error.mapping_path":
    "فایل نگاشت به {name} اشاره می‌کند؛ در بارگذاری فقط می‌تواند با نام سادهٔ فایل‌های ارسالی به آن‌ها اشاره کند.",
  "upload.error.not_multipart": "فایل‌ها را به‌صورت multipart/form-data بفرستید.",
  "upload.error.unknown_job":
    "کار واردکردنی با این شناسه وجود ندارد؛ کارها تا راه‌اندازی دوبارهٔ سرور نگه داشته می‌شوند.",
  "upload.rowError": "{place}: {reason}",
} as const satisfies Record<keyof typeof uploadEn, string>;
