import { describe, expect, test } from "vitest";
import { bucketIncrease, cumulate, histogramQuantile } from "./quantile";

// Bounds 0.1, 0.5, 1 plus +Inf; cumulative counts.
const bounds = [0.1, 0.5, 1];

describe("histogramQuantile (Prometheus semantics)", () => {
  test.each([
    { q: 0.5, buckets: [0, 10, 20, 20], want: 0.5 },
    { q: 0.25, buckets: [0, 10, 20, 20], want: 0.3 }, // halfway through (0.1, 0.5]
    { q: 0.5, buckets: [10, 10, 10, 10], want: 0.05 }, // first bucket interpolates from 0
    { q: 0.99, buckets: [0, 0, 0, 10], want: 1 }, // in +Inf: the highest finite bound
    { q: 1, buckets: [5, 10, 10, 10], want: 0.5 },
    { q: 0, buckets: [5, 10, 10, 10], want: 0 },
  ])("q=$q over $buckets → $want", ({ q, buckets, want }) => {
    expect(histogramQuantile(q, bounds, buckets)).toBeCloseTo(want, 10);
  });

  test.each([
    { q: 0.5, buckets: [0, 0, 0, 0], want: Number.NaN },
    { q: -0.1, buckets: [1, 1, 1, 1], want: Number.NEGATIVE_INFINITY },
    { q: 1.1, buckets: [1, 1, 1, 1], want: Number.POSITIVE_INFINITY },
    { q: Number.NaN, buckets: [1, 1, 1, 1], want: Number.NaN },
  ])("edge q=$q → $want", ({ q, buckets, want }) => {
    expect(histogramQuantile(q, bounds, buckets)).toBe(want);
  });
});

test.each([
  { counts: [1, 2, 3], want: [1, 3, 6] },
  { counts: [], want: [] },
])("cumulate($counts)", ({ counts, want }) => expect(cumulate(counts)).toEqual(want));

test.each([
  { prev: null, cur: [1, 2], want: [1, 2] },
  { prev: [1, 2], cur: [3, 5], want: [2, 3] },
  { prev: [5, 9], cur: [1, 2], want: [1, 2] }, // reset
  { prev: [1], cur: [1, 2], want: [1, 2] }, // layout changed
])("bucketIncrease($prev, $cur)", ({ prev, cur, want }) => expect(bucketIncrease(prev, cur)).toEqual(want));
