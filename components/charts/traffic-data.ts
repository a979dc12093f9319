import type { MetricSeriesView } from "@/lib/server/dal/metrics-query";
import { ratioSeries, sumSeries, type ChartSeries } from "./metric-series-data";

const asChart = (key: string, s: readonly MetricSeriesView[]) => s.map((v, i) => ({ key: `${key}#${i}`, points: v.points }));

/**
 * Requests and errors per second, and the error rate in percent, from the `rate` of a request counter and a failure
 * counter. Every matching series is summed (a pool recreated under its name, or several backends), so the lines
 * are the traffic of everything the filter selects.
 */
export function trafficSeries(requests: readonly MetricSeriesView[], failures: readonly MetricSeriesView[]): { perSecond: ChartSeries[]; errorRate: ChartSeries } {
  const rps = sumSeries("requests/s", asChart("r", requests));
  const eps = sumSeries("errors/s", asChart("e", failures));
  return { perSecond: [rps, eps], errorRate: ratioSeries("error rate", eps, rps) };
}

/**
 * Latency quantiles (ms) from a histogram's p50/p95/p99 answers. Quantiles do not add up across series, so when a
 * filter matches several the first is drawn (the query orders series by creation: the oldest).
 */
export function latencySeries(quantiles: { p50: readonly MetricSeriesView[]; p95: readonly MetricSeriesView[]; p99: readonly MetricSeriesView[] }): ChartSeries[] {
  return (["p50", "p95", "p99"] as const).map((q) => ({ key: q, points: quantiles[q][0]?.points ?? [] }));
}

/** A label filter the metrics query understands: every value quoted, so addresses and names pass as they are. */
export function labelFilter(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(",");
}

/** The metric names the worker records traffic under (lib/telemetry/engine-samples.ts). */
export const POOL_TRAFFIC = { requests: "stratus_pool_requests_total", failures: "stratus_pool_request_failures_total", duration: "stratus_pool_request_duration_ms" } as const;
export const BACKEND_TRAFFIC = { requests: "stratus_backend_requests_total", failures: "stratus_backend_request_failures_total", duration: "stratus_backend_request_duration_ms" } as const;
export type TrafficMetrics = typeof POOL_TRAFFIC | typeof BACKEND_TRAFFIC;
