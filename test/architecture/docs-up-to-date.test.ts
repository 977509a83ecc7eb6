import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERATED_DOCS } from "../../scripts/generate-docs.js";

describe("generated docs", () => {
  for (const doc of GENERATED_DOCS) {
    it(`docs/${basename(doc.path)} matches the code (run \`npm run docs\` after a change)`, () => {
      expect(readFileSync(doc.path, "utf8")).toBe(doc.render());
    });
  }
});
