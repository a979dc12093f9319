/** How far back the autoscaler page charts and lists decisions. */
export const DECISION_WINDOW_MS = 15 * 60_000;
/** One page of decisions: 15 min at one decision every 5 s is 180, so one read covers the window. */
export const DECISIONS_LIMIT = 500;

interface Stamped {
  id: string;
  at: string;
}

/** Decision ids are a database sequence, sent as strings: compare them as numbers of any size. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The live window after a poll: the decisions already held plus the newly fetched ones (a poll asks for those at or
 * after the newest held, so it repeats that one), each once, newest first, trimmed to `windowMs` before the newest.
 * The window is measured on the server's timestamps, so a browser clock that is off does not empty it.
 */
export function mergeDecisions<T extends Stamped>(held: readonly T[], fetched: readonly T[], windowMs: number = DECISION_WINDOW_MS): T[] {
  const byId = new Map<string, T>();
  for (const d of held) byId.set(d.id, d);
  for (const d of fetched) byId.set(d.id, d);
  const sorted = [...byId.values()].sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || compareIds(b.id, a.id));
  if (sorted.length === 0) return sorted;
  const cutoff = Date.parse(sorted[0]!.at) - windowMs;
  return sorted.filter((d) => Date.parse(d.at) >= cutoff);
}

/** Where the next poll starts: at the newest decision held, or a window back from `now` when none is. */
export function nextFrom(held: readonly Stamped[], now: number, windowMs: number = DECISION_WINDOW_MS): string {
  return held.length > 0 ? held[0]!.at : new Date(now - windowMs).toISOString();
}
