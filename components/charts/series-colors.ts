/**
 * Line colours that stay with their series: a series' colour comes from a hash of its name, so it keeps it across
 * polls, ranges and pages even when other series come and go; collisions move to the next free colour. Mid-tone
 * shades (Tailwind 500s) read on both the light and the dark background.
 */
export const PALETTE = [
  "#0ea5e9", // sky
  "#f43f5e", // rose
  "#10b981", // emerald
  "#8b5cf6", // violet
  "#f59e0b", // amber
  "#06b6d4", // cyan
  "#ec4899", // pink
  "#84cc16", // lime
  "#6366f1", // indigo
  "#f97316", // orange
  "#14b8a6", // teal
  "#d946ef", // fuchsia
] as const;

/** FNV-1a: a small, well-spread string hash. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A colour per key, distinct while there are no more keys than colours (keys are placed in sorted order). */
export function seriesColors(keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<number>();
  for (const key of [...keys].sort()) {
    let i = hash(key) % PALETTE.length;
    for (let tries = 0; used.has(i) && tries < PALETTE.length; tries++) i = (i + 1) % PALETTE.length;
    if (used.size < PALETTE.length) used.add(i);
    out[key] = PALETTE[i]!;
  }
  return out;
}
