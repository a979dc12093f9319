import { bucketIncrease, histogramQuantile } from "./quantile";

export const AGGREGATIONS = ["avg", "sum", "min", "max", "last", "rate", "p50", "p95", "p99"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const QUANTILE_OF: Partial<Record<Aggregation, number>> = { p50: 0.5, p95: 0.95, p99: 0.99 };

/** The start of the step `t` falls in, with steps anchored at `origin` (what SQL `date_bin` computes). */
export function alignToStep(t: number, stepMs: number, origin = 0): number {
  return origin + Math.floor((t - origin) / stepMs) * stepMs;
}

/** One step's summary of a series, as the SQL query returns it. */
export interface StepRow {
  t: number;
  avg: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  /** Cumulative histogram buckets of the last sample in the step (histograms only). */
  buckets?: readonly number[] | null;
  bounds?: readonly number[] | null;
}

export type Point = [number, number];

/**
 * A series' points for an aggregation, from its per-step rows (ascending). `rate` is per second from the last value of
 * consecutive steps, counting a drop as a counter reset (like Prometheus); quantiles come from the bucket increase
 * between consecutive steps. Steps without a defined value are left out rather than drawn as zero.
 */
export function pointsFor(rows: readonly StepRow[], agg: Aggregation, stepMs: number): Point[] {
  const q = QUANTILE_OF[agg];
  if (q !== undefined) {
    const out: Point[] = [];
    let previous: readonly number[] | null = null;
    for (const row of rows) {
      if (!row.buckets || !row.bounds) continue;
      const value = histogramQuantile(q, row.bounds, bucketIncrease(previous, row.buckets));
      previous = row.buckets;
      if (Number.isFinite(value)) out.push([row.t, value]);
    }
    return out;
  }
  if (agg === "rate") {
    const out: Point[] = [];
    for (let i = 1; i < rows.length; i++) {
      const prev = rows[i - 1]!;
      const cur = rows[i]!;
      const increase = cur.last >= prev.last ? cur.last - prev.last : cur.last;
      out.push([cur.t, increase / (((cur.t - prev.t) || stepMs) / 1000)]);
    }
    return out;
  }
  const field = agg as "avg" | "sum" | "min" | "max" | "last";
  return rows.map((r) => [r.t, r[field]]);
}
