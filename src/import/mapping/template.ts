/**
 * Templates build ids and text from other columns: `"{opportunity_id}-{product}"`,
 * `"{account|slug}"`, `"{$prefix}{id}"`. `{{` and `}}` write a literal brace.
 *
 * @example compileTemplate("{a}-{b|slug}").render(scope) // "7-acme-corp"
 */

export const TEMPLATE_FILTERS = ["slug", "lower", "upper", "trim"] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

type Part =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "column" | "var"; readonly name: string; readonly filters: readonly TemplateFilter[] };

export interface Template {
  readonly columns: readonly string[];
  readonly variables: readonly string[];
  render(scope: {
    column(name: string): string | undefined;
    variable(name: string): string | undefined;
  }): string;
}

/** Compiles a template; throws Error naming the problem when it is malformed. */
export function compileTemplate(text: string): Template {
  const parts: Part[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if ((ch === "{" || ch === "}") && text[i + 1] === ch) {
      literal += ch;
      i += 2;
      continue;
    }
    if (ch === "}") throw new Error(`stray "}" in template "${text}"; write "}}" for a brace`);
    if (ch !== "{") {
      literal += ch;
      i++;
      continue;
    }
    const end = text.indexOf("}", i);
    if (end < 0) throw new Error(`unclosed "{" in template "${text}"`);
    const [rawName = "", ...rawFilters] = text.slice(i + 1, end).split("|");
    const name = rawName.trim();
    if (name === "" || name === "$") throw new Error(`empty placeholder in template "${text}"`);
    const filters = rawFilters.map((f) => {
      const filter = f.trim() as TemplateFilter;
      if (!TEMPLATE_FILTERS.includes(filter)) {
        throw new Error(
          `unknown filter "${f.trim()}" in template "${text}"; known: ${TEMPLATE_FILTERS.join(", ")}`,
        );
      }
      return filter;
    });
    if (literal) parts.push({ kind: "text", text: literal });
    literal = "";
    parts.push(
      name.startsWith("$")
        ? { kind: "var", name: name.slice(1), filters }
        : { kind: "column", name, filters },
    );
    i = end + 1;
  }
  if (literal) parts.push({ kind: "text", text: literal });

  return {
    columns: parts.flatMap((p) => (p.kind === "column" ? [p.name] : [])),
    variables: parts.flatMap((p) => (p.kind === "var" ? [p.name] : [])),
    render(scope) {
      let out = "";
      for (const part of parts) {
        if (part.kind === "text") {
          out += part.text;
          continue;
        }
        const value = (part.kind === "column" ? scope.column(part.name) : scope.variable(part.name)) ?? "";
        // A placeholder that reads an empty cell empties the whole result: "{a}-{b}" with no b is no id.
        if (value.trim() === "") return "";
        out += part.filters.reduce(applyFilter, value.trim());
      }
      return out;
    },
  };
}

export function applyFilter(value: string, filter: TemplateFilter): string {
  switch (filter) {
    case "lower":
      return value.toLowerCase();
    case "upper":
      return value.toUpperCase();
    case "trim":
      return value.trim();
    case "slug":
      return slugify(value);
  }
}

/** `"Acme Corp. (EU)"` → `"acme-corp-eu"`; letters of any script are kept. */
export function slugify(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
