"use client";

import { toChartRows, type ChartSeries } from "./metric-series-data";
import { MetricSeriesChart, type ChartLine } from "./metric-series-chart";
import { describeRange } from "./time-range";
import { formatInstant } from "./time-axis";
import { labelFilter, latencySeries, trafficSeries, type TrafficMetrics } from "./traffic-data";
import { useMetricQueries } from "./use-metric-queries";
import { useTimeRange } from "./use-time-range";
import { ChartPanel } from "./chart-panel";

const LINE_COLORS: Record<string, string> = { "requests/s": "#0ea5e9", "errors/s": "#f43f5e", "error rate": "#f43f5e", p50: "#10b981", p95: "#f59e0b", p99: "#f43f5e" };
const lines = (series: ChartSeries[]): ChartLine[] => series.map((s) => ({ key: s.key, color: LINE_COLORS[s.key] }));

/**
 * Requests and errors per second, error rate and latency quantiles of a pool or one backend (whatever `labels`
 * selects in the stored metrics), over the page's time range.
 */
export function TrafficCharts({ subject, metrics, labels }: { subject: string; metrics: TrafficMetrics; labels: Record<string, string> }) {
  const { range } = useTimeRange();
  const filter = labelFilter(labels);
  const { series, domain, error } = useMetricQueries(
    [
      { name: metrics.requests, labels: filter, agg: "rate" },
      { name: metrics.failures, labels: filter, agg: "rate" },
      { name: metrics.duration, labels: filter, agg: "p50" },
      { name: metrics.duration, labels: filter, agg: "p95" },
      { name: metrics.duration, labels: filter, agg: "p99" },
    ],
    range,
  );
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {error.message}
      </p>
    );
  }
  const { perSecond, errorRate } = trafficSeries(series[0]!, series[1]!);
  const latency = latencySeries({ p50: series[2]!, p95: series[3]!, p99: series[4]! });
  const over = describeRange(range, formatInstant);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <ChartPanel title="Requests and errors per second">
        <MetricSeriesChart height="sm" rows={toChartRows(perSecond).rows} lines={lines(perSecond)} domain={domain} unit="/s" label={`Requests and errors per second through ${subject} over ${over}`} />
      </ChartPanel>
      <ChartPanel title="Error rate">
        <MetricSeriesChart height="sm" rows={toChartRows([errorRate]).rows} lines={lines([errorRate])} domain={domain} unit="%" label={`Share of requests through ${subject} that failed, over ${over}`} />
      </ChartPanel>
      <ChartPanel title="Latency">
        <MetricSeriesChart height="sm" rows={toChartRows(latency).rows} lines={lines(latency)} domain={domain} unit="ms" label={`Response time percentiles of ${subject} over ${over}`} />
      </ChartPanel>
    </div>
  );
}
