import { parseSpan } from "@/lib/telemetry/query-time";

/**
 * The time range and refresh every chart page shares, as the URL holds it: `range=15m` (a preset ending now) or
 * `from`/`to` (a fixed window, ISO or epoch ms), and `refresh=15s`. Pure: the clock is a parameter.
 */

export const RANGES = {
  "5m": { label: "5 min", ms: 5 * 60_000 },
  "15m": { label: "15 min", ms: 15 * 60_000 },
  "1h": { label: "1 hour", ms: 3_600_000 },
  "6h": { label: "6 hours", ms: 6 * 3_600_000 },
  "24h": { label: "24 hours", ms: 86_400_000 },
  "7d": { label: "7 days", ms: 7 * 86_400_000 },
} as const;
export type RangeKey = keyof typeof RANGES;
export const DEFAULT_RANGE: RangeKey = "15m";

export const REFRESH = { off: { label: "Off", ms: 0 }, "5s": { label: "5 s", ms: 5_000 }, "15s": { label: "15 s", ms: 15_000 }, "30s": { label: "30 s", ms: 30_000 } } as const;
export type RefreshKey = keyof typeof REFRESH;
export const DEFAULT_REFRESH: RefreshKey = "15s";

/** The URL keys the control owns. */
export const TIME_KEYS = ["range", "from", "to", "refresh"] as const;
export type TimeKey = (typeof TIME_KEYS)[number];
export type TimeQuery = Partial<Record<TimeKey, string | undefined>>;

/** A page's URL filter keys less the time keys, which the range control reads and writes. */
export const withoutTimeKeys = <K extends string>(keys: readonly K[]) => keys.filter((k): k is Exclude<K, TimeKey> => !(TIME_KEYS as readonly string[]).includes(k));

export type TimeRange = { kind: "preset"; range: RangeKey; refresh: RefreshKey } | { kind: "custom"; from: number; to: number; refresh: "off" };

export const isRangeKey = (v: string | undefined): v is RangeKey => v !== undefined && Object.hasOwn(RANGES, v);
const isRefreshKey = (v: string | undefined): v is RefreshKey => v !== undefined && Object.hasOwn(REFRESH, v);

/** Epoch ms from `1764000000000` or an ISO date-time; null when it is neither. */
export function parseInstant(v: string | undefined): number | null {
  if (!v) return null;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(n) ? n : null;
}

/** The shortest preset covering a span, so a link asking for `from=30m` shows at least that much (7 days at most). */
export function presetCovering(spanMs: number): RangeKey {
  return (Object.keys(RANGES) as RangeKey[]).find((k) => RANGES[k].ms >= spanMs) ?? "7d";
}

/**
 * The URL's time range. A valid `from` < `to` pair wins (a fixed window does not move, so it never refreshes);
 * otherwise the preset: `range`, else a `from` span back from now (`from=1h`, as links to the logs and traces pages
 * say it), else `fallback` (the page's default).
 */
export function parseTimeRange(q: TimeQuery, fallback: RangeKey = DEFAULT_RANGE): TimeRange {
  const from = parseInstant(q.from);
  const to = parseInstant(q.to);
  if (from !== null && to !== null && from < to) return { kind: "custom", from, to, refresh: "off" };
  const span = parseSpan(q.from);
  return {
    kind: "preset",
    range: isRangeKey(q.range) ? q.range : span !== null ? presetCovering(span) : fallback,
    refresh: isRefreshKey(q.refresh) ? q.refresh : DEFAULT_REFRESH,
  };
}

/** Steps (seconds) a query may use: the worker records every 10 s, so nothing finer; whole minutes read rollups. */
const STEPS = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
/** About this many points per series at most: enough to read, few enough to draw and poll cheaply. */
export const MAX_POINTS = 120;

/** The smallest step that keeps a span of `spanMs` at or under MAX_POINTS points. */
export function stepFor(spanMs: number): number {
  return STEPS.find((s) => spanMs / (s * 1000) <= MAX_POINTS) ?? STEPS.at(-1)!;
}

export interface QueryWindow {
  from: number;
  to: number;
  /** Seconds. */
  step: number;
}

/**
 * The window to query at `now`. A preset's start is aligned to its step, so successive polls land on the same step
 * boundaries (points do not wobble) and whole-minute steps can be served from the one-minute rollups.
 */
export function windowFor(range: TimeRange, now: number): QueryWindow {
  if (range.kind === "custom") return { from: range.from, to: range.to, step: stepFor(range.to - range.from) };
  const { ms } = RANGES[range.range];
  const step = stepFor(ms);
  const stepMs = step * 1000;
  return { from: Math.floor((now - ms) / stepMs) * stepMs, to: now, step };
}

/** What the range is called in chart titles and accessible names: "the last 15 min", or the fixed window. */
export function describeRange(range: TimeRange, format: (ms: number) => string): string {
  return range.kind === "custom" ? `${format(range.from)} to ${format(range.to)}` : `the last ${RANGES[range.range].label}`;
}

/**
 * The range as the logs and traces APIs' `from`/`to`: a preset as a span back from now (resolved on each request, so
 * polls move with the clock), a fixed window as ISO instants. `to` is always present, so spreading this over a query
 * replaces whatever time it held.
 */
export function apiTimeParams(range: TimeRange): { from: string; to: string | undefined } {
  if (range.kind === "custom") return { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() };
  return { from: range.range, to: undefined };
}

/** A stable identity for query keys: the preset (whose window moves with each poll) or the fixed window. */
export function rangeKey(range: TimeRange): string {
  return range.kind === "custom" ? `${range.from}-${range.to}` : range.range;
}

/** The refresh interval for react-query: false when off (and always for a fixed window). */
export function refetchIntervalOf(range: TimeRange): number | false {
  const ms = REFRESH[range.refresh].ms;
  return ms > 0 ? ms : false;
}

/** `<input type="datetime-local">` value for epoch ms in the browser's zone (offsetMinutes = getTimezoneOffset()). */
export function toLocalInput(ms: number, offsetMinutes: number): string {
  return new Date(ms - offsetMinutes * 60_000).toISOString().slice(0, 16);
}
