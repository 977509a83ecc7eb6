import type { EntityName } from "../../core/model/entities.js";
import { normalizeHeader } from "./normalize-header.js";

/**
 * Header names (en, fa, ar, zh) that usually hold each canonical column.
 * Matching normalizes both sides (normalize-header.ts); the canonical name
 * itself always matches. Entity-specific names come first in `ENTITY_COLUMN_SYNONYMS`.
 */
const COLUMN_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  customer_id: [
    "Customer ID",
    "Customer",
    "Client ID",
    "Account ID",
    "شناسه مشتری",
    "کد مشتری",
    "رقم العميل",
    "معرف العميل",
    "客户编号",
    "客户ID",
    "客户id",
  ],
  order_id: [
    "Order ID",
    "Order Number",
    "Order No",
    "شناسه سفارش",
    "شماره سفارش",
    "رقم الطلب",
    "معرف الطلب",
    "订单编号",
    "订单号",
  ],
  deal_id: ["Deal ID", "Opportunity ID", "شناسه معامله", "رقم الصفقة", "商机编号"],
  ticket_id: ["Ticket ID", "Case ID", "شناسه تیکت", "رقم التذكرة", "工单编号"],
  lead_id: ["Lead ID", "شناسه سرنخ", "رقم العميل المحتمل", "线索编号"],
  rep_id: ["Rep ID", "Owner ID", "User ID", "Salesperson ID", "شناسه فروشنده", "رقم المندوب", "销售编号"],
  owner_id: [
    "Owner",
    "Owner ID",
    "Rep",
    "Rep ID",
    "Sales Rep",
    "مسئول",
    "فروشنده",
    "المسؤول",
    "المندوب",
    "负责人",
    "销售",
  ],
  assignee_id: ["Assignee", "Assignee ID", "Agent", "کارشناس", "الموظف المكلف", "处理人"],
  campaign_id: ["Campaign ID", "Campaign", "شناسه کمپین", "رقم الحملة", "活动编号"],
  subscription_id: ["Subscription ID", "شناسه اشتراک", "رقم الاشتراك", "订阅编号"],
  name: [
    "Name",
    "Full Name",
    "Customer Name",
    "Contact Name",
    "نام",
    "نام مشتری",
    "نام کامل",
    "الاسم",
    "اسم العميل",
    "الاسم الكامل",
    "姓名",
    "名称",
    "客户名称",
  ],
  email: [
    "Email",
    "E-mail",
    "Email Address",
    "Mail",
    "ایمیل",
    "پست الکترونیک",
    "رایانامه",
    "البريد الإلكتروني",
    "البريد",
    "邮箱",
    "电子邮件",
    "邮件",
  ],
  phone: [
    "Phone",
    "Phone Number",
    "Mobile",
    "Telephone",
    "تلفن",
    "موبایل",
    "شماره تماس",
    "الهاتف",
    "رقم الهاتف",
    "الجوال",
    "电话",
    "手机",
    "手机号",
  ],
  company: [
    "Company",
    "Company Name",
    "Organization",
    "Account",
    "شرکت",
    "نام شرکت",
    "سازمان",
    "الشركة",
    "اسم الشركة",
    "公司",
    "公司名称",
  ],
  country: ["Country", "Country/Region", "کشور", "الدولة", "البلد", "国家"],
  region: ["Region", "State", "Province", "استان", "منطقه", "المنطقة", "地区", "省份"],
  city: ["City", "Town", "شهر", "المدينة", "城市"],
  segment: ["Segment", "Tier", "بخش", "الشريحة", "细分"],
  industry: ["Industry", "صنعت", "القطاع", "الصناعة", "行业"],
  acquisition_channel: [
    "Acquisition Channel",
    "Lead Source",
    "Source",
    "کانال جذب",
    "منبع",
    "قناة الاستحواذ",
    "المصدر",
    "获客渠道",
    "来源",
  ],
  gender: ["Gender", "Sex", "جنسیت", "الجنس", "性别"],
  birth_year: ["Birth Year", "Year of Birth", "سال تولد", "سنة الميلاد", "出生年份"],
  created_at: [
    "Created",
    "Created At",
    "Created Date",
    "Create Date",
    "Creation Date",
    "Date Created",
    "Signup Date",
    "Registered",
    "تاریخ ایجاد",
    "تاریخ ثبت",
    "تاریخ عضویت",
    "تاريخ الإنشاء",
    "تاريخ التسجيل",
    "创建时间",
    "创建日期",
    "注册时间",
    "注册日期",
  ],
  acquired_at: ["Acquired", "Acquired At", "Became Customer", "تاریخ جذب", "تاريخ الاكتساب", "成为客户时间"],
  ordered_at: [
    "Order Date",
    "Ordered At",
    "Date",
    "Purchase Date",
    "تاریخ سفارش",
    "تاریخ",
    "تاريخ الطلب",
    "التاريخ",
    "下单时间",
    "订单日期",
    "日期",
  ],
  amount: [
    "Amount",
    "Total",
    "Value",
    "Price",
    "Revenue",
    "Deal Value",
    "مبلغ",
    "مبلغ کل",
    "قیمت",
    "المبلغ",
    "الإجمالي",
    "القيمة",
    "金额",
    "总额",
    "价格",
  ],
  cost: ["Cost", "هزینه", "التكلفة", "成本"],
  currency: ["Currency", "Currency Code", "واحد پول", "ارز", "العملة", "币种", "货币"],
  product: ["Product", "Item", "Product Name", "محصول", "کالا", "المنتج", "产品", "商品"],
  status: ["Status", "State", "Stage Status", "وضعیت", "الحالة", "状态"],
  stage: ["Stage", "Deal Stage", "مرحله", "المرحلة", "阶段"],
  type: ["Type", "Kind", "نوع", "النوع", "类型"],
  closed_at: ["Closed", "Closed At", "Close Date", "تاریخ بسته شدن", "تاريخ الإغلاق", "关闭时间", "成交日期"],
  pipeline: ["Pipeline", "قیف فروش", "مسار المبيعات", "销售管道"],
  lost_reason: ["Lost Reason", "دلیل باخت", "سبب الخسارة", "丢单原因"],
  channel: ["Channel", "کانال", "القناة", "渠道"],
  priority: ["Priority", "اولویت", "الأولوية", "优先级"],
  resolved_at: ["Resolved", "Resolved At", "تاریخ حل", "تاريخ الحل", "解决时间"],
  first_response_at: ["First Response", "First Response At", "اولین پاسخ", "أول رد", "首次响应时间"],
  plan: ["Plan", "طرح", "پلن", "الخطة", "套餐"],
  interval: ["Interval", "Billing Period", "Billing Interval", "دوره", "الفترة", "计费周期"],
  start_at: ["Start", "Start Date", "Started", "تاریخ شروع", "تاريخ البدء", "开始时间", "开始日期"],
  end_at: ["End", "End Date", "تاریخ پایان", "تاريخ الانتهاء", "结束时间", "结束日期"],
  canceled_at: ["Canceled", "Cancelled", "Canceled At", "تاریخ لغو", "تاريخ الإلغاء", "取消时间"],
  team: ["Team", "تیم", "الفريق", "团队"],
  role: ["Role", "نقش", "الدور", "角色"],
  source: ["Source", "Lead Source", "منبع", "المصدر", "来源"],
  converted_at: ["Converted", "Converted At", "تاریخ تبدیل", "تاريخ التحويل", "转化时间"],
};

/** Names that mean a column only in one entity's file ("ID" in orders.csv is the order's id). */
const ENTITY_COLUMN_SYNONYMS: Partial<Record<EntityName, Readonly<Record<string, readonly string[]>>>> = {
  customers: { customer_id: ["ID", "شناسه", "کد", "الرقم", "المعرف", "编号"] },
  orders: {
    order_id: ["ID", "شناسه", "کد", "الرقم", "المعرف", "编号"],
    ordered_at: ["Created", "Created At", "تاریخ ایجاد", "تاريخ الإنشاء", "创建时间"],
  },
  deals: { deal_id: ["ID", "شناسه", "الرقم", "编号"], name: ["Deal Name"] },
  tickets: { ticket_id: ["ID", "شناسه", "الرقم", "编号"] },
  leads: { lead_id: ["ID", "شناسه", "الرقم", "编号"] },
  reps: { rep_id: ["ID", "شناسه", "الرقم", "编号"] },
  campaigns: { campaign_id: ["ID", "شناسه", "الرقم", "编号"] },
};

/** File names (singular or plural, any of the four languages) of each entity. */
const ENTITY_NAMES: Partial<Record<EntityName, readonly string[]>> = {
  customers: [
    "customers",
    "customer",
    "clients",
    "client",
    "accounts",
    "companies",
    "مشتریان",
    "مشتری‌ها",
    "مشتری",
    "العملاء",
    "عملاء",
    "客户",
  ],
  orders: [
    "orders",
    "order",
    "sales",
    "purchases",
    "transactions",
    "payments",
    "سفارش‌ها",
    "سفارشات",
    "سفارش",
    "فروش",
    "الطلبات",
    "طلبات",
    "المبيعات",
    "订单",
    "销售",
  ],
  deals: [
    "deals",
    "deal",
    "opportunities",
    "opportunity",
    "معاملات",
    "معامله",
    "فرصت‌ها",
    "الصفقات",
    "صفقات",
    "商机",
    "交易",
  ],
  tickets: ["tickets", "ticket", "cases", "support", "تیکت‌ها", "تیکت", "التذاكر", "تذاكر", "工单"],
  leads: ["leads", "lead", "prospects", "سرنخ‌ها", "سرنخ", "العملاء المحتملون", "线索"],
  reps: [
    "reps",
    "rep",
    "users",
    "owners",
    "salespeople",
    "agents",
    "فروشندگان",
    "کارشناسان",
    "المندوبون",
    "المندوبين",
    "销售代表",
    "员工",
  ],
  subscriptions: ["subscriptions", "subscription", "اشتراک‌ها", "اشتراک", "الاشتراكات", "订阅"],
  campaigns: ["campaigns", "campaign", "کمپین‌ها", "الحملات", "活动"],
  email_events: ["email events", "members", "subscribers", "list members", "اعضا", "المشتركون", "订阅者"],
  fx_rates: ["fx rates", "exchange rates", "rates", "نرخ ارز", "أسعار الصرف", "汇率"],
};

/** Words that read as each value of an enum column (status: won ← "Closed Won", "برنده", "فاز", "赢单"). */
export const ENUM_VALUE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  open: [
    "open",
    "new",
    "active",
    "in progress",
    "pending",
    "باز",
    "فعال",
    "جدید",
    "مفتوح",
    "مفتوحة",
    "جديد",
    "打开",
    "进行中",
    "新建",
  ],
  won: ["won", "closed won", "win", "برنده", "موفق", "فاز", "ربح", "مكسوبة", "赢单", "成交", "赢"],
  lost: ["lost", "closed lost", "loss", "باخت", "ناموفق", "خسر", "خاسرة", "丢单", "输单"],
  resolved: ["resolved", "solved", "done", "حل شده", "تم الحل", "已解决"],
  closed: ["closed", "بسته", "مغلق", "مغلقة", "已关闭", "关闭"],
  converted: ["converted", "customer", "تبدیل شده", "محول", "已转化"],
  disqualified: ["disqualified", "unqualified", "junk", "رد شده", "غير مؤهل", "无效"],
  month: ["month", "monthly", "ماهانه", "شهري", "月", "每月"],
  quarter: ["quarter", "quarterly", "فصلی", "ربع سنوي", "季度"],
  year: ["year", "yearly", "annual", "سالانه", "سنوي", "年", "每年"],
  purchase: ["purchase", "sale", "order", "خرید", "شراء", "购买"],
  refund: ["refund", "return", "بازپرداخت", "مرجوعی", "استرداد", "退款"],
  upsell: ["upsell", "upgrade", "ارتقا", "ترقية", "升级"],
  subscribed: ["subscribed", "subscribe", "عضو", "مشترك", "已订阅"],
  unsubscribed: ["unsubscribed", "unsubscribe", "لغو عضویت", "إلغاء الاشتراك", "已退订"],
};

function normalizedTable(table: Readonly<Record<string, readonly string[]>>): Map<string, Set<string>> {
  return new Map(
    Object.entries(table).map(([key, names]) => [key, new Set([key, ...names].map(normalizeHeader))]),
  );
}

const COLUMNS = normalizedTable(COLUMN_SYNONYMS);
const ENTITY_COLUMNS = new Map(
  Object.entries(ENTITY_COLUMN_SYNONYMS).map(([entity, table]) => [entity, normalizedTable(table ?? {})]),
);
const ENTITY_FILE_NAMES = normalizedTable(ENTITY_NAMES as Record<string, readonly string[]>);
const ENUM_VALUES = normalizedTable(ENUM_VALUE_SYNONYMS);

/** Whether a (normalized) header names `column` of `entity`: its own name, the entity's words, then the general ones. */
export function headerMatches(entity: EntityName, column: string, normalized: string): 0 | 1 | 2 {
  if (normalized === normalizeHeader(column)) return 2;
  if (ENTITY_COLUMNS.get(entity)?.get(column)?.has(normalized)) return 2;
  return COLUMNS.get(column)?.has(normalized) ? 1 : 0;
}

/** The entity a file name (without extension) names, if it names one. */
export function entityOfFileName(baseName: string): EntityName | undefined {
  const normalized = normalizeHeader(baseName);
  for (const [entity, names] of ENTITY_FILE_NAMES) {
    if (names.has(normalized)) return entity as EntityName;
  }
  // "crm-customers-2024" names customers too: a name word of the file.
  const words = new Set(normalized.split(" "));
  for (const [entity, names] of ENTITY_FILE_NAMES) {
    for (const name of names) if (!name.includes(" ") && words.has(name)) return entity as EntityName;
  }
  return undefined;
}

/** The value of `allowed` a cell text reads as, if any. */
export function enumValueOf(text: string, allowed: readonly string[]): string | undefined {
  const normalized = normalizeHeader(text);
  for (const value of allowed)
    if (ENUM_VALUES.get(value)?.has(normalized) || normalized === value) return value;
  return undefined;
}
