/** Messages of the linkage area; the other locales have exactly these keys (parity.test.ts). */
export const linkageEn = {
  // H5 (issue 9): how the duplicate evidence is shown by `dedupe --review` and the dashboard.
  "linkage.display.field.name": "name",
  "linkage.display.field.email": "email",
  "linkage.display.field.phone": "phone",
  "linkage.display.field.company": "company",
  "linkage.display.field.city": "city",
  "linkage.display.field.region": "region",
  "linkage.display.field.country": "country",
  "linkage.display.field.segment": "segment",
  "linkage.display.level.exact": "exact",
  "linkage.display.level.normalized": "normalized",
  "linkage.display.level.fuzzy": "similar",
  "linkage.display.level.different": "different",
  "linkage.display.level.missing": "missing",
  "linkage.display.band.match": "match",
  "linkage.display.band.review": "needs review",
  "linkage.display.column.band": "Band",
  "linkage.display.column.weight": "Match weight",
  "linkage.display.column.probability": "Probability",
  "linkage.display.column.field": "Field",
  "linkage.display.column.level": "Level",
  "linkage.display.column.fieldWeight": "Weight",
  "linkage.display.cluster": "{cluster} ({band}): match weight {weight}, customers {customers}",
  "linkage.display.pair": "{a} ↔ {b}: match weight {weight}, probability {probability}",
  // H6 (issue 9): the thresholds of `dedupe` and `quality` (--match-weight, --review-weight) and the API.
  "linkage.option.matchWeight":
    "lowest match weight (log2 of the odds) of a duplicate: higher merges fewer pairs and sends more to review (default: {value})",
  "linkage.option.reviewWeight":
    "lowest match weight shown for review, at most the match weight: lower shows more pairs for review (default: {value})",
  "linkage.error.notNumber":
    'The value "{value}" of {option} is not a number; give a match weight such as 4, 6.5 or -2.',
  "linkage.error.reviewAboveMatch":
    "The review weight {review} is above the match weight {match}: the review band lies below the match threshold.",
  "linkage.error.reviewAboveMatch.fix": "Give a review weight of at most {match}, or raise the match weight.",
} as const;
