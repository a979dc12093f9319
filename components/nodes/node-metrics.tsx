"use client";

import { toChartRows } from "@/components/charts/metric-series-data";
import { MetricSeriesChart } from "@/components/charts/metric-series-chart";
import { describeRange } from "@/components/charts/time-range";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { formatInstant } from "@/components/charts/time-axis";
import { labelFilter } from "@/components/charts/traffic-data";
import { perPodSeries, POD_CPU, POD_MEMORY, podCountSeries } from "@/components/charts/usage-data";
import { useMetricQueries } from "@/components/charts/use-metric-queries";
import { useTimeRange } from "@/components/charts/use-time-range";
import { Card } from "@/components/ui/card";
import { ChartPanel } from "@/components/charts/chart-panel";

const EMPTY = "No readings in this range: the worker records running pods every 10 s.";

/** CPU and memory of the node's pods (stacked: the top is the node's total) and how many ran, over the page's range. */
export function NodeMetrics({ nodeName }: { nodeName: string }) {
  const { range } = useTimeRange();
  const filter = labelFilter({ node: nodeName });
  const { series, domain, error } = useMetricQueries(
    [
      { name: POD_CPU, labels: filter, agg: "avg" },
      { name: POD_MEMORY, labels: filter, agg: "avg" },
    ],
    range,
  );
  const over = describeRange(range, formatInstant);
  const cpu = toChartRows(perPodSeries(series[0]!), 12, 0);
  const memory = toChartRows(perPodSeries(series[1]!), 12, 0);
  const count = podCountSeries(series[0]!);
  const hidden = (n: number) => (n > 0 ? `${n} more pods not drawn` : undefined);
  return (
    <Card title="Usage of its pods" actions={<TimeRangeControl />}>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-3">
          <ChartPanel title="CPU (millicores)" note={hidden(cpu.hidden)}>
            <MetricSeriesChart height="sm" stacked rows={cpu.rows} lines={cpu.keys.map((key) => ({ key }))} domain={domain} unit="m" label={`CPU of the pods on node ${nodeName}, stacked, over ${over}`} empty={EMPTY} />
          </ChartPanel>
          <ChartPanel title="Memory (MiB)" note={hidden(memory.hidden)}>
            <MetricSeriesChart height="sm" stacked rows={memory.rows} lines={memory.keys.map((key) => ({ key }))} domain={domain} unit="MiB" label={`Memory of the pods on node ${nodeName}, stacked, over ${over}`} empty={EMPTY} />
          </ChartPanel>
          <ChartPanel title="Running pods">
            <MetricSeriesChart height="sm" stepped rows={toChartRows([count]).rows} lines={[{ key: "pods", color: "#0ea5e9" }]} domain={domain} label={`Pods reporting from node ${nodeName} over ${over}`} empty={EMPTY} />
          </ChartPanel>
        </div>
      )}
    </Card>
  );
}
