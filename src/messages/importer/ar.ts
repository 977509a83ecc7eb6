import type { importerEn } from "./en.js";

export const importerAr = {
  "importer.error.badEncoding": "{file}:{line}: النص ليس صالحًا بترميز {encoding}.",
  "importer.error.badEncoding.fix":
    "احفظ الملف بترميز UTF-8، أو حدّد ترميزه باستخدام --encoding (مثلًا --encoding windows-1256).",
  "importer.error.unknownEncoding": "الترميز «{value}» غير معروف.",
  "importer.error.unknownEncoding.fix":
    "استخدم utf-8 أو utf-16le أو windows-1256 أو windows-1252 أو latin1 أو اسم ترميز آخر من معيار WHATWG.",
  "importer.error.unknownDelimiter": "الفاصل «{value}» غير معروف.",
  "importer.error.unknownDelimiter.fix": "استخدم ',' أو ';' أو '|' أو '\\t' (مسافة جدولة).",
  "importer.error.delimiterWithMapping": "‎--delimiter يخص الملفات القياسية فقط، لا مصادر ملف الربط.",
  "importer.error.delimiterWithMapping.fix": "حدّد فاصل كل مصدر في ملف الربط.",
  "importer.error.duplicateColumn":
    "{file}:1: يذكر سطر العناوين {column} مرتين، في العمودين {first} و{second}.",
  "importer.error.duplicateColumn.fix": "أعد تسمية أحد العمودين أو احذفه.",
  "importer.error.emptyFile": "{file}: الملف فارغ (بلا سطر عناوين حتى).",
  "importer.error.emptyFile.fix": "صدّره من جديد، أو احذف مصدره من ملف الربط إن لم تكن له بيانات.",
  "importer.error.looksSemicolon":
    "{file}:1: سطر العناوين عمود واحد يحوي فواصل منقوطة: يبدو أن الملف مفصول بالفاصلة المنقوطة.",
  "importer.error.looksSemicolon.fix": "اكتب {flag} لهذا المصدر في ملف الربط.",
  "importer.error.looksTab":
    "{file}:1: سطر العناوين عمود واحد يحوي مسافات جدولة: يبدو أن الملف مفصول بمسافات الجدولة.",
  "importer.error.looksTab.fix": "اكتب {flag} لهذا المصدر في ملف الربط.",
  "importer.error.looksComma": "{file}:1: سطر العناوين عمود واحد يحوي فواصل: يبدو أن الملف مفصول بالفواصل.",
  "importer.error.looksComma.fix": "اكتب {flag} لهذا المصدر في ملف الربط.",
  "importer.option.encoding":
    "ترميز الملفات: utf-8 (الافتراضي) أو utf-16le أو windows-1256 أو windows-1252 أو latin1 أو غيرها",
  "importer.option.delimiter": "فاصل الخلايا في ملفات CSV: ',' (الافتراضي) أو ';' أو '|' أو '\\t'",
  "importer.file.unreadable": "تعذّرت قراءة الملف؛ تحقّق من تنسيقه",
  "importer.file.unreadablePast":
    "تتعذّر قراءة الملف بعد هذه النقطة؛ أصلحه (غالبًا علامة اقتباس غير مغلقة) ثم استورده من جديد",
  "importer.file.empty": "الملف فارغ (بلا سطر عناوين حتى)؛ صدّره من جديد، أو احذفه إن لم تكن له بيانات",
  "importer.file.headerOnly": "في الملف سطر عناوين لكن بلا صفوف؛ لم يُستورد منه شيء",
  "importer.file.noRecords": "لا يحوي الملف أي سجلات؛ لم يُستورد منه شيء",
  "importer.file.duplicateColumn":
    "يذكر سطر العناوين {column} مرتين، في العمودين {first} و{second}؛ أعد تسمية أحدهما أو احذفه",
  "importer.file.looksSemicolon":
    "سطر العناوين عمود واحد يحوي فواصل منقوطة: يبدو أن الملف مفصول بالفاصلة المنقوطة؛ استورده باستخدام {flag}",
  "importer.file.looksTab":
    "سطر العناوين عمود واحد يحوي مسافات جدولة: يبدو أن الملف مفصول بمسافات الجدولة؛ استورده باستخدام {flag}",
  "importer.file.looksComma":
    "سطر العناوين عمود واحد يحوي فواصل: يبدو أن الملف مفصول بالفواصل؛ استورده باستخدام {flag}",
  "importer.file.missingColumn":
    "ليس في الملف العمود {column} الذي يتطلّبه {entity}؛ رُفض الملف كله، أضف العمود",
  "importer.file.unknownColumn":
    "{column} ليس عمودًا من أعمدة {entity} وقد تم تجاهله؛ أعد تسميته أو استخدم ملف ربط",
  "importer.row.required": "{column} مطلوب؛ املأه",
  "importer.row.duplicateId": "{column} {value} ظهر من قبل في السطر {seenAt}؛ أبقِ صفًا واحدًا لكل معرّف",
  "importer.row.timeOrder": "{column} قبل {earlier}؛ استُورد الصف، تحقّق من التاريخين",
  "importer.row.idTooLong": "المعرّف لا يتجاوز ٢٠٠ حرف",
  "importer.row.unknownValue": "يجب أن تكون القيمة إحدى: {values} (بأحرف صغيرة)",
  "importer.row.badCurrency": "استخدم رمزًا من ثلاثة أحرف وفق ISO 4217 مثل USD أو IRR",
  "importer.row.badTimestamp":
    "ليس تاريخًا ووقتًا؛ استخدم صيغة ISO 8601 مثل 2024-03-05 أو 2024-03-05T14:30:00 أو 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchDate":
    "لا يوجد تاريخ كهذا؛ استخدم صيغة ISO 8601 مثل 2024-03-05 أو 2024-03-05T14:30:00 أو 2024-03-05T14:30:00+03:30",
  "importer.row.noSuchTime":
    "لا يوجد وقت كهذا في اليوم؛ استخدم صيغة ISO 8601 مثل 2024-03-05 أو 2024-03-05T14:30:00 أو 2024-03-05T14:30:00+03:30",
  "importer.row.badOffset":
    "فرق التوقيت خارج النطاق؛ استخدم صيغة ISO 8601 مثل 2024-03-05 أو 2024-03-05T14:30:00 أو 2024-03-05T14:30:00+03:30",
  "importer.row.badDate": "ليس تاريخًا صالحًا؛ استخدم تاريخ ISO مثل 2024-03-05",
  "importer.row.badInteger": "ليس عددًا صحيحًا؛ اكتب أرقامًا فقط، مثلًا ١٩٨٥",
  "importer.row.badDecimal": "ليس عددًا؛ اكتب العدد بالنقطة . فاصلًا عشريًا وبلا فواصل آلاف، مثلًا 1234.50",
  "importer.row.numberTooLarge": "العدد كبير جدًا (٢٤ رقمًا على الأكثر قبل الفاصلة العشرية)",
  "importer.row.commaDecimal":
    "يبدو عددًا بفاصلة بدل الفاصلة العشرية، فانقسم الصف إلى خلية زائدة؛ ضع الخلية بين علامتي اقتباس أو اكتبها {suggestion}",
  "importer.row.rateNotPositive": "سعر الصرف يجب أن يكون أكبر من ٠",
  "importer.row.closedAtRequired": "closed_at مطلوب عندما تكون status هي {status}",
  "importer.row.scoreOutOfRange": "يجب أن تكون score ضمن {min}..{max} (scale_min..scale_max)",
  "importer.row.npsNotInteger":
    "درجة NPS عدد صحيح من ٠ إلى ١٠؛ استُورد الصف، تحقّق مما إذا كانت الدرجة متوسطًا أو محوّلة من مقياس آخر",
  "importer.row.negativePosition": "يجب أن تكون position صفرًا أو أكثر",
  "importer.row.probabilityRange": "probability كسر بين ٠ و١",
  "importer.row.quotaOwner": "الحصة تحتاج إلى rep_id أو team",
  "importer.row.spendDate": "أعطِ date، أو كلا period_start وperiod_end",
  "importer.row.periodOrder": "يجب أن يكون period_end (غير مشمول) بعد period_start",
  "importer.row.fxNoDate": "{currency} يحتاج إلى تاريخ لتحويل {amount}",
  "importer.row.fxNoCurrency":
    "لا توجد أسعار في fx_rates لـ{currency}؛ أضف أسعارها إلى fx_rates أو صحّح العملة",
  "importer.row.fxNoRate": "لا يوجد سعر لـ{currency} في {date} أو قبله؛ أضف سعرًا أقدم إلى fx_rates",
  "importer.row.orphan":
    "{column} {value} ليس {refColumn} معروفًا في {refEntity}؛ استُورد الصف، أضف صف {refEntity} الناقص أو صحّح المعرّف",
  "importer.row.orphanMore": "{count} صفًا آخر من {entity} فيها {column} غير موجود في {refEntity}",
  "importer.row.wrongCellCount":
    "في الصف {cells} خلية بينما في سطر العناوين {expected}؛ تحقّق من فاصل ناقص أو زائد أو علامة اقتباس غير مغلقة",
  "importer.row.badJson": "ليس JSON صالحًا؛ أصلح صياغة هذا السجل",
  "importer.row.notAnObject": 'يجب أن يكون كل سجل كائن JSON مثل {"customer_id": "C1", ...}',
  "importer.issue.wrong_cell_count":
    "عدد خلايا الصف يختلف عن سطر العناوين؛ تحقّق من فاصل غير محاط بعلامات اقتباس",
  "importer.issue.bad_number": "ليس عددًا؛ اكتب العدد بالنقطة . فاصلًا عشريًا",
  "importer.issue.bad_json": "ليس JSON صالحًا؛ أصلح صياغة هذا السجل",
  "importer.issue.not_an_object": "يجب أن يكون كل سجل كائن JSON",
  "importer.issue.other": "لا يمكن استيراد هذا الصف ({code})",
  "importer.value.length": "({length} حرفًا)",
} as const satisfies Record<keyof typeof importerEn, string>;
