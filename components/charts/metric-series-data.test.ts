import { expect, test } from "vitest";
import { countSeries, ratioSeries, seriesByLabel, seriesLabel, sumSeries, toChartRows } from "./metric-series-data";

test.each<{ labels: Record<string, string>; want: string }>([
  { labels: {}, want: "cpu" },
  { labels: { pod: "a" }, want: '{pod="a"}' },
  { labels: { pod: "a", node: "n1" }, want: '{pod="a", node="n1"}' },
])("seriesLabel($labels)", ({ labels, want }) => expect(seriesLabel(labels, "cpu")).toBe(want));

test("merges series by timestamp in time order, leaving gaps, and caps the number of lines", () => {
  const out = toChartRows(
    [
      { key: "a", points: [[2, 1.23456], [1, 2]] },
      { key: "b", points: [[2, 3]] },
      { key: "c", points: [[3, 4]] },
    ],
    2,
  );
  expect(out).toEqual({ rows: [{ t: 1, a: 2 }, { t: 2, a: 1.235, b: 3 }], keys: ["a", "b"], hidden: 1 });
  expect(toChartRows([])).toEqual({ rows: [], keys: [], hidden: 0 });
});

test("fills gaps with the given value for stacked charts", () => {
  const out = toChartRows([{ key: "a", points: [[1, 5]] }, { key: "b", points: [[2, 3]] }], 12, 0);
  expect(out.rows).toEqual([{ t: 1, a: 5, b: 0 }, { t: 2, a: 0, b: 3 }]);
});

const a = { key: "a", points: [[1, 1], [2, 2], [3, 3]] as Array<[number, number]> };
const b = { key: "b", points: [[2, 10], [3, 20], [4, 30]] as Array<[number, number]> };

test("sumSeries adds whatever series have a point at each step", () => {
  expect(sumSeries("total", [a, b])).toEqual({ key: "total", points: [[1, 1], [2, 12], [3, 23], [4, 30]] });
  expect(sumSeries("total", [])).toEqual({ key: "total", points: [] });
});

test("countSeries counts the series reporting at each step", () => {
  expect(countSeries("pods", [a, b]).points).toEqual([[1, 1], [2, 2], [3, 2], [4, 1]]);
});

test("ratioSeries: shared steps only; 0/0 is 0, n/0 is left out", () => {
  const errors = { key: "e", points: [[1, 1], [2, 0], [3, 2], [5, 1]] as Array<[number, number]> };
  const requests = { key: "r", points: [[1, 4], [2, 0], [3, 0], [4, 9]] as Array<[number, number]> };
  expect(ratioSeries("error %", errors, requests)).toEqual({ key: "error %", points: [[1, 25], [2, 0]] });
});

test("seriesByLabel: one summed series per label value, sorted; a missing label groups under the empty value", () => {
  const views = [
    { labels: { node: "n2", pod: "x" }, points: [[0, 1]] as Array<[number, number]> },
    { labels: { node: "n1", pod: "y" }, points: [[0, 2], [10, 2]] as Array<[number, number]> },
    { labels: { node: "n1", pod: "z" }, points: [[0, 3]] as Array<[number, number]> },
    { labels: {} as Record<string, string>, points: [[0, 9]] as Array<[number, number]> },
  ];
  expect(seriesByLabel("node", views)).toEqual([
    { key: "", points: [[0, 9]] },
    { key: "n1", points: [[0, 5], [10, 2]] },
    { key: "n2", points: [[0, 1]] },
  ]);
});
