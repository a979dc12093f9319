/** One line on the chart: a name (labels, plus the quantile for histograms) and its points ([epoch ms, value]). */
export interface ChartSeries {
  key: string;
  points: ReadonlyArray<readonly [number, number]>;
}

/** `{pod="a", node="n1"}`, or the fallback for a series without labels. */
export function seriesLabel(labels: Record<string, string>, fallback: string): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return parts.length > 0 ? `{${parts.join(", ")}}` : fallback;
}

/**
 * Series → Recharts rows (one per timestamp, a column per series), at most `maxSeries` lines so a broad query
 * stays readable; a series missing a step leaves a gap rather than a zero.
 */
export function toChartRows(series: readonly ChartSeries[], maxSeries = 12): { rows: Array<Record<string, number>>; keys: string[]; hidden: number } {
  const shown = series.slice(0, maxSeries);
  const byTime = new Map<number, Record<string, number>>();
  for (const s of shown) {
    for (const [t, v] of s.points) {
      const row = byTime.get(t) ?? { t };
      row[s.key] = Math.round(v * 1000) / 1000;
      byTime.set(t, row);
    }
  }
  const rows = [...byTime.values()].sort((a, b) => a.t! - b.t!);
  return { rows, keys: shown.map((s) => s.key), hidden: series.length - shown.length };
}

/** Explorer time ranges: the URL holds the key, the query the milliseconds and a step that keeps ~60–120 points. */
export const TIME_RANGES = {
  "15m": { label: "15 min", ms: 15 * 60_000, step: 15 },
  "1h": { label: "1 hour", ms: 3_600_000, step: 60 },
  "6h": { label: "6 hours", ms: 6 * 3_600_000, step: 300 },
  "24h": { label: "24 hours", ms: 86_400_000, step: 900 },
  "7d": { label: "7 days", ms: 7 * 86_400_000, step: 3_600 },
} as const;
export type TimeRange = keyof typeof TIME_RANGES;
export const isTimeRange = (v: string | undefined): v is TimeRange => v !== undefined && v in TIME_RANGES;
