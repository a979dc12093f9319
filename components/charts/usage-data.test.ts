import { expect, test } from "vitest";
import type { MetricSeriesView } from "@/lib/server/dal/metrics-query";
import { perPodSeries, podCountSeries, podSeries } from "./usage-data";

const view = (pod: string, node: string, points: Array<[number, number]>): MetricSeriesView => ({ labels: { pod, node }, kind: "gauge", points });

const views = [
  view("web-b", "n1", [[0, 10], [10, 12]]),
  view("web-a", "n1", [[0, 5]]),
  view("web-a", "n2", [[10, 7], [20, 8]]), // placed again on n2
];

test("one line per pod, joined across nodes, sorted by name", () => {
  expect(perPodSeries(views)).toEqual([
    { key: "web-a", points: [[0, 5], [10, 7], [20, 8]] },
    { key: "web-b", points: [[0, 10], [10, 12]] },
  ]);
});

test("a pod's usage as one line", () => {
  expect(podSeries("cpu", views.slice(1))).toEqual({ key: "cpu", points: [[0, 5], [10, 7], [20, 8]] });
});

test("pods reporting per step", () => {
  expect(podCountSeries(views).points).toEqual([[0, 2], [10, 2], [20, 1]]);
  expect(podCountSeries([]).points).toEqual([]);
});
