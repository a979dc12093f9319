"use client";

import { FilterChip } from "@/components/lists/filter-chip";
import { useDebouncedParam } from "@/components/lists/use-debounced-param";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { TRACE_STATUSES } from "@/lib/schemas/traces";
import { TRACE_PAGE_FILTER_KEYS } from "./trace-query";

/**
 * Service, duration, status (and a pool or pod, when picked elsewhere): all in the URL. The time range is the page's
 * shared range control, so clearing the filters keeps it.
 */
export function TraceFilters({ services, poolName }: { services: string[]; poolName: string | null }) {
  const { query, update } = useUrlQuery(TRACE_PAGE_FILTER_KEYS);
  const [service, setService] = useDebouncedParam(query.service, (v) => update({ service: v }));
  const [minMs, setMinMs] = useDebouncedParam(query.minDurationMs, (v) => update({ minDurationMs: v }));
  const [maxMs, setMaxMs] = useDebouncedParam(query.maxDurationMs, (v) => update({ maxDurationMs: v }));
  const filtered = TRACE_PAGE_FILTER_KEYS.some((k) => k !== "cursor" && query[k]);

  return (
    <div role="search" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-zinc-500">Service</span>
        <input list="trace-services" value={service} onChange={(e) => setService(e.target.value)} placeholder="any" className={`${controlClass} h-9 w-44`} />
        <datalist id="trace-services">
          {services.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-zinc-500">Min duration (ms)</span>
        <input type="number" min={0} inputMode="decimal" value={minMs} onChange={(e) => setMinMs(e.target.value)} className={`${controlClass} h-9 w-32`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-zinc-500">Max duration (ms)</span>
        <input type="number" min={0} inputMode="decimal" value={maxMs} onChange={(e) => setMaxMs(e.target.value)} className={`${controlClass} h-9 w-32`} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-zinc-500">Status</span>
        <select value={query.status ?? ""} onChange={(e) => update({ status: e.target.value })} className={`${controlClass} h-9 w-28`}>
          <option value="">all</option>
          {TRACE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s === "error" ? "with errors" : "no errors"}
            </option>
          ))}
        </select>
      </label>
      {query.poolId ? (
        <FilterChip clearLabel="Any pool" onClear={() => update({ poolId: undefined })}>
          Pool {poolName ?? query.poolId}
        </FilterChip>
      ) : null}
      {query.podName ? (
        <FilterChip clearLabel="Any pod" onClear={() => update({ podName: undefined })}>
          Pod {query.podName}
        </FilterChip>
      ) : null}
      {filtered ? (
        <Button
          variant="ghost"
          className="ml-auto px-2 py-1 text-xs"
          onClick={() => {
            setService("");
            setMinMs("");
            setMaxMs("");
            update(Object.fromEntries(TRACE_PAGE_FILTER_KEYS.map((k) => [k, undefined])));
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
