import type { predictEn } from "./en.js";

export const predictFa = {
  "predict.cli.description": "پیش‌بینی برای هر مشتری از روی سابقهٔ پیش از یک تاریخ",
  "predict.clv.cli.description":
    "ارزش طول عمر پیش‌بینی‌شدهٔ مشتری: احتمال فعال‌بودن، خریدها و هزینهٔ مورد انتظار و ارزش تنزیل‌شده برای هر مشتری",
  "predict.clv.option.calibrationEnd":
    "آخرین روزی که مدل از آن یاد می‌گیرد، در تقویم داده‌ها (پیش‌فرض: آخرین روز خرید)؛ خریدهای بعدی دورهٔ آزمون‌اند",
  "predict.clv.option.horizon": "بازهٔ پیش‌بینی: 52w، 12m، 1y، 90d",
  "cli.help.placeholder.rate": "نرخ",
  "predict.clv.option.discountRate": "نرخ تنزیل سالانه برای ارزش طول عمر، مثلاً ۰٫۱ یعنی ۱۰٪ در سال",
  "predict.error.badHorizon": "مقدار «{value}» برای ‎--horizon یک بازهٔ زمانی نیست.",
  "predict.error.badHorizon.fix": "هفته، ماه، سال یا روز بنویسید، مثلاً ‎--horizon 52w یا 12m یا 1y یا 90d.",
  "predict.error.badDiscountRate": "مقدار {value} برای ‎--discount-rate نرخی سالانه بین ۰ و ۱۰ نیست.",
  "predict.error.badDiscountRate.fix": "نرخ را به‌صورت کسر بنویسید، مثلاً ‎--discount-rate 0.1 برای ۱۰٪ در سال.",
  "predict.error.noCustomers": "هیچ مشتری‌ای در دورهٔ یادگیری خرید نکرده است: داده‌ای برای برازش مدل نیست.",
  "predict.error.noCustomers.fix": "سفارش‌ها را وارد کنید یا ‎--calibration-end دیرتری بدهید.",
  "predict.error.noRepeats":
    "هیچ مشتری‌ای در دورهٔ یادگیری در دو روز متفاوت خرید نکرده است: مدل به خرید تکراری نیاز دارد.",
  "predict.error.noRepeats.fix": "تاریخچهٔ سفارش طولانی‌تری وارد کنید یا ‎--calibration-end دیرتری بدهید.",
  "predict.error.badHoldout": "مقدار «{value}» برای ‎--holdout یک بازهٔ زمانی نیست.",
  "predict.error.badHoldout.fix": "هفته، ماه یا روز بنویسید، مثلاً ‎--holdout 13w یا 3m یا 90d.",
  "predict.clv.option.holdout":
    "به‌جای ‎--calibration-end: این مقدار از انتهای داده‌ها برای آزمون کنار گذاشته شود، مثلاً 13w",
  "predict.column.customer": "مشتری",
  "predict.column.frequency": "روزهای خرید تکراری",
  "predict.column.recency": "تازگی (هفته)",
  "predict.column.age": "عمر (هفته)",
  "predict.column.pAlive": "احتمال فعال‌بودن",
  "predict.column.expectedPurchases": "خریدهای مورد انتظار",
  "predict.column.expectedValue": "هزینهٔ مورد انتظار هر خرید",
  "predict.column.clv": "ارزش طول عمر",
  "predict.column.group": "روزهای خرید تکراری در دورهٔ یادگیری",
  "predict.column.customers": "مشتریان",
  "predict.column.actual": "واقعی برای هر مشتری",
  "predict.column.predicted": "پیش‌بینی برای هر مشتری",
  "predict.note.bgNbd": "مدل BG/NBD: ‏r = {r}، ‏α = {alpha}، ‏a = {a}، ‏b = {b}؛ لگاریتم درست‌نمایی {ll}",
  "predict.note.gammaGamma":
    "مدل گاما-گاما: ‏p = {p}، ‏q = {q}، ‏v = {v}؛ لگاریتم درست‌نمایی {ll} ({customers} مشتری با خرید تکراری)",
  "predict.note.noGammaGamma":
    "مدل گاما-گاما برازش نشد (کمتر از دو مشتری با خرید تکراری با مبلغ مثبت)؛ هزینه و ارزش طول عمر خالی‌اند.",
  "predict.note.calibration":
    "یادگیری تا {end}: {customers} مشتری، {repeat} با خرید تکراری. بازهٔ پیش‌بینی {weeks} هفته، نرخ تنزیل {rate} در سال. میانگین ارزش طول عمر {average}.",
  "predict.note.holdout":
    "دورهٔ آزمون {start} تا {end} ({weeks} هفته): {actual} خرید تکراری، پیش‌بینی مدل {predicted}.",
  "predict.note.noHoldout":
    "دورهٔ آزمونی نیست: یادگیری در آخرین روز خرید تمام می‌شود. برای مقایسهٔ مدل با آنچه بعداً رخ داد، ‎--calibration-end زودتری بدهید.",
  "predict.catalog.list": "فهرست به تفکیک مشتری: crm-kpi predict clv ‏(GET /api/v1/predict/clv)",
  "metric.predicted_clv.name": "ارزش طول عمر پیش‌بینی‌شده",
  "metric.predicted_clv.description":
    "ارزش تنزیل‌شدهٔ خریدهای مورد انتظار هر مشتری در بازهٔ پیش‌بینی (مدل BG/NBD × گاما-گاما)؛ این سنجه میانگین آن روی مشتریان است.",
} as const satisfies Record<keyof typeof predictEn, string>;
