/**
 * A compact Unicode Bidirectional Algorithm (UAX #9) for one line of CLI
 * output, enough to write right-to-left tables "pre-shaped" for terminals
 * that do no bidi themselves (`--bidi visual`). It covers what our output
 * holds: strong letters, European and Arabic digits with their separators,
 * neutrals, marks and the isolates (LRI, RLI, FSI, PDI) that text-table.ts
 * puts around cells. Embeddings and overrides (LRE…PDF) are never written
 * by crm-kpi and are treated as neutrals. test/i18n/bidi-table.test.ts
 * checks the result against bidi-js, a conformant implementation.
 */

type BidiClass =
  | "L"
  | "R"
  | "AL"
  | "EN"
  | "AN"
  | "ES"
  | "ET"
  | "CS"
  | "NSM"
  | "BN"
  | "WS"
  | "ON"
  | "LRI"
  | "RLI"
  | "FSI"
  | "PDI";

export const LRI = "\u2066";
export const RLI = "\u2067";
export const FSI = "\u2068";
export const PDI = "\u2069";
export const LRM = "\u200e";
export const RLM = "\u200f";

const inRanges = (cp: number, ranges: readonly (readonly [number, number])[]): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

const EN_RANGES = [
  [0x30, 0x39],
  [0xb2, 0xb3],
  [0xb9, 0xb9],
  [0x6f0, 0x6f9],
  [0x2070, 0x2070],
  [0x2074, 0x2079],
  [0x2080, 0x2089],
  [0xff10, 0xff19],
] as const;
const AN_RANGES = [
  [0x600, 0x605],
  [0x660, 0x669],
  [0x66b, 0x66c],
  [0x6dd, 0x6dd],
] as const;
const ES_CODES = new Set([
  0x2b, 0x2d, 0x207a, 0x207b, 0x208a, 0x208b, 0x2212, 0xfb29, 0xfe62, 0xfe63, 0xff0b, 0xff0d,
]);
const ET_RANGES = [
  [0x23, 0x25],
  [0xa2, 0xa5],
  [0xb0, 0xb1],
  [0x609, 0x60a],
  [0x66a, 0x66a],
  [0x2030, 0x2034],
  [0x20a0, 0x20cf],
  [0x2213, 0x2213],
  [0xff03, 0xff05],
  [0xffe0, 0xffe1],
  [0xffe5, 0xffe6],
] as const;
const CS_CODES = new Set([
  0x2c, 0x2e, 0x2f, 0x3a, 0xa0, 0x60c, 0x202f, 0x2044, 0xfe50, 0xfe52, 0xfe55, 0xff0c, 0xff0e, 0xff0f, 0xff1a,
]);
const WS_CODES = new Set([0x20, 0x09, 0x0c, 0x1680, 0x2028, 0x205f, 0x3000]);
const BN_RANGES = [
  [0xad, 0xad],
  [0x200b, 0x200d],
  [0x2060, 0x2064],
  [0xfeff, 0xfeff],
] as const;
const ARABIC_NSM = [
  [0x610, 0x61a],
  [0x64b, 0x65f],
  [0x670, 0x670],
  [0x6d6, 0x6dc],
  [0x6df, 0x6e4],
  [0x6e7, 0x6e8],
  [0x6ea, 0x6ed],
] as const;
const ARABIC_ON = [
  [0x606, 0x607],
  [0x60e, 0x60f],
  [0x6de, 0x6de],
  [0x6e9, 0x6e9],
] as const;
const AL_RANGES = [
  [0x600, 0x6ff],
  [0x700, 0x74f],
  [0x750, 0x77f],
  [0x780, 0x7bf],
  [0x860, 0x8ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefe],
] as const;
const R_RANGES = [
  [0x590, 0x5ff],
  [0x7c0, 0x85f],
  [0xfb1d, 0xfb4f],
] as const;

function classOf(char: string): BidiClass {
  const cp = char.codePointAt(0) ?? 0;
  switch (cp) {
    case 0x2066:
      return "LRI";
    case 0x2067:
      return "RLI";
    case 0x2068:
      return "FSI";
    case 0x2069:
      return "PDI";
    case 0x200e:
      return "L";
    case 0x200f:
      return "R";
    case 0x61c:
      return "AL";
  }
  if (inRanges(cp, EN_RANGES)) return "EN";
  if (inRanges(cp, AN_RANGES)) return "AN";
  if (ES_CODES.has(cp)) return "ES";
  if (inRanges(cp, ET_RANGES)) return "ET";
  if (CS_CODES.has(cp)) return "CS";
  if (WS_CODES.has(cp) || (cp >= 0x2000 && cp <= 0x200a)) return "WS";
  if (inRanges(cp, BN_RANGES)) return "BN";
  if (inRanges(cp, ARABIC_NSM) || /[\p{Mn}\p{Me}]/u.test(char)) return "NSM";
  if (inRanges(cp, ARABIC_ON)) return "ON";
  if (inRanges(cp, AL_RANGES)) return "AL";
  if (inRanges(cp, R_RANGES)) return "R";
  if (/[\p{L}\p{Mc}\p{Nd}\p{Nl}]/u.test(char)) return "L";
  return "ON";
}

const isIsolateStart = (c: BidiClass) => c === "LRI" || c === "RLI" || c === "FSI";
const isNeutral = (c: BidiClass) =>
  c === "WS" || c === "ON" || c === "BN" || isIsolateStart(c) || c === "PDI";

/** P2/P3: the direction of the first strong character, skipping isolates; undefined when none. */
function firstStrong(classes: readonly BidiClass[], from: number): "ltr" | "rtl" | undefined {
  let depth = 0;
  for (let i = from; i < classes.length; i++) {
    const c = classes[i];
    if (c === undefined) break;
    if (isIsolateStart(c)) depth++;
    else if (c === "PDI") {
      if (depth === 0) return undefined;
      depth--;
    } else if (depth === 0 && c === "L") return "ltr";
    else if (depth === 0 && (c === "R" || c === "AL")) return "rtl";
  }
  return undefined;
}

interface Sequence {
  readonly level: number;
  readonly indices: number[];
}

/** X1–X10 for isolates only: each isolating run sequence with its embedding level. */
function isolatingSequences(classes: readonly BidiClass[], paragraphLevel: number): Sequence[] {
  const root: Sequence = { level: paragraphLevel, indices: [] };
  const all = [root];
  const stack = [root];
  classes.forEach((c, i) => {
    const current = stack[stack.length - 1] ?? root;
    if (isIsolateStart(c)) {
      current.indices.push(i);
      const rtl = c === "RLI" || (c === "FSI" && firstStrong(classes, i + 1) === "rtl");
      const level = rtl ? (current.level + 1) | 1 : (current.level + 2) & ~1;
      const inner: Sequence = { level, indices: [] };
      all.push(inner);
      stack.push(inner);
    } else if (c === "PDI" && stack.length > 1) {
      stack.pop();
      (stack[stack.length - 1] ?? root).indices.push(i);
    } else {
      current.indices.push(i);
    }
  });
  return all;
}

/** W1–W7, N1–N2, I1–I2 on one isolating run sequence; writes the resolved levels. */
function resolveSequence(
  seq: Sequence,
  chars: readonly string[],
  classes: readonly BidiClass[],
  levels: number[],
): void {
  const sos: BidiClass = seq.level % 2 === 1 ? "R" : "L";
  // X9: boundary neutrals take no part; they get a level afterwards.
  const idx = seq.indices.filter((i) => classes[i] !== "BN");
  const t: BidiClass[] = idx.map((i) => classes[i] ?? "ON");
  // W1
  for (let k = 0; k < t.length; k++) {
    if (t[k] === "NSM") {
      const prev = k === 0 ? sos : (t[k - 1] ?? sos);
      t[k] = isIsolateStart(prev) || prev === "PDI" ? "ON" : prev;
    }
  }
  // W2, W3
  let lastStrong: BidiClass = sos;
  for (let k = 0; k < t.length; k++) {
    const c = t[k];
    if (c === "L" || c === "R" || c === "AL") lastStrong = c;
    else if (c === "EN" && lastStrong === "AL") t[k] = "AN";
  }
  for (let k = 0; k < t.length; k++) if (t[k] === "AL") t[k] = "R";
  // W4
  for (let k = 1; k < t.length - 1; k++) {
    const [a, c, b] = [t[k - 1], t[k], t[k + 1]];
    if (c === "ES" && a === "EN" && b === "EN") t[k] = "EN";
    else if (c === "CS" && a === b && (a === "EN" || a === "AN")) t[k] = a;
  }
  // W5
  for (let k = 0; k < t.length; k++) {
    if (t[k] !== "ET") continue;
    let end = k;
    while (t[end] === "ET") end++;
    if (t[k - 1] === "EN" || t[end] === "EN") for (let j = k; j < end; j++) t[j] = "EN";
    k = end - 1;
  }
  // W6
  for (let k = 0; k < t.length; k++) if (t[k] === "ES" || t[k] === "ET" || t[k] === "CS") t[k] = "ON";
  // W7
  lastStrong = sos;
  for (let k = 0; k < t.length; k++) {
    const c = t[k];
    if (c === "L" || c === "R") lastStrong = c;
    else if (c === "EN" && lastStrong === "L") t[k] = "L";
  }
  // N1, N2: numbers count as R next to neutrals.
  const strongOf = (c: BidiClass | undefined): "L" | "R" | undefined =>
    c === "L" ? "L" : c === "R" || c === "EN" || c === "AN" ? "R" : undefined;
  resolveBrackets(
    idx.map((i) => chars[i] ?? ""),
    t,
    sos === "R" ? "R" : "L",
    strongOf,
  );
  for (let k = 0; k < t.length; k++) {
    if (!isNeutral(t[k] ?? "ON")) continue;
    let end = k;
    while (end < t.length && isNeutral(t[end] ?? "ON")) end++;
    const before = k === 0 ? strongOf(sos) : strongOf(t[k - 1]);
    const after = end === t.length ? strongOf(sos) : strongOf(t[end]);
    const resolved = before === after && before !== undefined ? before : sos === "R" ? "R" : "L";
    for (let j = k; j < end; j++) t[j] = resolved;
    k = end - 1;
  }
  // I1, I2
  idx.forEach((i, k) => {
    const c = t[k];
    const even = seq.level % 2 === 0;
    const raise = even
      ? c === "R"
        ? 1
        : c === "AN" || c === "EN"
          ? 2
          : 0
      : c === "L" || c === "AN" || c === "EN"
        ? 1
        : 0;
    levels[i] = seq.level + raise;
  });
}

const OPENING: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * N0: a bracket pair takes the embedding direction when it holds a strong
 * character of that direction, else the other direction when it holds one
 * and the text before the pair has it too (BD16 pairing, at most 63 deep).
 */
function resolveBrackets(
  chars: readonly string[],
  t: BidiClass[],
  e: "L" | "R",
  strongOf: (c: BidiClass | undefined) => "L" | "R" | undefined,
): void {
  const pairs: [number, number][] = [];
  const stack: { close: string; at: number }[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (t[k] !== "ON") continue;
    const ch = chars[k] ?? "";
    const close = OPENING[ch];
    if (close !== undefined) {
      if (stack.length === 63) break;
      stack.push({ close, at: k });
      continue;
    }
    const match = stack.map((o) => o.close).lastIndexOf(ch);
    if (match >= 0) {
      pairs.push([stack[match]?.at ?? 0, k]);
      stack.length = match;
    }
  }
  pairs.sort((a, b) => a[0] - b[0]);
  for (const [open, close] of pairs) {
    let inside: "e" | "o" | undefined;
    for (let k = open + 1; k < close; k++) {
      const s = strongOf(t[k]);
      if (s === e) {
        inside = "e";
        break;
      }
      if (s !== undefined) inside = "o";
    }
    if (inside === undefined) continue;
    let direction: "L" | "R" = e;
    if (inside === "o") {
      let before: "L" | "R" = e === "R" ? "R" : "L";
      for (let k = open - 1; k >= 0; k--) {
        const s = strongOf(t[k]);
        if (s !== undefined) {
          before = s;
          break;
        }
      }
      // Before the pair, sos counts as the embedding direction.
      direction = before !== e ? before : e;
    }
    t[open] = direction;
    t[close] = direction;
  }
}

const MIRROR: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "{": "}",
  "}": "{",
  "<": ">",
  ">": "<",
  "«": "»",
  "»": "«",
  "‹": "›",
  "›": "‹",
};

const CONTROLS = /[\u200e\u200f\u061c\u2066-\u2069]/gu;

/**
 * The characters of `line` in the order a reader sees them (UAX #9 rules
 * L1–L4), direction marks removed, for a terminal that prints characters
 * left to right as they come. `paragraph` is the base direction; `auto`
 * takes it from the first strong character (P2, P3).
 *
 * @example visualLine("\u200f\u2068دوره\u2069  \u2068۱۲\u2069", "auto") // "۱۲  هرود"
 */
export function visualLine(line: string, paragraph: "ltr" | "rtl" | "auto" = "auto"): string {
  const chars = Array.from(line);
  const classes = chars.map(classOf);
  const base = paragraph === "auto" ? (firstStrong(classes, 0) ?? "ltr") : paragraph;
  const paragraphLevel = base === "rtl" ? 1 : 0;
  const levels: number[] = chars.map(() => paragraphLevel);
  for (const seq of isolatingSequences(classes, paragraphLevel)) resolveSequence(seq, chars, classes, levels);
  // Boundary neutrals take the level of the character before them.
  classes.forEach((c, i) => {
    if (c === "BN") levels[i] = i === 0 ? paragraphLevel : (levels[i - 1] ?? paragraphLevel);
  });
  // L1: trailing whitespace and isolate marks go back to the paragraph level.
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = classes[i] ?? "ON";
    if (c !== "WS" && c !== "BN" && !isIsolateStart(c) && c !== "PDI") break;
    levels[i] = paragraphLevel;
  }
  // L2: reverse every run at or above each level, highest first.
  const order = chars.map((_, i) => i);
  const highest = Math.max(paragraphLevel, ...levels);
  const lowestOdd = Math.min(...levels.map((l) => (l % 2 === 1 ? l : l + 1)));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length; i++) {
      if ((levels[order[i] ?? 0] ?? 0) < level) continue;
      let end = i;
      while (end < order.length && (levels[order[end] ?? 0] ?? 0) >= level) end++;
      const reversed = order.slice(i, end).reverse();
      order.splice(i, end - i, ...reversed);
      i = end - 1;
    }
  }
  // L4: mirrored brackets in right-to-left runs.
  return order
    .map((i) => {
      const ch = chars[i] ?? "";
      return (levels[i] ?? 0) % 2 === 1 ? (MIRROR[ch] ?? ch) : ch;
    })
    .join("")
    .replace(CONTROLS, "");
}

/** Removes the direction marks crm-kpi writes (for comparisons and widths). */
export function stripDirectionMarks(text: string): string {
  return text.replace(CONTROLS, "");
}
