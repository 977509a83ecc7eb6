import type { Context } from "hono";
import type { AppEnv, ServerLimits } from "../app-types.js";
import { extractZip, printable, type UploadedFile } from "./extract-zip.js";
import { safeBaseName } from "./safe-file-name.js";
import { uploadRefused } from "./upload-error.js";

export type { UploadedFile } from "./extract-zip.js";

/** What an import upload carries, names already made safe. */
export interface Upload {
  readonly files: UploadedFile[];
  /** The mapping file, when the form has one (`mapping`). */
  readonly mapping?: UploadedFile;
  readonly skipInvalid: boolean;
}

/** Room for multipart boundaries and part headers above the upload limit. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Reads a multipart form (`files` repeated, or one `.zip`; optional
 * `mapping` file and `skipInvalid`), counting bytes as they arrive: the
 * declared Content-Length is checked by the body-limit middleware, this
 * enforces `uploadBytes` on what is actually read.
 */
export async function readUpload(c: Context<AppEnv>, limits: ServerLimits): Promise<Upload> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw uploadRefused("not_multipart");
  const body = await readLimited(c.req.raw, limits.uploadBytes + MULTIPART_OVERHEAD_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw uploadRefused("not_multipart");
  }
  const files: UploadedFile[] = [];
  let bytes = 0;
  for (const [field, value] of form.entries()) {
    if (field === "mapping" || typeof value === "string") continue;
    bytes += value.size;
    if (bytes > limits.uploadBytes) throw uploadRefused("too_large", { limit: limits.uploadBytes });
    const data = new Uint8Array(await value.arrayBuffer());
    if (value.name.toLowerCase().endsWith(".zip")) files.push(...extractZip(data, limits));
    else files.push({ name: checkedName(value.name), data });
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.name)) throw uploadRefused("duplicate_name", { name: file.name });
    seen.add(file.name);
  }
  if (files.length === 0) throw uploadRefused("no_files");
  const mappingPart = form.get("mapping");
  const mapping =
    mappingPart !== null && typeof mappingPart !== "string"
      ? { name: checkedName(mappingPart.name), data: new Uint8Array(await mappingPart.arrayBuffer()) }
      : undefined;
  const skip = form.get("skipInvalid");
  return {
    files,
    ...(mapping ? { mapping } : {}),
    skipInvalid: typeof skip === "string" && ["true", "1", "on", "yes"].includes(skip.toLowerCase()),
  };
}

function checkedName(name: string): string {
  const base = safeBaseName(name);
  if (base === undefined) throw uploadRefused("bad_extension", { name: printable(name) });
  return base;
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw uploadRefused("too_large", { limit });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
