import { expect, test } from "vitest";
import { parseSpan } from "./query-time";

test.each([
  ["30s", 30_000],
  ["15m", 900_000],
  ["6h", 21_600_000],
  ["2d", 172_800_000],
  ["0m", 0],
])("parseSpan(%s) = %i ms", (text, ms) => expect(parseSpan(text)).toBe(ms));

test.each([undefined, "", "15", "1w", "-5m", "1.5h", "1700000000000", "2026-01-01T00:00:00Z", "1234567m"])("parseSpan(%j) is not a span", (text) => {
  expect(parseSpan(text)).toBeNull();
});
