import { withoutTimeKeys } from "@/components/charts/time-range";
import type { LogItem } from "@/lib/server/dal/logs";
import { LOG_FILTER_KEYS, type LogFilterKey } from "@/lib/schemas/logs";

/** Filters as the logs API takes them. */
export type LogFilters = Partial<Record<LogFilterKey, string>>;

/** The viewer's filters in its URL; its time range (`range`, or `from`/`to`) belongs to the shared range control. */
export const LOG_PAGE_FILTER_KEYS = withoutTimeKeys(LOG_FILTER_KEYS);
export type LogPageFilterKey = (typeof LOG_PAGE_FILTER_KEYS)[number];

/** The filters that are set, as API query parameters (blank ones dropped). */
export function apiQuery(filters: LogFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of LOG_FILTER_KEYS) {
    const v = filters[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}

/** The download link for what the page shows (same filters; a file is bounded server-side). */
export const downloadHref = (filters: LogFilters) => `/api/v1/logs/download?${new URLSearchParams(apiQuery(filters))}`;

/** The /logs link for a filter, e.g. from a pod page's recent logs; a `from` span reads as the page's range. */
export const logsHref = (filters: LogFilters) => {
  const search = new URLSearchParams(apiQuery(filters)).toString();
  return search ? `/logs?${search}` : "/logs";
};

/**
 * Live follow: records that arrived (answers come newest first) appended to what is shown (oldest first), without
 * repeats, keeping the newest `max` so a long follow has bounded memory.
 */
export function appendLive(shown: readonly LogItem[], arrivedNewestFirst: readonly LogItem[], max: number): LogItem[] {
  if (arrivedNewestFirst.length === 0) return shown as LogItem[];
  const seen = new Set(shown.map((r) => r.id));
  const fresh = [...arrivedNewestFirst].reverse().filter((r) => !seen.has(r.id));
  const all = [...shown, ...fresh];
  return all.length > max ? all.slice(all.length - max) : all;
}

/** Pages (each newest first, later pages older) → one list, oldest first, as a terminal shows it. */
export function chronological(pages: ReadonlyArray<{ items: readonly LogItem[] }>): LogItem[] {
  const out: LogItem[] = [];
  for (let p = pages.length - 1; p >= 0; p--) for (let i = pages[p]!.items.length - 1; i >= 0; i--) out.push(pages[p]!.items[i]!);
  return out;
}

/** `12:04:05.123` in the viewer's time zone, and the full ISO time for a tooltip. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
