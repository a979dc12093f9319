import { expect, test } from "vitest";
import { seriesLabel, toChartRows } from "./metric-series-data";

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
