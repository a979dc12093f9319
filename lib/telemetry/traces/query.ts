/** How far back the trace list looks without a `from`: like Jaeger's default, the last hour. */
export const DEFAULT_TRACE_WINDOW_MS = 3_600_000;

/** Keyset cursor for newest-first trace pages: the last trace's start (µs) and id, which break ties. */
export const encodeTraceCursor = (startUs: number, traceId: string) => `${startUs}-${traceId}`;
export const TRACE_CURSOR = /^(\d{1,17})-([0-9a-f]{32})$/;
export function decodeTraceCursor(cursor: string): { startUs: number; traceId: string } | null {
  const m = TRACE_CURSOR.exec(cursor);
  return m ? { startUs: Number(m[1]), traceId: m[2]! } : null;
}
