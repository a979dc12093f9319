import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { LATENCY_BUCKETS_MS, LatencyHistogram } from "./latency-histogram";

const histogramOf = (samples: readonly number[]) => {
  const h = new LatencyHistogram();
  for (const ms of samples) h.observe(ms);
  return h;
};

describe("LatencyHistogram", () => {
  test("buckets are upper-inclusive, like Prometheus `le`", () => {
    const buckets = histogramOf([0.2, 1, 1.01, 2, 4.9, 5000, 5000.1, 1e6]).buckets();
    expect(buckets.map((b) => b.le)).toEqual([...LATENCY_BUCKETS_MS.map(String), "+Inf"]);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2]);
  });

  test.each([
    ["empty", [], 0.5, 0],
    ["one sample in (0,1]", [0.5], 0.5, 0.5],
    ["all in (2,5]: linear inside the bucket", [3, 3, 3, 3], 0.5, 3.5],
    ["all in (2,5] at p99", [3, 3, 3, 3], 0.99, 4.97],
    ["half 1 ms, half 100 ms: median at the top of (0,1]", [1, 1, 100, 100], 0.5, 1],
    ["p99 of a long tail lands in the tail bucket", [...Array<number>(99).fill(1), 400], 0.995, 375],
    ["ranks in +Inf report the largest finite bound", [9_999], 0.99, 5000],
    ["q = 0 is the lower edge of the first used bucket", [30, 40], 0, 25],
    ["q = 1 is the upper edge of the last used bucket", [30, 40], 1, 50],
  ])("%s: q%s", (_name, samples, q, expected) => {
    expect(histogramOf(samples).quantile(q)).toBeCloseTo(expected, 6);
  });

  test("count and mean", () => {
    const h = histogramOf([1, 2, 3, 10]);
    expect(h.count).toBe(4);
    expect(h.meanMs).toBe(4);
    expect(new LatencyHistogram().meanMs).toBe(0);
  });

  test("quantiles are monotone in q and the estimate stays inside the sample's bucket range", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 6000, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (samples, a, b) => {
        const h = histogramOf(samples);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(h.quantile(lo)).toBeLessThanOrEqual(h.quantile(hi) + 1e-9);
        expect(h.quantile(hi)).toBeLessThanOrEqual(5000);
      }),
    );
  });
});
