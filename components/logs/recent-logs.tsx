"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLayoutEffect, useRef } from "react";
import { fetchJson } from "@/lib/fetch-json";
import { LIST_REFRESH_MS, logKeys } from "@/lib/query-keys";
import type { LogPage } from "@/lib/server/dal/logs";
import { LogLine } from "./log-line";
import { apiQuery, logsHref, type LogFilters } from "./log-view-state";

export interface RecentLogsFilter {
  pod?: string;
  node?: string;
  workload?: string;
  service?: string;
  traceId?: string;
  /** pod, engine, dataplane, otlp (comma-separated) */
  source?: string;
  /** Minimum level. */
  level?: string;
  /** How far back, as the API's `from` (e.g. "15m"); default the last hour. */
  from?: string;
}

/**
 * The latest log records matching a filter (a pod, a workload, a trace), oldest first like a terminal, polling like
 * the lists, with a link to the full viewer with the same filter. For detail pages and panes.
 */
export function RecentLogs({ filter, limit = 50, label = "Recent logs", compact = false }: { filter: RecentLogsFilter; limit?: number; label?: string; compact?: boolean }) {
  const filters: LogFilters = { from: "1h", ...filter };
  const query = { ...apiQuery(filters), limit: String(limit) };
  const { data, error, isPending } = useQuery({ queryKey: logKeys.list(query), queryFn: ({ signal }) => fetchJson<LogPage>("/api/v1/logs", query, signal), refetchInterval: LIST_REFRESH_MS });
  const lines = data ? [...data.items].reverse() : [];
  // Keep the newest line in view as the list refreshes, unless the reader scrolled up to read.
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  useLayoutEffect(() => {
    if (list.current && pinned.current) list.current.scrollTop = list.current.scrollHeight;
  }, [data]);
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
      {isPending ? <p className="text-sm text-zinc-500">Loading logs…</p> : null}
      {data && lines.length === 0 ? <p className="text-sm text-zinc-500">No log records in this window.</p> : null}
      {lines.length > 0 ? (
        <ol
          ref={list}
          onScroll={(e) => (pinned.current = e.currentTarget.scrollHeight - e.currentTarget.scrollTop - e.currentTarget.clientHeight < 24)}
          aria-label={label}
          className="max-h-80 overflow-auto rounded border border-zinc-200 bg-zinc-50 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
          {lines.map((r) => (
            <LogLine key={r.id} record={r} compact={compact} />
          ))}
        </ol>
      ) : null}
      <Link href={logsHref(filters)} className="inline-block text-xs text-sky-700 hover:underline dark:text-sky-400">
        All logs with this filter →
      </Link>
    </div>
  );
}
