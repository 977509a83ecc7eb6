import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import { loadMapping } from "../mapping/load-mapping.js";
import { resolveSourceFiles } from "../mapping/source-files.js";
import { listPresets, PRESETS_DIR, presetDisplayPath } from "./preset-files.js";

/** How well one preset fits a folder. */
export interface PresetScore {
  readonly name: string;
  /** Files of the folder some source of the preset reads by its `match_columns`. */
  readonly files: readonly string[];
  /** Sum, over those files, of the most header names a source required of it: more is more specific. */
  readonly columns: number;
}

export interface DetectedPreset {
  readonly name: string;
  /** The preset's mapping file. */
  readonly file: string;
  /** As shown to users: `presets/hubspot.yaml`. */
  readonly shownFile: string;
  readonly scores: readonly PresetScore[];
}

/**
 * Scores every preset of `presetsDir` on the folder: a source counts when a
 * file matches its `from` glob and has all its `match_columns` (the same
 * resolution an import uses, source-files.ts). Sources without
 * `match_columns` prove nothing about the export and are not scored.
 */
export async function scorePresets(
  dataDir: string,
  presetsDir: string = PRESETS_DIR,
): Promise<PresetScore[]> {
  const scores: PresetScore[] = [];
  for (const name of await listPresets(presetsDir)) {
    const mapping = await loadMapping(path.join(presetsDir, `${name}.yaml`));
    const perFile = new Map<string, number>();
    for (const source of mapping.sources) {
      if (!source.matchColumns) continue;
      const found = await resolveSourceFiles(dataDir, {
        from: source.from,
        type: source.type,
        delimiter: source.delimiter,
        encoding: source.encoding,
        matchColumns: source.matchColumns,
      });
      for (const { file } of found.files) {
        perFile.set(file.name, Math.max(perFile.get(file.name) ?? 0, source.matchColumns.length));
      }
    }
    if (perFile.size === 0) continue;
    const files = [...perFile.keys()].sort();
    scores.push({ name, files, columns: [...perFile.values()].reduce((a, b) => a + b, 0) });
  }
  // Most files recognized first, then most specific; name order keeps ties deterministic.
  return scores.sort(
    (a, b) => b.files.length - a.files.length || b.columns - a.columns || cmp(a.name, b.name),
  );
}

/**
 * The preset whose sources recognize the folder's files best, or undefined
 * when none recognizes any file. Two presets that recognize the same number
 * of files with equally specific headers are ambiguous: a `bad_argument`
 * error naming them, so the user chooses with `--preset`.
 *
 * @example await detectPreset("./exports") // { name: "hubspot", ... }
 */
export async function detectPreset(
  dataDir: string,
  presetsDir: string = PRESETS_DIR,
): Promise<DetectedPreset | undefined> {
  const scores = await scorePresets(dataDir, presetsDir);
  const [best, second] = scores;
  if (!best) return undefined;
  if (second && second.files.length === best.files.length && second.columns === best.columns) {
    const tied = scores
      .filter((s) => s.files.length === best.files.length && s.columns === best.columns)
      .map((s) => s.name)
      .join(", ");
    throw new CrmKpiError(
      "bad_argument",
      `the files in ${dataDir} look like exports of several products (${tied}); pass --preset to choose one`,
      { messageKey: "presets.error.ambiguous", presets: tied },
      { file: dataDir },
    );
  }
  return {
    name: best.name,
    file: path.join(presetsDir, `${best.name}.yaml`),
    shownFile: presetDisplayPath(best.name),
    scores,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
