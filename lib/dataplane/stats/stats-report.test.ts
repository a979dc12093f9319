import { describe, expect, test } from "vitest";
import { RequestCounters } from "./request-counters";
import { poolStats } from "./stats-report";

describe("poolStats (the GET /api/v1/pools/{id}/stats contract)", () => {
  test("totals, averages and per-backend percentiles with exactly the contract's keys", () => {
    const pool = new RequestCounters();
    const backend = new RequestCounters();
    for (const [ms, failed] of [
      [2, false],
      [4, false],
      [30, true],
    ] as const) {
      pool.started();
      backend.started();
      backend.finished(ms, failed);
      pool.finished(ms + 1, failed);
    }
    pool.started(); // one still in flight
    const stats = poolStats(pool, [{ id: "b1", address: "127.0.0.1", port: 8080, health: "healthy", ejected: false, refusedReason: null, counters: backend }]);
    expect(Object.keys(stats)).toEqual(["totalRequests", "successfulRequests", "failedRequests", "averageResponseTimeMs", "activeConnections", "backends"]);
    expect(stats).toMatchObject({ totalRequests: 3, successfulRequests: 2, failedRequests: 1, averageResponseTimeMs: 13, activeConnections: 1 });
    const [b] = stats.backends;
    expect(Object.keys(b!)).toEqual([
      "id",
      "address",
      "port",
      "health",
      "ejected",
      "activeConnections",
      "totalRequests",
      "failedRequests",
      "averageResponseTimeMs",
      "p50Ms",
      "p99Ms",
      "histogram",
    ]);
    expect(b).toMatchObject({ activeConnections: 0, totalRequests: 3, failedRequests: 1, averageResponseTimeMs: 12, p50Ms: 3.5, p99Ms: 49.25 });
  });

  test("a refused backend says why", () => {
    const stats = poolStats(new RequestCounters(), [
      { id: "m", address: "169.254.169.254", port: 80, health: "unknown", ejected: false, refusedReason: "denied", counters: new RequestCounters() },
    ]);
    expect(stats.backends[0]).toMatchObject({ refusedReason: "denied", totalRequests: 0, p50Ms: 0 });
  });

  test("an empty pool", () => {
    expect(poolStats(new RequestCounters(), [])).toEqual({
      totalRequests: 0,
      successfulRequests: 0,
      failedRequests: 0,
      averageResponseTimeMs: 0,
      activeConnections: 0,
      backends: [],
    });
  });
});
