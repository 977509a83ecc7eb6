/**
 * The fixed facts of the simulated business: where its customers live, what
 * it sells and at what price, its pipelines. Numbers are tuned so every
 * metric of METRICS.md has values that look like a real SaaS + sales company.
 */

export type Language = "en" | "fa" | "ar" | "zh";
export type Segment = "consumer" | "smb" | "mid-market" | "enterprise";
export type Channel = "ads" | "referral" | "email" | "social" | "organic" | "phone";
export type Team = "SMB" | "Mid-Market" | "Enterprise";
export type Plan = "basic" | "pro" | "enterprise";
export type Interval = "month" | "quarter" | "year";

export interface Country {
  readonly code: string;
  readonly region: string;
  readonly currency: string;
  readonly language: Language;
  readonly cities: readonly string[];
  readonly dialCode: string;
  /** Leading digits of real mobile numbers, followed by `digits` random digits. */
  readonly mobilePrefixes: readonly string[];
  readonly digits: number;
  readonly weight: number;
}

export const COUNTRIES: readonly Country[] = [
  c(
    "US",
    "North America",
    "USD",
    "en",
    ["New York", "San Francisco", "Austin", "Chicago", "Seattle"],
    "1",
    ["212", "415", "512", "312", "206"],
    7,
    22,
  ),
  c(
    "CA",
    "North America",
    "USD",
    "en",
    ["Toronto", "Vancouver", "Montreal"],
    "1",
    ["416", "604", "514"],
    7,
    5,
  ),
  c(
    "GB",
    "Europe",
    "GBP",
    "en",
    ["London", "Manchester", "Edinburgh", "Bristol"],
    "44",
    ["7700", "7911", "7400"],
    6,
    8,
  ),
  c("DE", "Europe", "EUR", "en", ["Berlin", "München", "Hamburg", "Köln"], "49", ["151", "160", "176"], 8, 8),
  c("FR", "Europe", "EUR", "en", ["Paris", "Lyon", "Marseille"], "33", ["6", "7"], 8, 5),
  c("NL", "Europe", "EUR", "en", ["Amsterdam", "Rotterdam", "Utrecht"], "31", ["6"], 8, 3),
  c(
    "IR",
    "Middle East",
    "USD",
    "fa",
    ["تهران", "اصفهان", "شیراز", "مشهد", "تبریز"],
    "98",
    ["912", "935", "919", "901"],
    7,
    14,
  ),
  c("AE", "Middle East", "USD", "ar", ["دبي", "أبوظبي", "الشارقة"], "971", ["50", "55", "52"], 7, 6),
  c("SA", "Middle East", "USD", "ar", ["الرياض", "جدة", "الدمام"], "966", ["50", "55", "53"], 7, 6),
  c("EG", "Middle East", "USD", "ar", ["القاهرة", "الإسكندرية", "الجيزة"], "20", ["10", "11", "12"], 8, 5),
  c(
    "CN",
    "Asia Pacific",
    "USD",
    "zh",
    ["北京", "上海", "深圳", "广州", "杭州", "成都"],
    "86",
    ["138", "139", "186", "135"],
    8,
    13,
  ),
  c("SG", "Asia Pacific", "USD", "zh", ["Singapore"], "65", ["8", "9"], 7, 2),
  c("AU", "Asia Pacific", "USD", "en", ["Sydney", "Melbourne", "Brisbane"], "61", ["4"], 8, 3),
];

function c(
  code: string,
  region: string,
  currency: string,
  language: Language,
  cities: readonly string[],
  dialCode: string,
  mobilePrefixes: readonly string[],
  digits: number,
  weight: number,
): Country {
  return { code, region, currency, language, cities, dialCode, mobilePrefixes, digits, weight };
}

export const SEGMENT_WEIGHTS: readonly (readonly [Segment, number])[] = [
  ["consumer", 35],
  ["smb", 35],
  ["mid-market", 20],
  ["enterprise", 10],
];

export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ["ads", 25],
  ["organic", 20],
  ["referral", 14],
  ["email", 12],
  ["social", 16],
  ["phone", 13],
];

/** Channels whose leads come from quarterly campaigns. */
export const CAMPAIGN_CHANNELS: readonly Channel[] = ["ads", "social", "email"];

/** Acquisition cost per new customer (USD) that the monthly spend is built from. */
export const CAC_USD: Readonly<Record<Channel, number>> = {
  ads: 210,
  social: 150,
  email: 45,
  referral: 70,
  organic: 35,
  phone: 260,
};

export const INDUSTRIES = [
  "software",
  "retail",
  "healthcare",
  "finance",
  "education",
  "logistics",
  "manufacturing",
  "media",
] as const;

export function teamOf(segment: Segment): Team {
  if (segment === "enterprise") return "Enterprise";
  if (segment === "mid-market") return "Mid-Market";
  return "SMB";
}

/** List price per month in USD. */
export const PLAN_PRICE_USD: Readonly<Record<Plan, number>> = { basic: 29, pro: 99, enterprise: 490 };
export const MONTHS_PER: Readonly<Record<Interval, number>> = { month: 1, quarter: 3, year: 12 };
/** Longer commitments are cheaper per month. */
export const INTERVAL_DISCOUNT: Readonly<Record<Interval, number>> = { month: 1, quarter: 0.95, year: 0.85 };

/** One-off products of customers who buy rather than subscribe; median price in USD. */
export const PRODUCTS: readonly (readonly [string, number])[] = [
  ["hardware", 650],
  ["license", 1200],
  ["training", 420],
  ["consulting hour", 150],
  ["starter kit", 99],
  ["support pack", 250],
];
export const ADD_ONS: readonly (readonly [string, number])[] = [
  ["add-on", 60],
  ["training", 420],
  ["consulting hour", 150],
];

export interface PipelineDef {
  readonly name: string;
  readonly stages: readonly (readonly [string, number])[];
}

export const PIPELINES: Readonly<Record<"default" | "enterprise", PipelineDef>> = {
  default: {
    name: "default",
    stages: [
      ["new", 0.1],
      ["qualified", 0.2],
      ["demo", 0.35],
      ["proposal", 0.5],
      ["negotiation", 0.75],
    ],
  },
  enterprise: {
    name: "enterprise",
    stages: [
      ["discovery", 0.1],
      ["qualified", 0.2],
      ["solution_design", 0.3],
      ["proposal", 0.5],
      ["legal_review", 0.65],
      ["negotiation", 0.8],
    ],
  },
};

export const LOST_REASONS: Readonly<Record<Language, readonly string[]>> = {
  en: ["competitor", "price", "no budget", "timing", "no decision"],
  fa: ["رقیب ارزان‌تر", "قیمت بالا", "زمان مناسب نیست"],
  ar: ["السعر مرتفع", "منافس أرخص", "لا توجد ميزانية"],
  zh: ["预算不足", "价格太高", "选择了竞争对手"],
};

export const SURVEY_COMMENTS: Readonly<
  Record<Language, { good: readonly string[]; bad: readonly string[] }>
> = {
  en: {
    good: ["Great support, thanks!", "Quick and helpful", "Solved in one call"],
    bad: ["Took too long to get an answer", "Still not fixed", "Had to explain it three times"],
  },
  fa: {
    good: ["پشتیبانی عالی بود", "ممنون از پیگیری", "سریع حل شد"],
    bad: ["خیلی دیر جواب دادند", "مشکل حل نشد", "چند بار توضیح دادم"],
  },
  ar: {
    good: ["خدمة ممتازة", "شكرا على المساعدة", "تم الحل بسرعة"],
    bad: ["الرد كان بطيئا", "لم يتم حل المشكلة", "انتظرت طويلا"],
  },
  zh: {
    good: ["服务很好", "非常感谢", "很快就解决了"],
    bad: ["回复太慢了", "问题没有解决", "等了很久"],
  },
};

export const TICKET_CHANNELS: readonly (readonly [string, number])[] = [
  ["email", 35],
  ["chat", 25],
  ["phone", 20],
  ["web", 12],
  ["social", 5],
  ["whatsapp", 3],
];
/** Median hours to a first response per channel. */
export const FIRST_RESPONSE_HOURS: Readonly<Record<string, number>> = {
  email: 3,
  chat: 0.08,
  phone: 0.03,
  web: 5,
  social: 2,
  whatsapp: 0.5,
};
export const PRIORITIES: readonly (readonly [string, number])[] = [
  ["low", 28],
  ["normal", 45],
  ["high", 17],
  ["urgent", 10],
];
export const PRIORITY_SPEED: Readonly<Record<string, number>> = {
  low: 1.6,
  normal: 1,
  high: 0.6,
  urgent: 0.3,
};

/** Nominal USD value of one unit of each currency the generator can use. */
export const USD_VALUE: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.09,
  GBP: 1.27,
  AED: 0.2723,
  SAR: 0.2666,
  CNY: 0.139,
  CAD: 0.74,
  AUD: 0.66,
  JPY: 0.0068,
  IRR: 0.0000238,
};

export const EMAIL_LISTS = ["newsletter", "product-updates"] as const;
