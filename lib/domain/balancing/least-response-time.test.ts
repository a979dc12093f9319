import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { DEFAULT_RTT_MS } from "./least-response-time";
import { seededRng } from "../random";
import type { Balancer, BackendView } from "./types";

const backend = (id: string, activeConnections = 0): BackendView => ({
  id,
  address: "10.0.0.1",
  port: 80,
  weight: 1,
  maxConnections: 100,
  health: "healthy",
  activeConnections,
});

function sampled(samples: Record<string, number>, active: Record<string, number> = {}): Balancer {
  const balancer = createBalancer("least_response_time");
  balancer.setBackends(Object.keys(samples).map((id) => backend(id, active[id] ?? 0)), 0);
  for (const [id, latencyMs] of Object.entries(samples)) balancer.onFinish(id, { latencyMs, ok: true, now: 1 });
  return balancer;
}

describe("least_response_time (Linkerd/Finagle P2C over peak-EWMA × (in-flight + 1))", () => {
  test.each<[string, Record<string, number>, Record<string, number>, string]>([
    ["with two backends P2C always compares both: the faster wins", { a: 200, b: 20 }, {}, "b"],
    ["in-flight requests count: 20 ms × 10 loses to 100 ms × 1", { a: 100, b: 20 }, { b: 9 }, "a"],
  ])("%s", (_name, samples, active, expected) => {
    const balancer = sampled(samples, active);
    const rng = seededRng(9);
    for (let i = 0; i < 20; i++) expect(balancer.pick({ now: 2, rng }).backend?.id).toBe(expected);
  });

  test("P2C never picks the slowest of many, and spreads over the others", () => {
    const balancer = sampled({ a: 10, b: 10, c: 10, d: 10, slow: 5_000 });
    const rng = seededRng(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2_000; i++) {
      const id = balancer.pick({ now: 2, rng }).backend?.id ?? "-";
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    expect(counts.has("slow")).toBe(false);
    for (const id of ["a", "b", "c", "d"]) expect(counts.get(id)).toBeGreaterThan(300);
  });

  test("a single eligible backend is picked without sampling; none → no pick", () => {
    const balancer = sampled({ a: 50 });
    expect(balancer.pick({ now: 2, rng: () => 0.5 }).backend?.id).toBe("a");
    balancer.setHealth("a", "unhealthy");
    expect(balancer.pick({ now: 2, rng: () => 0.5 }).backend).toBeNull();
  });

  test(`new backends start at the default RTT (${DEFAULT_RTT_MS} ms, Linkerd) decaying from when they joined`, () => {
    const balancer = createBalancer("least_response_time", { ewmaDecayMs: 1_000 });
    balancer.setBackends([backend("a")], 5_000);
    expect(balancer.snapshot(5_000).backends[0]?.latencyEstimateMs).toBe(DEFAULT_RTT_MS);
    expect(balancer.snapshot(6_000).backends[0]?.latencyEstimateMs).toBeCloseTo(DEFAULT_RTT_MS * Math.exp(-1), 9);
  });

  test("the configured default RTT is used and negative latencies count as 0", () => {
    const balancer = createBalancer("least_response_time", { defaultRttMs: 1_000 });
    balancer.setBackends([backend("a")], 0);
    balancer.onFinish("a", { latencyMs: -5, ok: true, now: 0 });
    expect(balancer.snapshot(0).backends[0]?.latencyEstimateMs).toBe(1_000);
  });
});
