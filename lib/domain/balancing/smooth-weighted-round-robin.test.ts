import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { seededRng } from "../random";
import type { BackendView } from "./types";

const backend = (id: string, weight: number): BackendView => ({
  id,
  address: "10.0.0.1",
  port: 8080,
  weight,
  maxConnections: Number.POSITIVE_INFINITY,
  health: "healthy",
});

function picks(weights: Record<string, number>, count: number, before: (b: ReturnType<typeof createBalancer>) => void = () => {}) {
  const balancer = createBalancer("weighted_round_robin");
  balancer.setBackends(Object.entries(weights).map(([id, w]) => backend(id, w)), 0);
  before(balancer);
  const rng = seededRng(1);
  return Array.from({ length: count }, () => balancer.pick({ now: 0, rng }).backend?.id).join(",");
}

describe("weighted_round_robin follows nginx smooth WRR", () => {
  test.each([
    ["nginx smooth WRR: 5:1:1 → a,a,b,a,c,a,a", { a: 5, b: 1, c: 1 }, 7, "a,a,b,a,c,a,a"],
    ["nginx smooth WRR: 2:1 → a,b,a", { a: 2, b: 1 }, 3, "a,b,a"],
    ["equal weights rotate", { a: 1, b: 1, c: 1 }, 6, "a,b,c,a,b,c"],
    ["fractional weights round (2.4 → 2)", { a: 2.4, b: 1 }, 3, "a,b,a"],
  ])("%s", (_name, weights, count, expected) => {
    expect(picks(weights, count)).toBe(expected);
  });

  test.each([
    [
      "nginx failure: effective drops by weight/max_fails (3 → 0), recovers +1 per round",
      (b: ReturnType<typeof createBalancer>) => b.onFinish("a", { ok: false, latencyMs: 5, now: 0 }),
      "b,a,b,a,a,a,b,a",
    ],
    [
      "a success does not change effective weight",
      (b: ReturnType<typeof createBalancer>) => b.onFinish("a", { ok: true, latencyMs: 5, now: 0 }),
      "a,a,b,a,a,a,b,a",
    ],
  ])("%s", (_name, before, expected) => {
    expect(picks({ a: 3, b: 1 }, 8, before)).toBe(expected);
  });

  test("the snapshot shows the effective weight dropping and recovering", () => {
    const balancer = createBalancer("weighted_round_robin", { maxFails: 3 });
    balancer.setBackends([backend("a", 6), backend("b", 1)], 0);
    balancer.onFinish("a", { ok: false, latencyMs: 5, now: 0 });
    expect(balancer.snapshot(0).backends[0]?.effectiveWeight).toBe(4);
    balancer.pick({ now: 0, rng: seededRng(1) });
    expect(balancer.snapshot(0).backends[0]?.effectiveWeight).toBe(5);
  });

  test("maxFails 0 disables the failure penalty", () => {
    const balancer = createBalancer("weighted_round_robin", { maxFails: 0 });
    balancer.setBackends([backend("a", 6)], 0);
    balancer.onFinish("a", { ok: false, latencyMs: 5, now: 0 });
    expect(balancer.snapshot(0).backends[0]?.effectiveWeight).toBe(6);
  });

  test("a changed weight keeps the rotation going without restarting it", () => {
    const balancer = createBalancer("weighted_round_robin");
    balancer.setBackends([backend("a", 1), backend("b", 1)], 0);
    const rng = seededRng(1);
    expect(balancer.pick({ now: 0, rng }).backend?.id).toBe("a");
    balancer.setBackends([backend("a", 1), backend("b", 3)], 0);
    const next = Array.from({ length: 4 }, () => balancer.pick({ now: 0, rng }).backend?.id).join(",");
    expect(next).toBe("b,b,a,b");
  });
});
