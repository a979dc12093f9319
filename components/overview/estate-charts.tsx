"use client";

import { seriesByLabel, toChartRows } from "@/components/charts/metric-series-data";
import { MetricSeriesChart } from "@/components/charts/metric-series-chart";
import { describeRange } from "@/components/charts/time-range";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { formatInstant } from "@/components/charts/time-axis";
import { POOL_TRAFFIC } from "@/components/charts/traffic-data";
import { POD_CPU } from "@/components/charts/usage-data";
import { useMetricQueries } from "@/components/charts/use-metric-queries";
import { useTimeRange } from "@/components/charts/use-time-range";
import { Card } from "@/components/ui/card";
import { ChartPanel } from "@/components/charts/chart-panel";

/** The estate over time: every pod's CPU stacked by node, and every pool's requests per second stacked by pool. */
export function EstateCharts({ className = "" }: { className?: string }) {
  const { range } = useTimeRange();
  const { series, domain, error } = useMetricQueries(
    [
      { name: POD_CPU, agg: "avg" },
      { name: POOL_TRAFFIC.requests, agg: "rate" },
    ],
    range,
  );
  const over = describeRange(range, formatInstant);
  const cpu = toChartRows(seriesByLabel("node", series[0]!), 12, 0);
  const requests = toChartRows(seriesByLabel("pool", series[1]!), 12, 0);
  return (
    <Card title="Estate" actions={<TimeRangeControl />} className={className}>
      {error ? (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <ChartPanel title="CPU of all pods, by node (millicores)">
            <MetricSeriesChart height="sm" stacked rows={cpu.rows} lines={cpu.keys.map((key) => ({ key, name: key || "unplaced" }))} domain={domain} unit="m" label={`CPU of every pod, stacked by node, over ${over}`} />
          </ChartPanel>
          <ChartPanel title="Requests per second, by pool">
            <MetricSeriesChart height="sm" stacked rows={requests.rows} lines={requests.keys.map((key) => ({ key }))} domain={domain} unit="/s" label={`Requests per second through every pool, stacked by pool, over ${over}`} />
          </ChartPanel>
        </div>
      )}
    </Card>
  );
}
