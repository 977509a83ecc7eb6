import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

/**
 * Text widths for ECharts on the server, from the fonts the dashboard uses:
 * Vazirmatn (Arabic script and Latin) and Noto Sans SC (Chinese). ECharts has
 * no canvas in Node, so without this every label would be measured by a
 * guess and Persian or Arabic axis labels would overlap. Text is shaped by
 * fontkit (joined Arabic letters are narrower than their isolated forms).
 */

const require = createRequire(import.meta.url);

interface FontFace {
  readonly ranges: readonly (readonly [number, number])[];
  readonly file: string;
  font?: fontkit.Font;
}

let faces: FontFace[] | undefined;

function parseRanges(spec: string): [number, number][] {
  return spec.split(",").map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, "").split("-");
    const start = Number.parseInt(from ?? "0", 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)];
  });
}

function packageFaces(pkg: string, fileOf: (subset: string) => string): FontFace[] {
  // The package's `exports` open its font files, not unicode.json: find the folder from one file.
  const probe = require.resolve(`${pkg}/files/${fileOf("latin")}`);
  const dir = path.dirname(path.dirname(probe));
  const subsets = JSON.parse(readFileSync(path.join(dir, "unicode.json"), "utf8")) as Record<string, string>;
  return Object.entries(subsets).map(([subset, spec]) => ({
    ranges: parseRanges(spec),
    file: path.join(dir, "files", fileOf(subset.replace(/^\[(\d+)\]$/, "$1"))),
  }));
}

function allFaces(): FontFace[] {
  faces ??= [
    ...packageFaces("@fontsource/vazirmatn", (s) => `vazirmatn-${s}-400-normal.woff2`),
    ...packageFaces("@fontsource/noto-sans-sc", (s) => `noto-sans-sc-${s}-400-normal.woff2`),
  ];
  return faces;
}

function faceOf(codePoint: number): FontFace | undefined {
  return allFaces().find((f) => f.ranges.some(([a, b]) => codePoint >= a && codePoint <= b));
}

function loaded(face: FontFace): fontkit.Font {
  face.font ??= fontkit.create(readFileSync(face.file)) as fontkit.Font;
  return face.font;
}

/** The pixel size of a CSS font shorthand (`bold 14px sans-serif`); 12 when it has none. */
export function fontSizeOf(font: string | undefined): number {
  const match = /(\d+(?:\.\d+)?)px/.exec(font ?? "");
  return match ? Number(match[1]) : 12;
}

/**
 * The width in pixels of `text` in the CSS font `font` (only its size is
 * read): runs of characters of one font face are shaped together.
 *
 * @example measureText("فروردین ۱۴۰۳", "12px sans-serif").width // > 0
 */
export function measureText(text: string, font?: string): { width: number } {
  const size = fontSizeOf(font);
  let width = 0;
  let run = "";
  let runFace: FontFace | undefined;
  const flush = () => {
    if (run === "") return;
    if (runFace) {
      const f = loaded(runFace);
      width += (f.layout(run).advanceWidth * size) / f.unitsPerEm;
    } else {
      // No face has it (an emoji): about the width of a wide letter.
      width += [...run].length * size * 0.6;
    }
    run = "";
  };
  for (const ch of text) {
    const face = faceOf(ch.codePointAt(0) ?? 0);
    if (face !== runFace) {
      flush();
      runFace = face;
    }
    run += ch;
  }
  flush();
  return { width };
}
