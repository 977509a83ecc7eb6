/** Messages of the periods area (Report periods, partial periods, ranges, metric parameters and goals); the other locales have exactly these keys (parity.test.ts). */
export const periodsEn = {
  "periods.warning.prefix": "Warning:",
  "periods.warning.rangeOutsideData":
    "the range {from} to {to} lies wholly outside the data, which runs from {dataFrom} to {dataTo} in the {calendar} calendar ({dataFromPeriod} to {dataToPeriod}); every value in it is empty or carried over.",
  "periods.warning.otherCalendarYear":
    "the year {year} is implausible in the {calendar} calendar; it looks like a year of the {other} calendar (--calendar {other}).",
  "periods.error.unknownParam": 'No reported metric has a parameter "{param}"; the parameters are: {known}.',
  "periods.error.unknownParam.fix": "Check the spelling; crm-kpi metrics lists every metric's parameters.",
  "periods.error.paramOutOfRange":
    "The parameter {value} of {metric} is out of range: {param} takes {range}; the parameters of {metric} are: {known}.",
  "periods.error.paramOutOfRange.fix":
    "Give a value inside the range, or leave the parameter out for its default.",
  "periods.error.targetTooLarge":
    "The target {target} is too large: a target has at most 12 digits before the decimal point.",
  "periods.report.partialNote":
    "* partial period: it ends after the data's last day, so its values are not final.",
  "periods.report.partialColumn": "partial",
} as const;
