import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { alertLabels, breaches, combineSeries, evaluateRule } from "./evaluate";
import { fingerprint } from "./fingerprint";
import type { AlertAggregation, Comparison } from "./types";

describe("breaches", () => {
  test.each<[number, Comparison, number, boolean]>([
    [5, "gt", 4, true],
    [4, "gt", 4, false],
    [4, "ge", 4, true],
    [3, "ge", 4, false],
    [3, "lt", 4, true],
    [4, "lt", 4, false],
    [4, "le", 4, true],
    [5, "le", 4, false],
  ])("%d %s %d → %s", (value, op, threshold, expected) => {
    expect(breaches(value, op, threshold)).toBe(expected);
  });
});

describe("combineSeries", () => {
  test.each<[AlertAggregation, number]>([
    ["avg", 2],
    ["min", 1],
    ["max", 3],
    ["p50", 3],
    ["p95", 3],
    ["p99", 3],
    ["sum", 6],
    ["last", 6],
    ["rate", 6],
  ])("%s of [1, 2, 3] across series is %d", (agg, expected) => {
    expect(combineSeries(agg, [1, 2, 3])).toBe(expected);
  });

  test("one series is its own value for every aggregation", () => {
    fc.assert(
      fc.property(fc.constantFrom<AlertAggregation>("avg", "min", "max", "sum", "last", "rate", "p50", "p95", "p99"), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (agg, v) => {
        expect(combineSeries(agg, [v])).toBe(v);
      }),
    );
  });
});

describe("evaluateRule", () => {
  const rule = { aggregation: "max" as const, operator: "gt" as const, threshold: 300, groupBy: ["pool"] };

  test("splits series by the groupBy labels and compares each group with the threshold", () => {
    const groups = evaluateRule(rule, [
      { labels: { pool: "web", backend: "a" }, value: 250 },
      { labels: { pool: "web", backend: "b" }, value: 412 },
      { labels: { pool: "api", backend: "c" }, value: 120 },
    ]);
    expect(groups).toEqual([
      { groupLabels: { pool: "web" }, fingerprint: fingerprint({ pool: "web" }), value: 412, breaching: true, seriesCount: 2 },
      { groupLabels: { pool: "api" }, fingerprint: fingerprint({ pool: "api" }), value: 120, breaching: false, seriesCount: 1 },
    ]);
  });

  test("without groupBy every series makes one group; a missing group label reads as empty", () => {
    expect(evaluateRule({ ...rule, aggregation: "sum", groupBy: [] }, [{ labels: { pool: "web" }, value: 200 }, { labels: {}, value: 150 }])).toEqual([
      { groupLabels: {}, fingerprint: fingerprint({}), value: 350, breaching: true, seriesCount: 2 },
    ]);
    expect(evaluateRule(rule, [{ labels: {}, value: 1 }])[0]!.groupLabels).toEqual({ pool: "" });
  });

  test("series without a finite value are left out, and a group with none does not appear", () => {
    expect(evaluateRule(rule, [{ labels: { pool: "web" }, value: Number.NaN }, { labels: { pool: "api" }, value: Number.POSITIVE_INFINITY }])).toEqual([]);
    expect(evaluateRule(rule, [])).toEqual([]);
  });
});

test("alert labels: the group's override the rule's, which override alertname and severity", () => {
  expect(alertLabels({ name: "latency", severity: "warning", labels: { team: "web", pool: "x" } }, { pool: "web" })).toEqual({
    alertname: "latency",
    severity: "warning",
    team: "web",
    pool: "web",
  });
});
