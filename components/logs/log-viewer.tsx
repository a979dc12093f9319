"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ArrowDownToLine, Download, Pause, Play, RefreshCw } from "lucide-react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatInstant } from "@/components/charts/time-axis";
import { apiTimeParams, describeRange } from "@/components/charts/time-range";
import { useTimeRange } from "@/components/charts/use-time-range";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Button, buttonClass } from "@/components/ui/button";
import { fetchJson } from "@/lib/fetch-json";
import { logKeys } from "@/lib/query-keys";
import type { LogItem, LogPage } from "@/lib/server/dal/logs";
import { LogFilterBar, type LogSuggestions } from "./log-filters";
import { LogLine } from "./log-line";
import { apiQuery, appendLive, chronological, downloadHref, LOG_PAGE_FILTER_KEYS, type LogFilters } from "./log-view-state";

const KEYS = [...LOG_PAGE_FILTER_KEYS, "follow"] as const;
/** The REST API (the session cookie rides along): its problem details reach the page as they are. */
const LOGS_API = "/api/v1/logs";
const PAGE = 200;
const FOLLOW_MS = 2_000;
const FOLLOW_BATCH = 500;
/** Lines kept from live follow; older ones leave the top of the view. */
const MAX_LIVE = 5_000;

/**
 * The log viewer: filters in the URL, records oldest first (a terminal's order) with older pages loaded on demand
 * at the top, and live follow — polling for what arrived since the newest record seen (`after`), appended at the
 * bottom, the view pinned to the bottom unless the reader scrolled up. Polling stops when follow is turned off,
 * the filters change, or the page goes away.
 */
export function LogViewer({ suggestions }: { suggestions: LogSuggestions }) {
  const { query, update } = useUrlQuery(KEYS);
  const { range } = useTimeRange();
  const filters: LogFilters = useMemo(() => Object.fromEntries(LOG_PAGE_FILTER_KEYS.map((k) => [k, query[k]])), [query]);
  // What the API is asked (and the download holds): the filters, and the range as from/to.
  const apiFilters: LogFilters = useMemo(() => ({ ...filters, ...apiTimeParams(range) }), [filters, range]);
  const params = useMemo(() => apiQuery(apiFilters), [apiFilters]);
  const paramsKey = JSON.stringify(params);
  const following = query.follow === "1";

  const base = useInfiniteQuery({
    queryKey: logKeys.list(params),
    queryFn: ({ pageParam, signal }) => fetchJson<LogPage>(LOGS_API, { ...params, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });

  // Live follow: what arrived after the newest record the first page knew of. The lines belong to that first page
  // (new filters or a refresh start over, since the new first page already holds them).
  const firstPage = base.data?.pages[0];
  const anchor = `${paramsKey}|${firstPage?.lastId ?? ""}`;
  const [live, setLive] = useState<{ anchor: string; items: LogItem[] }>({ anchor, items: [] });
  const [followError, setFollowError] = useState<string | null>(null);
  const liveItems = useMemo(() => (live.anchor === anchor ? live.items : []), [live, anchor]);
  useEffect(() => {
    if (!following || !firstPage) return;
    const anchor = `${paramsKey}|${firstPage.lastId}`;
    let after = firstPage.lastId;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    // Following is "what arrives from now on": the time range's start does not apply.
    const { from: _from, to: _to, ...followParams } = JSON.parse(paramsKey) as Record<string, string>;
    const poll = async () => {
      let full = false;
      if (!document.hidden) {
        try {
          const page = await fetchJson<LogPage>(LOGS_API, { ...followParams, after, limit: FOLLOW_BATCH }, controller.signal);
          if (stopped) return;
          after = page.lastId;
          full = page.items.length === FOLLOW_BATCH;
          setLive((prev) => ({ anchor, items: appendLive(prev.anchor === anchor ? prev.items : [], page.items, MAX_LIVE) }));
          setFollowError(null);
        } catch (error) {
          if (stopped) return;
          setFollowError(error instanceof Error ? error.message : String(error));
        }
      }
      if (!stopped) timer = setTimeout(() => void poll(), full ? 0 : FOLLOW_MS);
    };
    timer = setTimeout(() => void poll(), FOLLOW_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort(); // a poll in flight is dropped: following stops cleanly
    };
  }, [following, firstPage, paramsKey]);

  const rows = useMemo(() => [...chronological(base.data?.pages ?? []), ...liveItems], [base.data, liveItems]);
  const last = base.data?.pages.at(-1);

  // Scroll: start at the bottom (the newest); stay there while new lines come, unless the reader scrolled up.
  const scroller = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const keepFromBottom = useRef<number | null>(null);
  const [atBottom, setAtBottom] = useState(true);
  const onScroll = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
    pinned.current = bottom;
    setAtBottom(bottom);
  }, []);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFromBottom.current !== null) {
      el.scrollTop = el.scrollHeight - keepFromBottom.current; // older lines came in above: keep the reader's place
      keepFromBottom.current = null;
    } else if (pinned.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [rows]);
  const jumpToNewest = () => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
    pinned.current = true;
    setAtBottom(true);
  };
  const loadOlder = () => {
    const el = scroller.current;
    if (el) keepFromBottom.current = el.scrollHeight - el.scrollTop;
    void base.fetchNextPage();
  };

  const error = base.error?.message ?? null;
  const searchError = error && /^regex:/.test(error) ? error.replace(/^regex: /, "") : null;
  const onFilter = (key: "workload" | "node" | "service" | "source", value: string) => update({ [key]: value });

  return (
    <div>
      <LogFilterBar filters={filters} update={update} suggestions={suggestions} searchError={searchError} />
      <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
        <Button variant={following ? "primary" : "secondary"} aria-pressed={following} onClick={() => update({ follow: following ? undefined : "1" })}>
          {following ? <Pause className="size-4" aria-hidden /> : <Play className="size-4" aria-hidden />}
          {following ? "Following" : "Follow"}
        </Button>
        <Button variant="secondary" onClick={() => void base.refetch()} disabled={base.isFetching}>
          <RefreshCw className={`size-4 ${base.isFetching ? "animate-spin" : ""}`} aria-hidden />
          Refresh
        </Button>
        <a href={downloadHref(apiFilters)} download className={buttonClass("secondary")}>
          <Download className="size-4" aria-hidden />
          Download
        </a>
        <span className="text-xs text-zinc-500" aria-live="polite">
          {base.data ? `${rows.length} record${rows.length === 1 ? "" : "s"}, oldest first${following ? " · live: new lines appear at the bottom" : ""}` : null}
        </span>
        {following && !atBottom ? (
          <Button variant="ghost" className="ml-auto px-2 py-1 text-xs" onClick={jumpToNewest}>
            <ArrowDownToLine className="size-3.5" aria-hidden />
            Jump to newest
          </Button>
        ) : null}
      </div>
      {error && !searchError ? (
        <p role="alert" className="mb-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {followError ? (
        <p role="alert" className="mb-2 text-sm text-amber-700 dark:text-amber-300">
          Following paused: {followError}
        </p>
      ) : null}
      <div className="rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-950">
        {last?.nextCursor ? (
          <div className="border-b border-zinc-200 px-2 py-1 text-xs dark:border-zinc-800">
            <Button variant="ghost" className="px-2 py-0.5 text-xs" onClick={loadOlder} disabled={base.isFetchingNextPage}>
              {base.isFetchingNextPage ? "Loading…" : last.scanLimited ? "The regex search stopped at its budget: search older records" : "Load older records"}
            </Button>
          </div>
        ) : null}
        <ol ref={scroller} onScroll={onScroll} aria-label="Log records" aria-busy={base.isPending} className={`${rows.length > 0 ? "h-[62vh]" : ""} overflow-auto font-mono text-xs leading-5`}>
          {rows.map((r) => (
            <LogLine key={r.id} record={r} onFilter={onFilter} />
          ))}
        </ol>
        {base.isPending ? <p className="px-3 py-2 text-sm text-zinc-500">Loading…</p> : null}
        {base.data && rows.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-zinc-500">
            No log records match in {describeRange(range, formatInstant)}.{following ? " New ones will appear here as they arrive." : ""}
          </p>
        ) : null}
      </div>
    </div>
  );
}
