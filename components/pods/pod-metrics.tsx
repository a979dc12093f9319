"use client";

import { toChartRows } from "@/components/charts/metric-series-data";
import { MetricSeriesChart } from "@/components/charts/metric-series-chart";
import { describeRange } from "@/components/charts/time-range";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { formatInstant } from "@/components/charts/time-axis";
import { labelFilter } from "@/components/charts/traffic-data";
import { POD_CPU, POD_MEMORY, podSeries } from "@/components/charts/usage-data";
import { useMetricQueries } from "@/components/charts/use-metric-queries";
import { useTimeRange } from "@/components/charts/use-time-range";
import { Card } from "@/components/ui/card";

/** The pod's CPU (millicores, against its request) and memory over the page's time range, from stored metrics. */
export function PodMetrics({ podName, requests }: { podName: string; requests: { cpuMillis: number; memoryMiB: number } }) {
  const { range } = useTimeRange();
  const filter = labelFilter({ pod: podName });
  const { series, domain, error } = useMetricQueries(
    [
      { name: POD_CPU, labels: filter, agg: "avg" },
      { name: POD_MEMORY, labels: filter, agg: "avg" },
    ],
    range,
  );
  const cpu = podSeries("CPU", series[0]!);
  const memory = podSeries("memory", series[1]!);
  const over = describeRange(range, formatInstant);
  return (
    <Card title="Usage" actions={<TimeRangeControl />}>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-medium text-zinc-500">CPU (millicores)</figcaption>
            <MetricSeriesChart
              height="sm"
              rows={toChartRows([cpu]).rows}
              lines={[{ key: "CPU", color: "#0ea5e9" }]}
              guides={[{ value: requests.cpuMillis, label: `request ${requests.cpuMillis}m`, color: "#a1a1aa" }]}
              domain={domain}
              unit="m"
              label={`CPU of pod ${podName} in millicores over ${over}`}
              empty="No readings in this range: the worker records running pods every 10 s."
            />
          </figure>
          <figure className="min-w-0">
            <figcaption className="mb-1 text-xs font-medium text-zinc-500">Memory (MiB)</figcaption>
            <MetricSeriesChart
              height="sm"
              rows={toChartRows([memory]).rows}
              lines={[{ key: "memory", color: "#8b5cf6" }]}
              guides={[{ value: requests.memoryMiB, label: `request ${requests.memoryMiB} MiB`, color: "#a1a1aa" }]}
              domain={domain}
              unit="MiB"
              label={`Memory of pod ${podName} in MiB over ${over}`}
              empty="No readings in this range: the worker records running pods every 10 s."
            />
          </figure>
        </div>
      )}
    </Card>
  );
}
