import { describe, expect, test } from "vitest";
import type { EnginePod, PoolWithBackends } from "@/lib/server/dal/engine/snapshot";
import { planEndpoints } from "./endpoint-plan";

const pod = (id: string, over: Partial<EnginePod> = {}): EnginePod =>
  ({ id, name: `web-${id}`, ownerId: "web", phase: "running", ready: true, hostPort: 4000 + Number(id.replace(/\D/g, "")), message: null, ...over }) as EnginePod;

const backend = (podId: string | null, port: number, health: "healthy" | "unhealthy" | "unknown" = "healthy") => ({
  id: `b-${podId ?? port}`,
  poolId: "pool",
  address: "127.0.0.1",
  port,
  weight: 1,
  maxConnections: 100,
  health,
  disabled: false,
  podId,
  version: 1,
  createdAt: "",
  updatedAt: "",
});

const pool = (backends: ReturnType<typeof backend>[]) => ({ id: "pool", ownerId: "web", backends }) as unknown as PoolWithBackends;

describe("planEndpoints", () => {
  test("ready pods of the owner become endpoints; other workloads' pods and pods without a port do not", () => {
    const plan = planEndpoints(pool([]), [pod("p1"), pod("p2", { ownerId: "api" }), pod("p3", { hostPort: null }), pod("p4", { phase: "pending", ready: false })]);
    expect(plan).toEqual({ endpoints: [{ podId: "p1", address: "127.0.0.1", port: 4001 }], turnUnhealthy: [], changed: true });
  });

  test("nothing to do when the backends already match the ready pods", () => {
    const plan = planEndpoints(pool([backend("p1", 4001), backend("p2", 4002)]), [pod("p2"), pod("p1")]);
    expect(plan).toMatchObject({ turnUnhealthy: [], changed: false });
  });

  test("a pod that exists but is not ready keeps its backend, to be marked unhealthy once", () => {
    const failed = pod("p2", { phase: "failed", ready: false, message: "killed" });
    const plan = planEndpoints(pool([backend("p1", 4001), backend("p2", 4002)]), [pod("p1"), failed]);
    expect(plan.changed).toBe(false);
    expect(plan.endpoints.map((e) => e.podId)).toEqual(["p1", "p2"]);
    expect(plan.turnUnhealthy.map(({ backend: b, pod: p }) => [b.id, p.id])).toEqual([["b-p2", "p2"]]);
    const again = planEndpoints(pool([backend("p1", 4001), backend("p2", 4002, "unhealthy")]), [pod("p1"), failed]);
    expect(again.turnUnhealthy).toEqual([]);
  });

  test("a backend whose pod is gone is dropped; a pod on a new port is re-registered; manual backends are left alone", () => {
    const plan = planEndpoints(pool([backend("p1", 4001), backend("gone", 4999), backend(null, 8080)]), [pod("p1", { hostPort: 5001 })]);
    expect(plan).toEqual({ endpoints: [{ podId: "p1", address: "127.0.0.1", port: 5001 }], turnUnhealthy: [], changed: true });
  });
});
