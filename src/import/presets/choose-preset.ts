import { CrmKpiError } from "../../core/errors.js";
import { detectPreset } from "./detect-preset.js";
import { listPresets, PRESETS_DIR, presetDisplayPath, presetFile } from "./preset-files.js";

/** The preset an import used, for its summary (CLI) and result (API). */
export interface PresetUsed {
  readonly name: string;
  /** Absolute path of the preset's mapping file. */
  readonly file: string;
  /** As users see it: `presets/hubspot.yaml`. */
  readonly shownFile: string;
  /** Recognized from the folder's headers rather than named with `--preset`. */
  readonly detected: boolean;
}

/** The preset named with `preset`; an error when a mapping file is given too. */
export async function namedPreset(options: {
  readonly preset?: string | undefined;
  readonly mappingFile?: string | undefined;
}): Promise<PresetUsed | undefined> {
  if (options.preset === undefined) return undefined;
  if (options.mappingFile !== undefined) {
    throw new CrmKpiError("bad_argument", "--preset and --mapping exclude each other; pass one of them", {
      messageKey: "presets.error.presetAndMapping",
    });
  }
  const file = await presetFile(options.preset);
  return { name: options.preset, file, shownFile: presetDisplayPath(options.preset), detected: false };
}

/** The shipped preset that recognizes the folder's files, if one does (detect-preset.ts). */
export async function detectedPreset(dir: string, presetsDir = PRESETS_DIR): Promise<PresetUsed | undefined> {
  const found = await detectPreset(dir, presetsDir);
  return found && { name: found.name, file: found.file, shownFile: found.shownFile, detected: true };
}

/** The error for a folder with neither canonical files nor a recognized export. */
export async function noDataFiles(dir: string): Promise<CrmKpiError> {
  const presets = (await listPresets()).join(", ");
  return new CrmKpiError(
    "import_no_files",
    `no data files in ${dir}, and no preset recognizes the files there`,
    { messageKey: "presets.error.noFiles", presets, dir },
    { file: dir },
  );
}
