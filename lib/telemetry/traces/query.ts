const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** How far back the trace list looks without a `from`: like Jaeger's default, the last hour. */
export const DEFAULT_TRACE_WINDOW_MS = 3_600_000;

/** A query time (ISO 8601, epoch ms, or a span back from `now` such as `15m`, `6h`, `2d`) → epoch ms; NaN if none. */
export function resolveTraceTime(text: string, now: number): number {
  const span = /^(\d{1,6})([smhd])$/.exec(text);
  if (span) return now - Number(span[1]) * UNIT_MS[span[2] as keyof typeof UNIT_MS];
  if (/^\d{1,15}$/.test(text)) return Number(text);
  return Date.parse(text);
}

/** Keyset cursor for newest-first trace pages: the last trace's start (µs) and id, which break ties. */
export const encodeTraceCursor = (startUs: number, traceId: string) => `${startUs}-${traceId}`;
export const TRACE_CURSOR = /^(\d{1,17})-([0-9a-f]{32})$/;
export function decodeTraceCursor(cursor: string): { startUs: number; traceId: string } | null {
  const m = TRACE_CURSOR.exec(cursor);
  return m ? { startUs: Number(m[1]), traceId: m[2]! } : null;
}
