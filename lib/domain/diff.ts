/** The fields that changed between two plain objects, for audit rows: `{ field: { before, after } }`. */
export type Diff = Record<string, { before: unknown; after: unknown }>;

const IGNORED = new Set(["version", "updatedAt", "createdAt"]);

export function diffObjects(beforeObject: object | null, afterObject: object | null): Diff {
  const before = beforeObject as Record<string, unknown> | null;
  const after = afterObject as Record<string, unknown> | null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: Diff = {};
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const a = before?.[key];
    const b = after?.[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) diff[key] = { before: a ?? null, after: b ?? null };
  }
  return diff;
}
