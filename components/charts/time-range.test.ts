import { describe, expect, test } from "vitest";
import { parseSpan } from "@/lib/telemetry/query-time";
import {
  apiTimeParams,
  describeRange,
  parseInstant,
  parseTimeRange,
  presetCovering,
  RANGES,
  rangeKey,
  refetchIntervalOf,
  stepFor,
  toLocalInput,
  windowFor,
  withoutTimeKeys,
  type RangeKey,
} from "./time-range";

describe("parseTimeRange", () => {
  test("defaults: the last 15 minutes, refreshed every 15 s", () => {
    expect(parseTimeRange({})).toEqual({ kind: "preset", range: "15m", refresh: "15s" });
  });
  test.each([
    [{ range: "6h", refresh: "off" }, { kind: "preset", range: "6h", refresh: "off" }],
    [{ range: "3d", refresh: "1s" }, { kind: "preset", range: "15m", refresh: "15s" }],
    [{ range: "constructor" }, { kind: "preset", range: "15m", refresh: "15s" }],
    [{ from: "1000", to: "61000", refresh: "5s" }, { kind: "custom", from: 1000, to: 61_000, refresh: "off" }],
    [{ from: "2026-01-01T00:00:00Z", to: "2026-01-01T01:00:00Z" }, { kind: "custom", from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 1, 1), refresh: "off" }],
    // A backwards or half-given window falls back to the preset.
    [{ from: "5000", to: "1000", range: "1h" }, { kind: "preset", range: "1h", refresh: "15s" }],
    [{ from: "5000" }, { kind: "preset", range: "15m", refresh: "15s" }],
    // A link's span back from now (`/logs?from=1h`) is that preset, or the shortest one covering it; `range` wins.
    [{ from: "1h" }, { kind: "preset", range: "1h", refresh: "15s" }],
    [{ from: "60m", refresh: "off" }, { kind: "preset", range: "1h", refresh: "off" }],
    [{ from: "30m" }, { kind: "preset", range: "1h", refresh: "15s" }],
    [{ from: "30d" }, { kind: "preset", range: "7d", refresh: "15s" }],
    [{ from: "1h", range: "6h" }, { kind: "preset", range: "6h", refresh: "15s" }],
  ])("%j", (query, want) => expect(parseTimeRange(query)).toEqual(want));

  test("a page's own default applies only when the URL names no range", () => {
    expect(parseTimeRange({}, "1h")).toEqual({ kind: "preset", range: "1h", refresh: "15s" });
    expect(parseTimeRange({ range: "bogus" }, "1h")).toMatchObject({ range: "1h" });
    expect(parseTimeRange({ from: "15m" }, "1h")).toMatchObject({ range: "15m" });
  });
});

test("presetCovering: the shortest preset at least as long as the span", () => {
  expect(presetCovering(0)).toBe("5m");
  expect(presetCovering(5 * 60_000)).toBe("5m");
  expect(presetCovering(5 * 60_000 + 1)).toBe("15m");
  expect(presetCovering(8 * 86_400_000)).toBe("7d");
});

describe("apiTimeParams", () => {
  test.each(Object.keys(RANGES) as RangeKey[])("preset %s is sent as the span the API reads back from now", (key) => {
    const params = apiTimeParams({ kind: "preset", range: key, refresh: "15s" });
    expect(params).toEqual({ from: key, to: undefined });
    expect(parseSpan(params.from)).toBe(RANGES[key].ms);
  });
  test("a fixed window is sent as ISO instants, and reads back as the same window", () => {
    const window = { kind: "custom", from: Date.UTC(2026, 0, 1), to: Date.UTC(2026, 0, 1, 1), refresh: "off" } as const;
    const params = apiTimeParams(window);
    expect(params).toEqual({ from: "2026-01-01T00:00:00.000Z", to: "2026-01-01T01:00:00.000Z" });
    expect(parseTimeRange(params)).toEqual(window);
  });
});

test("parseInstant: epoch ms or ISO, null otherwise", () => {
  expect(parseInstant("1764000000000")).toBe(1_764_000_000_000);
  expect(parseInstant("2026-01-01T00:00:00.000Z")).toBe(Date.UTC(2026, 0, 1));
  expect(parseInstant("yesterday")).toBeNull();
  expect(parseInstant(undefined)).toBeNull();
});

test.each([
  [5 * 60_000, 10],
  [15 * 60_000, 10],
  [3_600_000, 30],
  [6 * 3_600_000, 300],
  [86_400_000, 900],
  [7 * 86_400_000, 7200],
  [400 * 86_400_000, 86_400],
])("stepFor(%i) = %i s: at most 120 points, never finer than the 10 s recording", (span, step) => {
  expect(stepFor(span)).toBe(step);
  if (step < 86_400) expect(span / (step * 1000)).toBeLessThanOrEqual(120);
});

test("a preset's window ends now and starts on a step boundary, so polls share their steps", () => {
  const now = 1_000_000_123;
  const w = windowFor({ kind: "preset", range: "1h", refresh: "15s" }, now);
  expect(w).toEqual({ from: 996_390_000, to: now, step: 30 });
  expect(w.from % 30_000).toBe(0);
  expect(windowFor({ kind: "preset", range: "1h", refresh: "15s" }, now + 5_000).from).toBe(w.from);
});

test("a custom window is queried as given", () => {
  expect(windowFor({ kind: "custom", from: 0, to: 86_400_000, refresh: "off" }, 5)).toEqual({ from: 0, to: 86_400_000, step: 900 });
});

test("keys, refresh and descriptions", () => {
  const preset = { kind: "preset", range: "5m", refresh: "off" } as const;
  const custom = { kind: "custom", from: 1, to: 2, refresh: "off" } as const;
  expect(rangeKey(preset)).toBe("5m");
  expect(rangeKey(custom)).toBe("1-2");
  expect(refetchIntervalOf(preset)).toBe(false);
  expect(refetchIntervalOf({ ...preset, refresh: "5s" })).toBe(5_000);
  expect(describeRange(preset, String)).toBe("the last 5 min");
  expect(describeRange(custom, String)).toBe("1 to 2");
});

test("toLocalInput writes the browser zone's wall clock (offset in minutes behind UTC)", () => {
  expect(toLocalInput(Date.UTC(2026, 0, 1, 12, 30), 0)).toBe("2026-01-01T12:30");
  expect(toLocalInput(Date.UTC(2026, 0, 1, 12, 30), -60)).toBe("2026-01-01T13:30"); // UTC+1
});

test("withoutTimeKeys leaves a page's own filters, in order", () => {
  expect(withoutTimeKeys(["from", "service", "to", "range", "cursor", "refresh"])).toEqual(["service", "cursor"]);
});
