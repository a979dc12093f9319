import { expect, test } from "vitest";
import { decodeTraceCursor, encodeTraceCursor } from "./query";
import { resolveQueryTime } from "@/lib/telemetry/query-time";

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);

test.each([
  ["15m", NOW - 15 * 60_000],
  ["6h", NOW - 6 * 3_600_000],
  ["2d", NOW - 2 * 86_400_000],
  ["30s", NOW - 30_000],
  ["1764000000000", 1_764_000_000_000],
  ["2026-11-25T11:00:00Z", NOW - 3_600_000],
])("resolveQueryTime(%s)", (text, ms) => {
  expect(resolveQueryTime(text, NOW)).toBe(ms);
});

test("an unreadable time is NaN", () => {
  expect(resolveQueryTime("yesterday-ish", NOW)).toBeNaN();
});

test("cursors round-trip; a malformed one is null", () => {
  const trace = "0af7651916cd43dd8448eb211c80319c";
  expect(decodeTraceCursor(encodeTraceCursor(1_764_000_000_123_456, trace))).toEqual({ startUs: 1_764_000_000_123_456, traceId: trace });
  expect(decodeTraceCursor("12-nothex")).toBeNull();
});
