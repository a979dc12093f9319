import type { PoolStatsView } from "@/lib/server/dal/pool-stats";

export interface RatePoint {
  t: number;
  rps: number;
  errorsPerSec: number;
  avgMs: number;
}

/**
 * Turn successive cumulative counters into per-second rates for a live chart: each new reading adds a point with
 * the requests and errors since the previous one. A counter that went down (the worker restarted) restarts the
 * series. Keeps the last `max` points.
 */
export function appendRatePoint(points: RatePoint[], previous: PoolStatsView | null, current: PoolStatsView, max = 120): RatePoint[] {
  if (!previous?.at || !current.at || previous.at === current.at) return points;
  const seconds = (Date.parse(current.at) - Date.parse(previous.at)) / 1000;
  const requests = current.totalRequests - previous.totalRequests;
  const errors = current.failedRequests - previous.failedRequests;
  if (seconds <= 0 || requests < 0 || errors < 0) return [];
  const point = { t: Date.parse(current.at), rps: round(requests / seconds), errorsPerSec: round(errors / seconds), avgMs: round(current.averageResponseTimeMs) };
  return [...points, point].slice(-max);
}

const round = (n: number) => Math.round(n * 10) / 10;
