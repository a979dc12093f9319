import { createHash } from "node:crypto";

export type Labels = Record<string, string>;

/** Labels sorted by key, so one label set always serialises (and hashes) the same way. */
export function canonicalLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The series identity beside its name: SHA-256 of the canonical labels (short, fixed width, index friendly). */
export function labelsHash(labels: Labels): string {
  return createHash("sha256").update(JSON.stringify(canonicalLabels(labels))).digest("base64url");
}

/**
 * Parse a label filter `k=v,k2="v 2"` into an equality matcher set. Only equality is supported: it maps to JSONB
 * containment (`labels @> {...}`) in SQL, which Postgres answers without scanning every label set.
 */
export function parseLabelFilter(text: string | undefined): Labels | { error: string } {
  const out: Labels = {};
  if (!text?.trim()) return out;
  for (const part of text.split(",")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(?:"([^"]*)"|([^"]*?))\s*$/.exec(part);
    if (!match) return { error: `"${part.trim()}" is not a label matcher like key=value.` };
    out[match[1]!] = match[2] ?? match[3] ?? "";
  }
  return out;
}

/** True when every matcher label is present with the same value (the in-memory twin of `@>`). */
export function matchesLabels(labels: Labels, matcher: Labels): boolean {
  return Object.entries(matcher).every(([k, v]) => labels[k] === v);
}
