/**
 * Prometheus `histogram_quantile`: bounds are the finite upper bounds (le) in ascending order and `cumulative` holds
 * one count per bound plus the +Inf bucket last. Linear interpolation inside the bucket the rank falls in; a rank in
 * the +Inf bucket answers the highest finite bound; no observations → NaN.
 */
export function histogramQuantile(q: number, bounds: readonly number[], cumulative: readonly number[]): number {
  if (Number.isNaN(q)) return Number.NaN;
  if (q < 0) return Number.NEGATIVE_INFINITY;
  if (q > 1) return Number.POSITIVE_INFINITY;
  const total = cumulative[cumulative.length - 1] ?? 0;
  if (!(total > 0) || bounds.length === 0) return Number.NaN;
  const rank = q * total;
  let i = cumulative.findIndex((c) => c >= rank);
  if (i < 0) i = cumulative.length - 1;
  if (i >= bounds.length) return bounds[bounds.length - 1]!;
  const upper = bounds[i]!;
  const lower = i === 0 ? (upper > 0 ? 0 : upper) : bounds[i - 1]!;
  const below = i === 0 ? 0 : cumulative[i - 1]!;
  const inBucket = cumulative[i]! - below;
  if (inBucket <= 0) return upper;
  return lower + (upper - lower) * ((rank - below) / inBucket);
}

/** Per-bucket counts (as OTLP sends them) → cumulative counts (as Prometheus stores them). */
export function cumulate(counts: readonly number[]): number[] {
  let running = 0;
  return counts.map((c) => (running += c));
}

/** The increase of cumulative buckets between two readings; a counter reset (any bucket fell) counts from zero. */
export function bucketIncrease(previous: readonly number[] | null, current: readonly number[]): number[] {
  if (!previous || previous.length !== current.length || current.some((c, i) => c < previous[i]!)) return [...current];
  return current.map((c, i) => c - previous[i]!);
}
