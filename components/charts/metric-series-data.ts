/** One line on the chart: a name (labels, plus the quantile for histograms) and its points ([epoch ms, value]). */
export interface ChartSeries {
  key: string;
  points: ReadonlyArray<readonly [number, number]>;
}

export type ChartRow = Record<string, number> & { t: number };

/** `{pod="a", node="n1"}`, or the fallback for a series without labels. */
export function seriesLabel(labels: Record<string, string>, fallback: string): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return parts.length > 0 ? `{${parts.join(", ")}}` : fallback;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Series → Recharts rows (one per timestamp, a column per series), at most `maxSeries` lines so a broad query
 * stays readable. A series missing a step leaves a gap rather than a zero, unless `fill` is given (stacked areas,
 * where a pod that was not running contributes nothing).
 */
export function toChartRows(series: readonly ChartSeries[], maxSeries = 12, fill?: number): { rows: ChartRow[]; keys: string[]; hidden: number } {
  const shown = series.slice(0, maxSeries);
  const byTime = new Map<number, ChartRow>();
  for (const s of shown) {
    for (const [t, v] of s.points) {
      const row = byTime.get(t) ?? ({ t } as ChartRow);
      row[s.key] = round3(v);
      byTime.set(t, row);
    }
  }
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  const keys = shown.map((s) => s.key);
  if (fill !== undefined) for (const row of rows) for (const k of keys) row[k] ??= fill;
  return { rows, keys, hidden: series.length - shown.length };
}

/** Points per timestamp across series, reduced by `combine` (time order). */
function combineByTime(series: readonly ChartSeries[], combine: (values: number[]) => number): Array<[number, number]> {
  const byTime = new Map<number, number[]>();
  for (const s of series) for (const [t, v] of s.points) byTime.set(t, [...(byTime.get(t) ?? []), v]);
  return [...byTime.entries()].sort(([a], [b]) => a - b).map(([t, vs]) => [t, combine(vs)]);
}

/** The total of several series at each step (e.g. the estate's CPU from every pod's). */
export function sumSeries(key: string, series: readonly ChartSeries[]): ChartSeries {
  return { key, points: combineByTime(series, (vs) => vs.reduce((a, b) => a + b, 0)) };
}

/** How many series have a point at each step (e.g. pods reporting from a node). */
export function countSeries(key: string, series: readonly ChartSeries[]): ChartSeries {
  return { key, points: combineByTime(series, (vs) => vs.length) };
}

/**
 * `numerator / denominator × scale` at each step both have, e.g. the error rate in percent. A step whose
 * denominator is zero is 0 when the numerator is too (no traffic, no errors) and left out otherwise.
 */
export function ratioSeries(key: string, numerator: ChartSeries, denominator: ChartSeries, scale = 100): ChartSeries {
  const den = new Map(denominator.points.map(([t, v]) => [t, v]));
  const points: Array<[number, number]> = [];
  for (const [t, n] of numerator.points) {
    const d = den.get(t);
    if (d === undefined) continue;
    if (d > 0) points.push([t, (n / d) * scale]);
    else if (n === 0) points.push([t, 0]);
  }
  return { key, points };
}

/**
 * One series per value of `label` (e.g. per pod, per node, per pool), each the sum of the series carrying that
 * value: a pod placed again on another node, or every pod of a node. Sorted by value, so legends keep their order.
 */
export function seriesByLabel(label: string, views: ReadonlyArray<{ labels: Record<string, string>; points: ReadonlyArray<readonly [number, number]> }>): ChartSeries[] {
  const groups = new Map<string, ChartSeries[]>();
  for (const v of views) {
    const value = v.labels[label] ?? "";
    groups.set(value, [...(groups.get(value) ?? []), { key: value, points: v.points }]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([value, members]) => sumSeries(value, members));
}
