import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFreshdeskExport } from "./generate-freshdesk-export.js";
import { generateHubSpotExport } from "./generate-hubspot-export.js";
import { generateMailchimpExport } from "./generate-mailchimp-export.js";
import { generatePipedriveExport } from "./generate-pipedrive-export.js";
import { generateSalesforceExport } from "./generate-salesforce-export.js";
import { generateStripeExport } from "./generate-stripe-export.js";
import { generateZendeskExport } from "./generate-zendesk-export.js";
import { removeDir, tempDir } from "./preset-import.js";

const GENERATORS: Readonly<Record<string, (dir: string) => Promise<unknown>>> = {
  hubspot: generateHubSpotExport,
  salesforce: generateSalesforceExport,
  pipedrive: generatePipedriveExport,
  stripe: generateStripeExport,
  zendesk: generateZendeskExport,
  freshdesk: generateFreshdeskExport,
  mailchimp: generateMailchimpExport,
};

/** Every file under `dir`: relative path → SHA-256 of its bytes. */
async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const full = path.join(dir, name);
    try {
      out[name] = createHash("sha256")
        .update(await readFile(full))
        .digest("hex");
    } catch {
      // a folder
    }
  }
  return out;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

describe("vendor export generators", () => {
  for (const [vendor, generate] of Object.entries(GENERATORS)) {
    it(`${vendor}: the same seed writes the same bytes`, async () => {
      const a = await tempDir(`${vendor}-a`);
      const b = await tempDir(`${vendor}-b`);
      dirs.push(a, b);
      const [ea, eb] = [await generate(a), await generate(b)];
      expect(eb).toEqual(ea);
      const [fa, fb] = [await files(a), await files(b)];
      expect(Object.keys(fa).length).toBeGreaterThan(0);
      expect(fb).toEqual(fa);
    });
  }

  it("writes the byte-level habits the presets must read", async () => {
    const dir = await tempDir("habits");
    dirs.push(dir);
    await generateHubSpotExport(dir);
    const deals = await readFile(path.join(dir, "hubspot-crm-exports-all-deals-2024-01-05.csv"));
    expect([...deals.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM
    expect(deals.toString("utf8")).toContain("\r\n");
    expect(deals.toString("utf8")).toContain(" (Deactivated User)");
    const sf = await tempDir("habits-sf");
    dirs.push(sf);
    await generateSalesforceExport(sf);
    const account = await readFile(path.join(sf, "Account.csv"));
    expect(account.includes(Buffer.from([0x92]))).toBe(true); // ’ in Windows-1252
    expect(account.toString("latin1")).toMatch(/^"Id","IsDeleted",/);
    expect(account.toString("latin1")).toContain('"000000000000000AAA"');
  });
});
