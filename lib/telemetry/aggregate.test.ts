import { expect, test } from "vitest";
import { alignToStep, pointsFor, type StepRow } from "./aggregate";

const row = (t: number, last: number, extra: Partial<StepRow> = {}): StepRow => ({ t, avg: last, sum: last, min: last, max: last, last, ...extra });

test.each([
  { t: 125_000, step: 60_000, origin: 0, want: 120_000 },
  { t: 120_000, step: 60_000, origin: 0, want: 120_000 },
  { t: 119_999, step: 60_000, origin: 0, want: 60_000 },
  { t: 125_000, step: 60_000, origin: 10_000, want: 70_000 },
  { t: 5_000, step: 60_000, origin: 10_000, want: -50_000 },
])("alignToStep($t, $step, $origin) = $want", ({ t, step, origin, want }) => expect(alignToStep(t, step, origin)).toBe(want));

test.each([
  { agg: "avg", rows: [row(0, 1, { avg: 2 })], want: [[0, 2]] },
  { agg: "max", rows: [row(0, 1, { max: 9 }), row(60_000, 3, { max: 4 })], want: [[0, 9], [60_000, 4]] },
  { agg: "last", rows: [row(0, 1)], want: [[0, 1]] },
  { agg: "rate", rows: [row(0, 100), row(60_000, 160), row(120_000, 220)], want: [[60_000, 1], [120_000, 1]] },
  { agg: "rate", rows: [row(0, 100), row(60_000, 30)], want: [[60_000, 0.5]] }, // counter reset counts from zero
  { agg: "rate", rows: [row(0, 100)], want: [] },
] as const)("pointsFor $agg", ({ agg, rows, want }) => expect(pointsFor(rows, agg, 60_000)).toEqual(want));

test("quantiles come from each step's bucket increase, skipping steps with no observations", () => {
  const h = (t: number, buckets: number[]) => row(t, 0, { bounds: [1, 2], buckets });
  const rows = [h(0, [10, 10, 10]), h(60_000, [10, 20, 20]), h(120_000, [10, 20, 20])];
  expect(pointsFor(rows, "p50", 60_000)).toEqual([[0, 0.5], [60_000, 1.5]]);
  expect(pointsFor([row(0, 1)], "p99", 60_000)).toEqual([]);
});
