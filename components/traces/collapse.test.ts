import { expect, test } from "vitest";
import { attributeText, visibleRows } from "./collapse";

const rows = ([["a", 0], ["b", 1], ["c", 2], ["d", 1], ["e", 0], ["f", 1]] as const).map(([spanId, depth]) => ({ span: { spanId }, depth }));
const ids = (collapsed: string[]) => visibleRows(rows, new Set(collapsed)).map((r) => r.span.spanId).join("");

test.each([
  [[], "abcdef"],
  [["b"], "abdef"],
  [["a"], "aef"],
  [["a", "b"], "aef"],
  [["c"], "abcdef"],
  [["b", "e"], "abde"],
])("folding %j shows %s", (collapsed, shown) => {
  expect(ids(collapsed)).toBe(shown);
});

test.each([
  ["GET", "GET"],
  [200, "200"],
  [true, "true"],
  [null, "null"],
  [["a", 1], '["a",1]'],
  [{ k: "v" }, '{"k":"v"}'],
])("attributeText(%j) = %s", (value, text) => {
  expect(attributeText(value)).toBe(text);
});
