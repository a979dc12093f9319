import { apiTimeParams, parseTimeRange, TIME_KEYS, withoutTimeKeys, type RangeKey } from "@/components/charts/time-range";
import { TRACE_FILTER_KEYS } from "@/lib/schemas/traces";

/** Without a range in the URL the list shows the last hour: traces are sampled, so a shorter window is often empty. */
export const TRACES_DEFAULT_RANGE: RangeKey = "1h";

/** The list's filters and page cursor in its URL; its time range belongs to the shared range control. */
export const TRACE_PAGE_FILTER_KEYS = withoutTimeKeys(TRACE_FILTER_KEYS);
/** Everything the traces page keeps in its URL. */
export const TRACE_PAGE_KEYS = [...TRACE_PAGE_FILTER_KEYS, ...TIME_KEYS];
export type TracePageQuery = Partial<Record<(typeof TRACE_PAGE_KEYS)[number], string | undefined>>;

/**
 * The page's URL as a `GET /api/v1/traces` query (the server-rendered first page and the client's polling ask the
 * same): the filters and cursor as they are, the time range as `from`/`to`.
 */
export function traceApiQuery(url: TracePageQuery): Record<string, string | undefined> {
  const filters = Object.fromEntries(TRACE_PAGE_FILTER_KEYS.map((k) => [k, url[k]]));
  return { ...filters, ...apiTimeParams(parseTimeRange(url, TRACES_DEFAULT_RANGE)) };
}
