import type { PreparedRecord } from "./compare-fields.js";

/** The blocking rules: records are compared only when they share a key of one of them. */
export const BLOCKING_RULES = ["email", "phone", "name_tokens", "name_prefixes", "company_surname"] as const;

export interface CandidatePairs {
  /** Pair i is (left[i], right[i]) with left < right, indexes into the records. */
  readonly left: Uint32Array;
  readonly right: Uint32Array;
  readonly count: number;
  /** Blocks left out because they were larger than the cap. */
  readonly skippedBlocks: number;
}

const prefix = (token: string) => [...token].slice(0, 3).join("");

/** Every blocking key of a record; a tag per rule keeps keys of different rules apart. */
export function blockingKeys(p: PreparedRecord): string[] {
  const keys: string[] = [];
  const email = p.key[1] as string;
  if (email !== "") keys.push(`e:${email}`);
  for (const phone of p.phones) keys.push(`p:${phone}`);
  const name = p.key[0] as string;
  if (name !== "") {
    const tokens = name.split(" ");
    keys.push(`n:${p.sortedName}`);
    keys.push(`f:${prefix(tokens[0] ?? "")}|${prefix(tokens.at(-1) ?? "")}`);
    const company = p.key[3] as string;
    // A typo in the first name and the surname written in full still meet at their company.
    if (company !== "" && tokens.length > 1) keys.push(`c:${company}|${tokens.at(-1) ?? ""}`);
  }
  return keys;
}

/**
 * The distinct pairs that share a blocking key, never all n² pairs; blocks
 * larger than `maxBlock` are skipped (a key shared by thousands says nothing).
 */
export function candidatePairs(records: readonly PreparedRecord[], maxBlock: number): CandidatePairs {
  const blocks = new Map<string, number[]>();
  records.forEach((p, i) => {
    for (const key of blockingKeys(p)) {
      const members = blocks.get(key);
      if (members === undefined) blocks.set(key, [i]);
      else if (members.at(-1) !== i) members.push(i);
    }
  });
  const n = records.length;
  const seen = new Set<number>();
  let left = new Uint32Array(1024);
  let right = new Uint32Array(1024);
  let count = 0;
  let skippedBlocks = 0;
  for (const members of blocks.values()) {
    if (members.length < 2) continue;
    if (members.length > maxBlock) {
      skippedBlocks++;
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x] as number;
        const b = members[y] as number;
        const id = a * n + b;
        if (seen.has(id)) continue;
        seen.add(id);
        if (count === left.length) {
          const grow = (old: Uint32Array) => {
            const next = new Uint32Array(old.length * 2);
            next.set(old);
            return next;
          };
          left = grow(left);
          right = grow(right);
        }
        left[count] = a;
        right[count] = b;
        count++;
      }
    }
  }
  return { left, right, count, skippedBlocks };
}
