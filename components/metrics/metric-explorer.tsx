"use client";

import { useQueries } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { queryMetricsAction } from "@/app/(console)/metrics/explore/actions";
import { isTimeRange, seriesLabel, TIME_RANGES, toChartRows, type ChartSeries, type TimeRange } from "@/components/charts/metric-series-data";
import { MetricSeriesChart } from "@/components/charts/metric-series-chart";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import { metricKeys } from "@/lib/query-keys";
import type { MetricKind } from "@/lib/telemetry/sample";

const KEYS = ["name", "labels", "range", "agg"] as const;
const SCALAR_AGGS = ["avg", "min", "max", "sum", "last", "rate"] as const;
const QUANTILES = ["p50", "p95", "p99"] as const;
const REFRESH_MS = 15_000;

/** Name, label filter, range and aggregation live in the URL; histograms are drawn as p50/p95/p99. */
export function MetricExplorer({ names }: { names: Array<{ name: string; kind: MetricKind; series: number }> }) {
  const { query, update } = useUrlQuery(KEYS);
  const name = query.name ?? names[0]?.name;
  const kind = names.find((n) => n.name === name)?.kind;
  const range: TimeRange = isTimeRange(query.range) ? query.range : "1h";
  const aggs: readonly string[] = kind === "histogram" ? QUANTILES : [query.agg ?? (kind === "counter" ? "rate" : "avg")];
  const [labels, setLabels] = useState(query.labels ?? "");
  useEffect(() => {
    if (labels === (query.labels ?? "")) return;
    const t = setTimeout(() => update({ labels }), 400);
    return () => clearTimeout(t);
  }, [labels, query.labels, update]);

  const results = useQueries({
    queries: aggs.map((agg) => ({
      queryKey: metricKeys.list({ name, labels: query.labels, range, agg }),
      queryFn: () => {
        const to = Date.now();
        return queryMetricsAction({ name, labels: query.labels, from: to - TIME_RANGES[range].ms, to, step: TIME_RANGES[range].step, agg });
      },
      enabled: name !== undefined,
      refetchInterval: REFRESH_MS,
    })),
  });
  const error = results.find((r) => r.error)?.error;
  const series: ChartSeries[] = results.flatMap((r, i) =>
    (r.data?.series ?? []).map((s) => ({ key: `${aggs.length > 1 ? `${aggs[i]} ` : ""}${seriesLabel(s.labels, name ?? "")}`, points: s.points })),
  );
  const { rows, keys, hidden } = toChartRows(series);

  return (
    <div className="space-y-4">
      <div role="search" className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          <span className="text-zinc-500">Metric</span>
          <select aria-label="Metric" value={name ?? ""} onChange={(e) => update({ name: e.target.value, agg: undefined })} className={`${controlClass} w-auto`}>
            {names.map((n) => (
              <option key={n.name} value={n.name}>
                {n.name} ({n.kind}, {n.series})
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-56 flex-1 items-center gap-2">
          <span className="text-zinc-500">Labels</span>
          <input aria-label="Label filter" value={labels} onChange={(e) => setLabels(e.target.value)} placeholder='pool=web, pod="web-1"' className={controlClass} />
        </label>
        <label className="flex items-center gap-2">
          <span className="text-zinc-500">Range</span>
          <select aria-label="Range" value={range} onChange={(e) => update({ range: e.target.value })} className={`${controlClass} w-auto`}>
            {Object.entries(TIME_RANGES).map(([k, r]) => (
              <option key={k} value={k}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {kind !== "histogram" ? (
          <label className="flex items-center gap-2">
            <span className="text-zinc-500">Aggregation</span>
            <select aria-label="Aggregation" value={aggs[0]} onChange={(e) => update({ agg: e.target.value })} className={`${controlClass} w-auto`}>
              {SCALAR_AGGS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      <Card title={name ?? "No metrics yet"} actions={<span className="text-xs text-zinc-500">step {TIME_RANGES[range].step} s{hidden > 0 ? ` · ${hidden} more series not drawn` : ""}</span>}>
        {names.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing stored yet: the worker records Stratus&apos;s own metrics every 10 s, or push some to /api/v1/metrics or /v1/metrics (OTLP).</p>
        ) : error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error.message}
          </p>
        ) : (
          <MetricSeriesChart rows={rows} keys={keys} label={`${name} over the last ${TIME_RANGES[range].label}`} />
        )}
      </Card>
    </div>
  );
}
