import { expect, test } from "vitest";
import type { MetricSeriesView } from "@/lib/server/dal/metrics-query";
import { labelFilter, latencySeries, trafficSeries } from "./traffic-data";

const series = (points: Array<[number, number]>): MetricSeriesView => ({ labels: {}, kind: "counter", points });

test("requests and errors per second are summed over every matching series; the error rate is their ratio", () => {
  const { perSecond, errorRate } = trafficSeries(
    [series([[0, 4], [10, 6]]), series([[10, 4], [20, 0]])],
    [series([[0, 1], [10, 0]]), series([[20, 0]])],
  );
  expect(perSecond).toEqual([
    { key: "requests/s", points: [[0, 4], [10, 10], [20, 0]] },
    { key: "errors/s", points: [[0, 1], [10, 0], [20, 0]] },
  ]);
  expect(errorRate).toEqual({ key: "error rate", points: [[0, 25], [10, 0], [20, 0]] });
});

test("no traffic recorded: empty lines, not zeros", () => {
  const { perSecond, errorRate } = trafficSeries([], []);
  expect(perSecond.map((s) => s.points)).toEqual([[], []]);
  expect(errorRate.points).toEqual([]);
});

test("latency draws p50/p95/p99 of the first matching series", () => {
  const out = latencySeries({ p50: [series([[0, 2]]), series([[0, 99]])], p95: [series([[0, 8]])], p99: [] });
  expect(out).toEqual([
    { key: "p50", points: [[0, 2]] },
    { key: "p95", points: [[0, 8]] },
    { key: "p99", points: [] },
  ]);
});

test("labelFilter quotes every value", () => {
  expect(labelFilter({ pool: "web", backend: "127.0.0.1:8080" })).toBe('pool="web",backend="127.0.0.1:8080"');
  expect(labelFilter({})).toBe("");
});
