"use client";

import { keepPreviousData, useQueries } from "@tanstack/react-query";
import { fetchJson } from "@/lib/fetch-json";
import { metricKeys } from "@/lib/query-keys";
import type { MetricSeriesView } from "@/lib/server/dal/metrics-query";
import type { Aggregation } from "@/lib/telemetry/aggregate";
import { rangeKey, refetchIntervalOf, windowFor, type QueryWindow, type TimeRange } from "./time-range";

export interface MetricQuerySpec {
  name: string;
  /** A label filter, `pool=web,backend="127.0.0.1:8080"`. */
  labels?: string;
  agg: Aggregation;
}

interface MetricAnswer {
  series: MetricSeriesView[];
  window: QueryWindow;
}

/**
 * Stored metrics for the page's time range, one query per spec, polled at its refresh. Each poll asks for the
 * window as of that moment; until the answer arrives the previous one stays on screen (keepPreviousData), so a
 * chart never blanks, and its x domain comes from the answer, so the axis moves together with the data.
 */
export function useMetricQueries(specs: readonly MetricQuerySpec[], range: TimeRange, enabled = true) {
  const results = useQueries({
    queries: specs.map((spec) => ({
      queryKey: metricKeys.list({ name: spec.name, labels: spec.labels, agg: spec.agg, range: rangeKey(range) }),
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<MetricAnswer> => {
        const window = windowFor(range, Date.now());
        const { series } = await fetchJson<{ series: MetricSeriesView[] }>("/api/v1/metrics/query", { ...spec, ...window }, signal);
        return { series, window };
      },
      enabled,
      refetchInterval: refetchIntervalOf(range),
      placeholderData: keepPreviousData,
    })),
  });
  const answered = results.map((r) => r.data).filter((d): d is MetricAnswer => d !== undefined);
  const latest = answered.reduce<QueryWindow | undefined>((w, d) => (w === undefined || d.window.to > w.to ? d.window : w), undefined);
  return {
    /** Per spec, its series (empty until answered). */
    series: results.map((r) => r.data?.series ?? []),
    /** The x domain: the newest window any answer covers; until the first answer, the window as of now. */
    domain: (latest ? [latest.from, latest.to] : null) as [number, number] | null,
    step: latest?.step,
    loading: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
