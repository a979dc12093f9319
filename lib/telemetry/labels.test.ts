import { expect, test } from "vitest";
import { canonicalLabels, labelsHash, matchesLabels, parseLabelFilter, type Labels } from "./labels";

test("label order does not change a series' identity", () => {
  expect(labelsHash({ b: "2", a: "1" })).toBe(labelsHash({ a: "1", b: "2" }));
  expect(labelsHash({ a: "1" })).not.toBe(labelsHash({ a: "2" }));
  expect(Object.keys(canonicalLabels({ z: "", a: "", m: "" }))).toEqual(["a", "m", "z"]);
});

test.each([
  { text: undefined, want: {} },
  { text: " ", want: {} },
  { text: "pool=web", want: { pool: "web" } },
  { text: 'pool = web , service.name="a, b"', want: { error: expect.any(String) } }, // a comma inside quotes is not supported
  { text: 'service.name="api"', want: { "service.name": "api" } },
  { text: "pool", want: { error: expect.any(String) } },
  { text: "1x=a", want: { error: expect.any(String) } },
])("parseLabelFilter($text)", ({ text, want }) => expect(parseLabelFilter(text)).toEqual(want));

test.each<{ labels: Labels; matcher: Labels; want: boolean }>([
  { labels: { a: "1", b: "2" }, matcher: { a: "1" }, want: true },
  { labels: { a: "1" }, matcher: { a: "2" }, want: false },
  { labels: {}, matcher: {}, want: true },
  { labels: {}, matcher: { a: "" }, want: false },
])("matchesLabels($labels, $matcher) = $want", ({ labels, matcher, want }) => expect(matchesLabels(labels, matcher)).toBe(want));
