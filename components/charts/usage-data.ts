import type { MetricSeriesView } from "@/lib/server/dal/metrics-query";
import { countSeries, seriesByLabel, sumSeries, type ChartSeries } from "./metric-series-data";

/** The metric names the worker records pod usage under (lib/telemetry/engine-samples.ts), labelled pod and node. */
export const POD_CPU = "stratus_pod_cpu_millicores";
export const POD_MEMORY = "stratus_pod_memory_mib";

const points = (views: readonly MetricSeriesView[]) => views.map((v, i) => ({ key: String(i), points: v.points }));

/** One line per pod, by pod name: a pod placed again on another node keeps one line (it runs on one node at a time). */
export function perPodSeries(views: readonly MetricSeriesView[]): ChartSeries[] {
  return seriesByLabel("pod", views);
}

/** A single pod's usage as one line (joined across the nodes it ran on). */
export function podSeries(key: string, views: readonly MetricSeriesView[]): ChartSeries {
  return sumSeries(key, points(views));
}

/** Pods reporting at each step (running pods report every recording). */
export function podCountSeries(views: readonly MetricSeriesView[]): ChartSeries {
  return countSeries("pods", perPodSeries(views));
}
