import type { Labels } from "./labels";

export type MetricKind = "counter" | "gauge" | "histogram" | "summary";

/** One sample on its way into storage; histograms carry cumulative buckets (bounds + the +Inf count). */
export interface Sample {
  name: string;
  kind: MetricKind;
  labels: Labels;
  /** Epoch milliseconds. */
  at: number;
  /** Gauges and counters: the value; histograms: the sum of observations. */
  value: number;
  bounds?: readonly number[];
  buckets?: readonly number[];
  count?: number;
}
