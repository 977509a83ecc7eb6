import type { cohortsEn } from "./en.js";

export const cohortsFa = {
  "cohorts.cli.description":
    "ماندگاری گروه‌ها: مشتریان به تفکیک دورهٔ جذب × دوره‌های پس از آن، همراه با درآمدشان",
  "cohorts.cli.option.period": "طول دورهٔ گروه: day، week، month، quarter، year…",
  "cohorts.cli.option.from": "نخستین دورهٔ گروه (مثلاً 1403-01 یا 2024-01)",
  "cohorts.cli.option.to": "آخرین دورهٔ جدول",
  "cohorts.cli.option.measure": "محتوای خانه‌ها: customers (سهم فعال) یا revenue (سهم از دورهٔ صفر)",
  "cohorts.column.cohort": "گروه",
  "cohorts.column.size": "مشتریان",
  "cohorts.column.revenue": "درآمد",
  "cohorts.column.offset": "+{offset}",
  "cohorts.none": "در این بازه هیچ مشتری‌ای جذب نشده است.",
  "cohorts.note.customers": "خانه‌ها: سهم مشتریانِ گروه که هنوز فعال‌اند؛ {count} گروه.",
  "cohorts.note.revenue": "خانه‌ها: درآمد به نسبت درآمد دورهٔ صفرِ گروه؛ {count} گروه.",
} as const satisfies Record<keyof typeof cohortsEn, string>;
