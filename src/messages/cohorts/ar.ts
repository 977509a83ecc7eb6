import type { cohortsEn } from "./en.js";

export const cohortsAr = {
  "cohorts.cli.description": "الاحتفاظ بالمجموعات: العملاء حسب فترة الاكتساب × الفترات التالية، مع إيراداتهم",
  "cohorts.cli.option.period": "طول فترة المجموعة: day أو week أو month أو quarter أو year…",
  "cohorts.cli.option.from": "أول فترة مجموعة (مثل 2024-01 أو 1403-01)",
  "cohorts.cli.option.to": "آخر فترة في الجدول",
  "cohorts.cli.option.measure": "ما تعرضه الخلايا: customers (نسبة النشطين) أو revenue (نسبة من الفترة صفر)",
  "cohorts.column.cohort": "المجموعة",
  "cohorts.column.size": "العملاء",
  "cohorts.column.revenue": "الإيراد",
  "cohorts.column.offset": "+{offset}",
  "cohorts.none": "لم يُكتسب أي عميل في هذا النطاق.",
  "cohorts.note.customers": "الخلايا: نسبة عملاء المجموعة الذين ما زالوا نشطين، {count} مجموعة.",
  "cohorts.note.revenue": "الخلايا: الإيراد كنسبة من إيراد الفترة صفر للمجموعة، {count} مجموعة.",
} as const satisfies Record<keyof typeof cohortsEn, string>;
