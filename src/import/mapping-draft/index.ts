import { draftSources } from "./draft-mapping.js";
import { sampleFolder } from "./read-samples.js";
import { type DraftSummary, renderDraft, type Say } from "./render-draft.js";

export type { DraftSource, SampledFile } from "./draft-mapping.js";
export { draftSources } from "./draft-mapping.js";
export { normalizeHeader } from "./normalize-header.js";
export type { DraftSummary, Say } from "./render-draft.js";
export { renderDraft } from "./render-draft.js";

/** Rows per file read to guess value shapes, unless the caller says otherwise. */
export const DEFAULT_SAMPLE_ROWS = 200;

/**
 * A draft mapping file for the data files of `dir` (docs/mapping.md,
 * Drafting a mapping): YAML text whose comments come from `say`.
 *
 * @example const { text } = await draftMapping("./exports", (key, p) => t("en", key, p))
 */
export async function draftMapping(
  dir: string,
  say: Say,
  sample = DEFAULT_SAMPLE_ROWS,
): Promise<DraftSummary> {
  return renderDraft(draftSources(await sampleFolder(dir, sample)), dir, say);
}
