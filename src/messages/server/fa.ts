import type { serverEn } from "./en.js";

/** پیام‌های API وب. */
export const serverFa: Record<keyof typeof serverEn, string> = {
  "server.error.not_found": "در {path} چیزی نیست.",
  "server.error.not_found.fix": "مسیرهای API را در ‎/api/openapi.json ببینید.",
  "server.error.bad_request": "درخواست نامعتبر است: {fields} را بررسی کنید.",
  "server.error.bad_request.fix": "پارامترها و مقدارهای پذیرفتنی را در ‎/api/openapi.json ببینید.",
  "server.error.unauthorized": "این درخواست به توکن نیاز دارد.",
  "server.error.unauthorized.fix":
    "سرآیند Authorization: Bearer <token> را بفرستید؛ توکن را با crm-kpi tokens create بسازید.",
  "server.error.forbidden": "این توکن فقط اجازهٔ خواندن دارد.",
  "server.error.forbidden.fix": "از توکنی استفاده کنید که با ‎--role admin ساخته شده است.",
  "server.error.payload_too_large": "بدنهٔ درخواست بزرگ‌تر از حدی است که سرور می‌پذیرد.",
  "server.error.payload_too_large.fix": "بدنهٔ کوچک‌تری بفرستید یا هنگام اجرای سرور حد را بالا ببرید.",
  "server.error.unsupported_media_type": "بدنهٔ درخواست باید JSON باشد (Content-Type: application/json).",
  "server.error.unsupported_media_type.fix":
    "بدنه را به صورت JSON با Content-Type: application/json بفرستید.",
  "server.error.host_not_allowed": "میزبان (Host) این درخواست مجاز نیست.",
  "server.error.host_not_allowed.fix": "داشبورد را از راه 127.0.0.1 یا localhost باز کنید.",
  "server.error.cross_origin_refused": "نوشتن از مبدأ دیگر پذیرفته نشد.",
  "server.error.cross_origin_refused.fix": "درخواست را از همان مبدأ داشبورد بفرستید.",
  "server.error.internal": "سرور نتوانست به این درخواست پاسخ دهد.",
  "server.error.internal.fix": "دوباره تلاش کنید؛ اگر باز هم خطا داد، گزارش سرور را ببینید.",
  "server.error.no_cluster": "خوشهٔ تکراری «{value}» وجود ندارد.",
  "server.error.databaseHeld":
    "پایگاه دادهٔ {file} در اختیار سرور crm-kpi در حال اجرا در {url} (شناسهٔ فرایند {pid}) است.",
  "server.error.databaseHeld.fix":
    "آن سرور را متوقف کنید (Ctrl+C در پایانهٔ آن) یا از داشبورد یا API در {url} استفاده کنید.",
  "server.web.missing.title": "داشبورد crm-kpi ساخته نشده است",
  "server.web.missing.body":
    "داشبورد هنوز ساخته نشده است. npm run build را اجرا کنید و این صفحه را دوباره بارگذاری کنید.",
  "server.serve.description": "ارائهٔ داشبورد و API وب",
  "server.serve.option.port": "درگاهی که سرور به آن گوش می‌دهد",
  "server.serve.option.host": "نشانی‌ای که سرور به آن گوش می‌دهد (جز loopback به ‎--auth نیاز دارد)",
  "server.serve.option.auth": "درخواست توکن (crm-kpi tokens create) در هر درخواست",
  "server.serve.option.demo": "ساخت و درون‌ریزی دادهٔ نمونه وقتی پایگاه داده وجود ندارد",
  "server.serve.demo": "پایگاه داده‌ای در {db} نیست: دادهٔ نمونه ساخته می‌شود…",
  "server.serve.listening": "crm-kpi پایگاه دادهٔ {db} را در {url} ارائه می‌کند",
  "server.serve.stop": "برای توقف Ctrl+C را بزنید.",
};
