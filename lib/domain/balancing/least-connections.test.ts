import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { seededRng } from "../random";
import type { Balancer, BackendView } from "./types";

const backend = (id: string, weight = 1, activeConnections = 0): BackendView => ({
  id,
  address: "10.0.0.1",
  port: 80,
  weight,
  maxConnections: 100,
  health: "healthy",
  activeConnections,
});
const rng = seededRng(5);

/** Pick and start a request each time, as the proxy does. */
function startPicks(b: Balancer, n: number): string {
  return Array.from({ length: n }, () => {
    const id = b.pick({ now: 0, rng }).backend?.id ?? "-";
    b.onStart(id);
    return id;
  }).join(",");
}

describe("least_connections (nginx least_conn: fewest active/weight; ties rotate)", () => {
  test.each<[string, BackendView[], number, string]>([
    ["fewest active wins", [backend("a", 1, 3), backend("b", 1, 1), backend("c", 1, 2)], 1, "b"],
    ["ties rotate instead of always taking the first (seed minimumBy bias)", [backend("a"), backend("b"), backend("c")], 6, "a,b,c,a,b,c"],
    ["weight-aware: 2 active on weight 4 (0.5) beats 1 active on weight 1", [backend("a", 1, 1), backend("b", 4, 2)], 1, "b"],
    ["weight 3 vs 1 under load → 3:1", [backend("a", 3), backend("b", 1)], 8, "a,b,a,a,b,a,a,a"],
  ])("%s", (_name, backends, n, expected) => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends(backends, 0);
    expect(startPicks(balancer, n)).toBe(expected);
  });

  test("finishing requests lowers the load again", () => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends([backend("a", 1, 5), backend("b", 1, 1)], 0);
    for (let i = 0; i < 5; i++) balancer.onFinish("a", { ok: true, latencyMs: 1, now: 0 });
    expect(balancer.pick({ now: 0, rng }).backend?.id).toBe("a");
    expect(balancer.snapshot(0).backends.map((b) => b.activeConnections)).toEqual([0, 1]);
  });

  test("the heap follows backends leaving and re-entering", () => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends([backend("a"), backend("b", 1, 4), backend("c", 1, 2), backend("d", 1, 3)], 0);
    balancer.setHealth("a", "unhealthy");
    expect(balancer.pick({ now: 0, rng }).backend?.id).toBe("c");
    balancer.setHealth("c", "unhealthy");
    expect(balancer.pick({ now: 0, rng }).backend?.id).toBe("d");
    balancer.setHealth("a", "healthy");
    expect(balancer.pick({ now: 0, rng }).backend?.id).toBe("a");
  });
});
