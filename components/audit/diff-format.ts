import type { Diff } from "@/lib/domain/diff";

export interface DiffLine {
  field: string;
  before: string | null;
  after: string | null;
  kind: "added" | "removed" | "changed";
}

const MAX = 80;

/** One value as short readable text: strings bare, objects as compact JSON, long ones cut with an ellipsis. */
export function formatValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

/**
 * An audit diff as before → after lines, one per changed field, in field order. Nested objects that changed are
 * opened one level (`spec.cpu: 2 → 4`), so a one-field spec change reads as that field, not as two JSON blobs.
 */
export function diffLines(diff: Diff): DiffLine[] {
  const lines: Array<DiffLine | null> = [];
  for (const field of Object.keys(diff).sort()) {
    const { before, after } = diff[field]!;
    if (isRecord(before) && isRecord(after)) {
      for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
        if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) lines.push(line(`${field}.${key}`, before[key], after[key]));
      }
    } else {
      lines.push(line(field, before, after));
    }
  }
  return lines.filter((l): l is DiffLine => l !== null);
}

function line(field: string, before: unknown, after: unknown): DiffLine | null {
  const b = formatValue(before);
  const a = formatValue(after);
  if (b === null && a === null) return null; // e.g. a field created empty: nothing to show
  return { field, before: b, after: a, kind: b === null ? "added" : a === null ? "removed" : "changed" };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
