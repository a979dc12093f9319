import { expect, test } from "vitest";
import { formatDuration, formatMiB, formatMillicores, relativeTime } from "./format";

const now = Date.parse("2026-01-01T12:00:00Z");
test.each([
  ["2026-01-01T11:59:50Z", "just now"],
  ["2026-01-01T11:55:00Z", "5 min ago"],
  ["2026-01-01T09:00:00Z", "3 h ago"],
  ["2025-12-29T12:00:00Z", "3 d ago"],
])("relativeTime(%s)", (t, expected) => expect(relativeTime(t, now)).toBe(expected));

test.each([
  [250, "250m"],
  [1000, "1 cores"],
  [1500, "1.5 cores"],
])("formatMillicores(%d)", (m, s) => expect(formatMillicores(m)).toBe(s));

test.each([
  [512, "512 MiB"],
  [2048, "2 GiB"],
  [1536, "1.5 GiB"],
])("formatMiB(%d)", (m, s) => expect(formatMiB(m)).toBe(s));

test.each([
  [-5, "0 s"],
  [400, "0.4 s"],
  [9_960, "10 s"],
  [12_300, "12 s"],
  [119_600, "2 min"],
  [185_000, "3 min 5 s"],
  [7_800_000, "2 h 10 min"],
  [3 * 86_400_000 + 5, "3 d"],
])("formatDuration(%d)", (ms, s) => expect(formatDuration(ms)).toBe(s));
