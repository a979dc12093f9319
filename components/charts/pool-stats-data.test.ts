import { expect, test } from "vitest";
import type { PoolStatsView } from "@/lib/server/dal/pool-stats";
import { appendRatePoint } from "./pool-stats-data";

const stats = (at: string | null, total: number, failed: number): PoolStatsView => ({
  at,
  totalRequests: total,
  successfulRequests: total - failed,
  failedRequests: failed,
  averageResponseTimeMs: 12.34,
  activeConnections: 0,
  backends: [],
});

test("rates come from the difference of two readings", () => {
  const points = appendRatePoint([], stats("2026-01-01T00:00:00Z", 100, 1), stats("2026-01-01T00:00:02Z", 150, 3));
  expect(points).toEqual([{ t: Date.parse("2026-01-01T00:00:02Z"), rps: 25, errorsPerSec: 1, avgMs: 12.3 }]);
});

test("the same reading twice, or no previous one, adds nothing", () => {
  const a = stats("2026-01-01T00:00:00Z", 100, 0);
  expect(appendRatePoint([], null, a)).toEqual([]);
  expect(appendRatePoint([], a, a)).toEqual([]);
  expect(appendRatePoint([], stats(null, 0, 0), a)).toEqual([]);
});

test("a counter reset restarts the series; the series is capped", () => {
  const before = [{ t: 1, rps: 1, errorsPerSec: 0, avgMs: 1 }];
  expect(appendRatePoint(before, stats("2026-01-01T00:00:00Z", 100, 0), stats("2026-01-01T00:00:01Z", 5, 0))).toEqual([]);
  let points = before;
  for (let i = 1; i <= 5; i++) points = appendRatePoint(points, stats(`2026-01-01T00:00:0${i - 1}Z`, i, 0), stats(`2026-01-01T00:00:0${i}Z`, i + 1, 0), 3);
  expect(points).toHaveLength(3);
});
