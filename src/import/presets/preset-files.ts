import { readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { CrmKpiError } from "../../core/errors.js";
import { packagePath } from "../../package-root.js";

/** The presets shipped with the package: `presets/<name>.yaml` at the package root. */
export const PRESETS_DIR = `${packagePath("presets")}${path.sep}`;

/** Names of the presets in `dir` (file names without `.yaml`), sorted. */
export async function listPresets(dir: string = PRESETS_DIR): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return presetNames(names);
}

/** `listPresets` for help texts, which commander builds synchronously. */
export function listPresetsSync(dir: string = PRESETS_DIR): string[] {
  try {
    return presetNames(readdirSync(dir));
  } catch {
    return [];
  }
}

function presetNames(names: readonly string[]): string[] {
  return names
    .filter((name) => /^[a-z0-9][a-z0-9_-]*\.yaml$/.test(name))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

/**
 * The mapping file of preset `name`; a `bad_argument` error listing the
 * presets when there is none by that name.
 *
 * @example await presetFile("hubspot") // ".../presets/hubspot.yaml"
 */
export async function presetFile(name: string, dir: string = PRESETS_DIR): Promise<string> {
  const presets = await listPresets(dir);
  if (!presets.includes(name)) {
    const list = presets.join(", ");
    throw new CrmKpiError("bad_argument", `unknown preset "${name}"; the presets are: ${list}`, {
      messageKey: "presets.error.unknown",
      value: name,
      presets: list,
    });
  }
  return path.join(dir, `${name}.yaml`);
}

/** How a preset file is named to the user: relative to the package root (`presets/hubspot.yaml`). */
export function presetDisplayPath(name: string): string {
  return `presets/${name}.yaml`;
}

const PRODUCTS: Readonly<Record<string, string>> = {
  hubspot: "HubSpot",
  salesforce: "Salesforce",
  pipedrive: "Pipedrive",
  stripe: "Stripe",
  zendesk: "Zendesk",
  freshdesk: "Freshdesk",
  mailchimp: "Mailchimp",
};

/** The product a preset reads, as its vendor spells it (`HubSpot`); the preset's name otherwise. */
export function productName(preset: string): string {
  return PRODUCTS[preset] ?? preset;
}
