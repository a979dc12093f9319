"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { listTracesAction } from "@/app/(console)/traces/actions";
import { LIST_REFRESH_MS, traceKeys } from "@/lib/query-keys";
import { TraceTable } from "./trace-table";

export interface RecentTracesFilter {
  poolId?: string;
  podName?: string;
  service?: string;
  status?: "ok" | "error";
  /** How far back, as the list's `from` (e.g. "15m"); default the last hour. */
  from?: string;
}

/**
 * The latest traces matching a filter (a pool, a pod, a service), polling like the lists, with a link to the full
 * list with the same filter. For detail pages and panes.
 */
export function RecentTraces({ filter, limit = 10 }: { filter: RecentTracesFilter; limit?: number }) {
  const query = { ...filter, limit: String(limit) };
  const { data, error } = useQuery({ queryKey: traceKeys.list(query), queryFn: () => listTracesAction(query), refetchInterval: LIST_REFRESH_MS });
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""));
  return (
    <div className="space-y-2">
      {error ? <p role="alert" className="text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? <p className="text-sm text-zinc-500">No traces recorded in this window.</p> : null}
      {data && data.items.length > 0 ? <TraceTable traces={data.items} label="Recent traces" compact /> : null}
      <Link href={`/traces?${params.toString()}`} className="inline-block text-xs text-sky-700 hover:underline dark:text-sky-400">
        {filter.poolId ? "All traces through this pool" : filter.podName ? "All traces of this pod" : filter.service ? `All traces of ${filter.service}` : "All traces"} →
      </Link>
    </div>
  );
}
