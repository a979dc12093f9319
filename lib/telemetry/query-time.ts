const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A span back from now as the logs and traces APIs take it (`15m`, `6h`, `2d`), in ms; null when it is not one. */
export function parseSpan(text: string | undefined): number | null {
  const span = text === undefined ? null : /^(\d{1,6})([smhd])$/.exec(text);
  return span ? Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS] : null;
}

/**
 * A query time as the logs and traces APIs take it — ISO 8601, epoch ms, or a span back from `now` such as `15m`,
 * `6h`, `2d` — to epoch ms; NaN if it is none of those.
 */
export function resolveQueryTime(text: string, now: number): number {
  const span = parseSpan(text);
  if (span !== null) return now - span;
  if (/^\d{1,15}$/.test(text)) return Number(text);
  return Date.parse(text);
}
