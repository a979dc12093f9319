"use client";

import { Pager } from "@/components/lists/pager";
import { useLiveList } from "@/components/lists/use-live-list";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { EmptyState } from "@/components/ui/empty-state";
import { traceKeys } from "@/lib/query-keys";
import type { Page } from "@/lib/schemas/list";
import type { TraceSummary } from "@/lib/server/dal/traces";
import { listTracesAction } from "@/app/(console)/traces/actions";
import { TRACE_PAGE_FILTER_KEYS, TRACE_PAGE_KEYS, traceApiQuery } from "./trace-query";
import { TraceTable } from "./trace-table";

/** The trace list, kept fresh by polling with the filters from the URL. */
export function TraceList({ initial }: { initial?: Page<TraceSummary> }) {
  const { query, update } = useUrlQuery(TRACE_PAGE_KEYS);
  const apiQuery = traceApiQuery(query);
  const { data, error, isFetching } = useLiveList(traceKeys.list(apiQuery), () => listTracesAction(apiQuery), initial);
  const filtered = TRACE_PAGE_FILTER_KEYS.some((k) => k !== "cursor" && query[k]);
  return (
    <>
      {error ? <p role="alert" className="mb-3 text-sm text-red-600 dark:text-red-400">{error.message}</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState title={filtered ? "No traces match these filters" : "No traces in this time range"}>
          {filtered
            ? "Clear a filter or widen the time range."
            : "Pools with a listen port record a share of their requests (STRATUS_TRACE_SAMPLE_RATE, failures always); services can send OTLP to /v1/traces."}
        </EmptyState>
      ) : data ? (
        <div aria-busy={isFetching}>
          <TraceTable traces={data.items} />
        </div>
      ) : null}
      {data ? <Pager cursor={query.cursor} nextCursor={data.nextCursor} count={data.items.length} onPage={(cursor) => update({ cursor })} /> : null}
    </>
  );
}
