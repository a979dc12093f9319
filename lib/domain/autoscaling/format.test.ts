import { describe, expect, test } from "vitest";
import { fmt, plural } from "./format";

describe("explanation number formatting", () => {
  test.each([
    { value: 4, text: "4" },
    { value: 1.5, text: "1.5" },
    { value: 1 / 3, text: "0.33" },
    { value: 1.005e3, text: "1005" },
    { value: Number.POSITIVE_INFINITY, text: "Infinity" },
    { value: Number.NaN, text: "NaN" },
  ])("fmt($value) = $text", ({ value, text }) => {
    expect(fmt(value)).toBe(text);
  });

  test.each([
    { count: 0, text: "0 pods" },
    { count: 1, text: "1 pod" },
    { count: 2, text: "2 pods" },
  ])("plural($count) = $text", ({ count, text }) => {
    expect(plural(count, "pod")).toBe(text);
  });
});
