"use client";

import { useEffect, useState } from "react";
import { seriesLabel, toChartRows, type ChartSeries } from "@/components/charts/metric-series-data";
import { MetricSeriesChart } from "@/components/charts/metric-series-chart";
import { describeRange } from "@/components/charts/time-range";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { formatInstant } from "@/components/charts/time-axis";
import { useMetricQueries } from "@/components/charts/use-metric-queries";
import { useTimeRange } from "@/components/charts/use-time-range";
import { useUrlQuery } from "@/components/lists/use-url-query";
import { Card } from "@/components/ui/card";
import { controlClass } from "@/components/ui/field";
import type { Aggregation } from "@/lib/telemetry/aggregate";
import type { MetricKind } from "@/lib/telemetry/sample";

const KEYS = ["name", "labels", "agg"] as const;
const SCALAR_AGGS = ["avg", "min", "max", "sum", "last", "rate"] as const;
const QUANTILES = ["p50", "p95", "p99"] as const;
const isScalarAgg = (v: string | undefined): v is (typeof SCALAR_AGGS)[number] => SCALAR_AGGS.includes(v as never);

/** Name, label filter and aggregation live in the URL beside the shared time range; histograms are drawn as p50/p95/p99. */
export function MetricExplorer({ names }: { names: Array<{ name: string; kind: MetricKind; series: number }> }) {
  const { query, update } = useUrlQuery(KEYS);
  const { range } = useTimeRange();
  const name = query.name ?? names[0]?.name;
  const kind = names.find((n) => n.name === name)?.kind;
  const aggs: readonly Aggregation[] = kind === "histogram" ? QUANTILES : [isScalarAgg(query.agg) ? query.agg : kind === "counter" ? "rate" : "avg"];
  const [labels, setLabels] = useState(query.labels ?? "");
  useEffect(() => {
    if (labels === (query.labels ?? "")) return;
    const t = setTimeout(() => update({ labels }), 400);
    return () => clearTimeout(t);
  }, [labels, query.labels, update]);

  const { series: answers, domain, step, error } = useMetricQueries(
    aggs.map((agg) => ({ name: name ?? "", labels: query.labels, agg })),
    range,
    name !== undefined,
  );
  const series: ChartSeries[] = answers.flatMap((list, i) =>
    list.map((s) => ({ key: `${aggs.length > 1 ? `${aggs[i]} ` : ""}${seriesLabel(s.labels, name ?? "")}`, points: s.points })),
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
        <TimeRangeControl />
      </div>
      <Card
        title={name ?? "No metrics yet"}
        actions={<span className="text-xs text-zinc-500">{step ? `step ${step} s` : ""}{hidden > 0 ? ` · ${hidden} more series not drawn` : ""}</span>}
      >
        {names.length === 0 ? (
          <p className="text-sm text-zinc-500">Nothing stored yet: the worker records Stratus&apos;s own metrics every 10 s, or push some to /api/v1/metrics or /v1/metrics (OTLP).</p>
        ) : error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error.message}
          </p>
        ) : (
          <MetricSeriesChart
            rows={rows}
            lines={keys.map((key) => ({ key }))}
            domain={domain}
            label={`${name} over ${describeRange(range, formatInstant)}`}
          />
        )}
      </Card>
    </div>
  );
}
