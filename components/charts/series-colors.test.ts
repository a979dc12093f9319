import { expect, test } from "vitest";
import { PALETTE, seriesColors } from "./series-colors";

test("a series keeps its colour whatever else is drawn and in whatever order", () => {
  const alone = seriesColors(["web-1"]);
  const among = seriesColors(["zeta", "web-1"]);
  expect(among["web-1"]).toBe(alone["web-1"]);
  expect(seriesColors(["b", "a"])).toEqual(seriesColors(["a", "b"]));
});

test("colours are distinct while there are no more series than colours, then repeat", () => {
  const keys = Array.from({ length: PALETTE.length }, (_, i) => `pod-${i}`);
  expect(new Set(Object.values(seriesColors(keys))).size).toBe(PALETTE.length);
  const more = seriesColors([...keys, "one-more"]);
  expect(Object.keys(more)).toHaveLength(PALETTE.length + 1);
  expect(PALETTE).toContain(more["one-more"]);
});
