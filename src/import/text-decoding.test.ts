import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CrmKpiError } from "../core/errors.js";
import { checkEncoding, decodedText } from "./text-decoding.js";

function file(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "crm-kpi-decode-"));
  const path = join(dir, "customers.csv");
  writeFileSync(path, bytes);
  return path;
}

async function read(path: string, encoding?: string, highWaterMark?: number): Promise<string> {
  let text = "";
  const options = { ...(encoding ? { encoding } : {}), ...(highWaterMark ? { highWaterMark } : {}) };
  for await (const piece of decodedText(path, "customers.csv", options)) text += piece;
  return text;
}

async function failure(path: string, encoding?: string, highWaterMark?: number): Promise<CrmKpiError> {
  try {
    await read(path, encoding, highWaterMark);
  } catch (error) {
    if (error instanceof CrmKpiError) return error;
    throw error;
  }
  throw new Error("expected a decoding error");
}

// "علي محمد" in Windows-1256, byte by byte.
const ALI_MOHAMMAD_1256 = [0xda, 0xe1, 0xed, 0x20, 0xe3, 0xcd, 0xe3, 0xcf];

describe("decodedText", () => {
  it("refuses Windows-1256 bytes read as UTF-8, naming the file and line", async () => {
    const path = file(
      Buffer.from([...Buffer.from("customer_id,name\nC1,ok\nC2,"), ...ALI_MOHAMMAD_1256, 0x0a]),
    );
    const error = await failure(path);
    expect(error.code).toBe("import_bad_file");
    expect(error.place).toEqual({ file: "customers.csv", line: 3 });
    expect(error.params.messageKey).toBe("importer.error.badEncoding");
  });

  it("finds the bad line however the file is cut into chunks", async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `C${i},نام ${i}\n`).join("");
    const bytes = Buffer.concat([Buffer.from(lines), Buffer.from([0x43, 0x2c, 0xff, 0x0a])]);
    for (const size of [1, 2, 3, 7, 64])
      expect((await failure(file(bytes), undefined, size)).place?.line).toBe(51);
  });

  it("transcodes Windows-1256 when told", async () => {
    const path = file(Buffer.from([...Buffer.from("C1,"), ...ALI_MOHAMMAD_1256, 0x0a]));
    expect(await read(path, "windows-1256", 3)).toBe("C1,علي محمد\n");
  });

  it("reads Windows-1252's own letters in 0x80–0x9F (Node 20 alone reads them as controls)", async () => {
    // O’Brien – €5: 0x92 is ’, 0x96 is –, 0x80 is €; 0x81 has no letter and stays U+0081.
    const bytes = [0x4f, 0x92, 0x42, 0x20, 0x96, 0x20, 0x80, 0x35, 0x81, 0x0a];
    expect(await read(file(Buffer.from(bytes)), "windows-1252", 3)).toBe("O’B – €5\u0081\n");
    expect(await read(file(Buffer.from(bytes)), "latin1", 3)).toBe("O’B – €5\u0081\n");
  });

  it("reads UTF-16 with a byte order mark whatever the encoding option", async () => {
    const text = "customer_id,name\nC1,شیرین\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    expect(await read(file(le))).toBe(text);
    expect(await read(file(le), "windows-1252", 5)).toBe(text);
    const be = Buffer.from(le);
    be.swap16();
    expect(await read(file(be), undefined, 3)).toBe(text);
  });

  it("drops a UTF-8 BOM and keeps multi-byte characters split across chunks", async () => {
    const text = "a,ب,汉字\n😀,c";
    expect(await read(file(Buffer.from(`\uFEFF${text}`)), undefined, 1)).toBe(text);
  });

  it("names the encoding, and refuses an unknown one", () => {
    expect(checkEncoding("latin1")).toBe("windows-1252");
    expect(() => checkEncoding("klingon")).toThrow(CrmKpiError);
  });
});
