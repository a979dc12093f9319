/** Upper bounds in ms, Prometheus-style; a final +Inf bucket catches the rest. */
export const LATENCY_BUCKETS_MS: readonly number[] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/** One bucket as reported: its upper bound ("+Inf" for the last) and the count that fell in it (not cumulative). */
export interface HistogramBucket {
  readonly le: string;
  readonly count: number;
}

/**
 * A fixed-bucket latency histogram: O(buckets) memory per backend whatever the traffic, O(1) to record,
 * percentiles estimated like Prometheus' histogram_quantile (linear inside the bucket).
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(LATENCY_BUCKETS_MS.length + 1);
  private total = 0;
  private sumMs = 0;

  observe(ms: number): void {
    let i = 0;
    while (i < LATENCY_BUCKETS_MS.length && ms > (LATENCY_BUCKETS_MS[i] as number)) i++;
    this.counts[i] = (this.counts[i] as number) + 1;
    this.total++;
    this.sumMs += ms;
  }

  get count(): number {
    return this.total;
  }

  get meanMs(): number {
    return this.total === 0 ? 0 : this.sumMs / this.total;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1). Observations are assumed spread evenly inside their bucket, from the previous
   * bound (0 for the first); ranks in +Inf report the largest finite bound, as Prometheus does. 0 when empty.
   */
  quantile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.min(Math.max(q, 0), 1) * this.total;
    let below = 0;
    for (let i = 0; i < LATENCY_BUCKETS_MS.length; i++) {
      const inBucket = this.counts[i] as number;
      if (inBucket > 0 && below + inBucket >= rank) {
        const lower = i === 0 ? 0 : (LATENCY_BUCKETS_MS[i - 1] as number);
        const upper = LATENCY_BUCKETS_MS[i] as number;
        return lower + ((upper - lower) * (rank - below)) / inBucket;
      }
      below += inBucket;
    }
    return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1] as number;
  }

  buckets(): HistogramBucket[] {
    return Array.from(this.counts, (count, i) => ({ le: i < LATENCY_BUCKETS_MS.length ? String(LATENCY_BUCKETS_MS[i]) : "+Inf", count }));
  }
}
