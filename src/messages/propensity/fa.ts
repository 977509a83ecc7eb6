import type { propensityEn } from "./en.js";

export const propensityFa = {
  "propensity.cli.upsell.description":
    "احتمال فروش افزایشی: شانس گسترش یا ارتقای هر مشتری فعال در بازهٔ بعدی، رتبه‌بندی‌شده و با توضیح",
  "propensity.cli.churn.description":
    "احتمال ریزش: شانس ریزش هر مشتری فعال در بازهٔ بعدی، رتبه‌بندی‌شده و با توضیح",
  "propensity.cli.option.asOf":
    "امتیازدهی تا پایان این روز (YYYY-MM-DD در تقویم؛ پیش‌فرض: آخرین روز داده‌ها)؛ هیچ دادهٔ دیرتری خوانده نمی‌شود",
  "propensity.cli.option.window": "طول بازهٔ پیامد به روز (پیش‌فرض ۹۰)",
  "propensity.cli.option.top": "فقط N امتیاز بالاتر چاپ شود (پیش‌فرض: ۲۰ در table و md، وگرنه همهٔ مشتریان)",
  "propensity.column.rank": "رتبه",
  "propensity.column.customer": "مشتری",
  "propensity.column.name": "نام",
  "propensity.column.score": "امتیاز",
  "propensity.column.decile": "دهک",
  "propensity.column.drivers": "مؤثرترین عوامل",
  "propensity.target.upsell": "فروش افزایشی",
  "propensity.target.churn": "ریزش",
  "propensity.summary":
    "احتمال {target} تا {asOf}، بازهٔ پیامد {window} روز: {count} مشتری فعال با رگرسیون لجستیک L2 امتیاز گرفتند؛ آموزش روی {rows} سطر ({positives} با پیامد) از {snapshots} برش زمانی.",
  "propensity.backtest":
    "آزمون گذشته‌نگر: آموزش روی برش‌ها تا {trainEnd}، آزمون روی {testAt} با پیامدها تا {asOf}: AUC {auc}، بالابری در دهک نخست {lift} ({rows} مشتری، {positives} با پیامد).",
  "propensity.backtest.none":
    "آزمون گذشته‌نگر ممکن نیست: داده‌ها کمتر از دو برش زمانی دارند یا برش‌های پیشین فقط یک نوع پیامد نشان می‌دهند.",
  "propensity.shown": "{shown} از {count} مشتری نشان داده شد؛ با ‎--top N‎ بیشتر ببینید.",
  "propensity.error.noOutcomes":
    "داده‌های پیش از تاریخ مبنا هیچ پیامد {target} برای یادگیری ندارند، یا جز آن چیزی ندارند؛ ‎--as-of‎ دیرتر یا ‎--window‎ بلندتر برگزینید، یا سابقهٔ بیشتری وارد کنید.",
  "propensity.error.window":
    "‎--window‎ باید عددی صحیح از ۱ تا ۷۳۰ روز باشد (مثلاً ۹۰)؛ مقدار داده‌شده: {value}.",
  "propensity.error.top": "‎--top‎ باید عددی صحیح و دست‌کم ۱ باشد (مثلاً ۲۰)؛ مقدار داده‌شده: {value}.",
  "propensity.feature.tenure_days": "مدت همراهی",
  "propensity.feature.mrr": "درآمد ماهانهٔ تکرارشونده",
  "propensity.feature.mrr_trend_3m": "روند درآمد ماهانه در ۳ ماه",
  "propensity.feature.active_terms": "اشتراک‌های فعال",
  "propensity.feature.orders_365d": "سفارش‌های سال گذشته",
  "propensity.feature.order_recency_days": "روزهای پس از آخرین سفارش",
  "propensity.feature.order_monetary_365d": "ارزش سفارش‌های سال گذشته",
  "propensity.feature.past_upsells": "فروش‌های افزایشی پیشین",
  "propensity.feature.tickets_180d": "تیکت‌های ۱۸۰ روز گذشته",
  "propensity.feature.open_tickets": "تیکت‌های باز",
  "propensity.feature.resolution_hours": "میانگین زمان حل",
  "propensity.feature.nps_latest": "آخرین پاسخ شاخص خالص ترویج",
  "propensity.feature.csat_latest": "آخرین پاسخ رضایت مشتری",
  "propensity.feature.has_nps": "پاسخ به شاخص خالص ترویج",
  "propensity.feature.has_csat": "پاسخ به نظرسنجی رضایت",
  "propensity.feature.plan": "طرح {value}",
  "propensity.feature.channel": "کانال {value}",
  "propensity.feature.owner": "مسئول {value}",
  "propensity.web.upsell": "احتمالاً ارتقا می‌دهند",
  "propensity.web.churn": "در خطر ریزش",
  "propensity.web.backtest": "آزمون گذشته‌نگر: AUC {auc}، بالابری در دهک نخست {lift}، تا {asOf}",
} as const satisfies Record<keyof typeof propensityEn, string>;
