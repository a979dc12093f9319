import { expect, test } from "vitest";
import type { EngineSnapshot } from "@/lib/server/dal/engine/snapshot";
import { DataPlaneEvents, healthTransitionEvent, TrafficNames } from "./traffic-events";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const names = new TrafficNames();
names.update({
  pools: [{ id: "p1", name: "web", backends: [{ id: "b1", address: "127.0.0.1", port: 4001, podId: "pod-1" }] }],
  pods: [{ id: "pod-1", name: "web-abc12", nodeName: "node-a", ownerId: "w1", labels: {} }],
  workloads: [{ id: "w1", name: "web" }],
} as unknown as Pick<EngineSnapshot, "pools" | "pods" | "workloads">);

test("a health transition names the pool, backend and pod", () => {
  const e = healthTransitionEvent({ poolId: "p1", backendId: "b1", from: "healthy", to: "unhealthy", reason: "timeout", detail: "no response within 2000 ms", at: 0 }, names);
  expect(e).toEqual({
    level: "warn",
    message: "pool web: backend 127.0.0.1:4001 (pod web-abc12) is unhealthy (was healthy): no response within 2000 ms",
    pod: "web-abc12",
    node: "node-a",
    workload: "web",
    labels: { pool: "web", backend: "127.0.0.1:4001", reason: "timeout" },
  });
});

test("data-plane events: source dataplane, the request's trace id, and the noisy ones throttled with a count", () => {
  const events = new DataPlaneEvents(names);
  expect(events.toEvent({ type: "listening", poolId: "p1", port: 8080 }, 0)).toMatchObject({ source: "dataplane", level: "info", message: "pool web: listening on port 8080" });
  expect(events.toEvent({ type: "upstream_retry", poolId: "p1", backendId: "b1", error: "ECONNREFUSED", traceId: TRACE }, 0)).toMatchObject({
    level: "warn",
    traceId: TRACE,
    pod: "web-abc12",
    message: "pool web: retrying on another backend after ECONNREFUSED from backend 127.0.0.1:4001 (pod web-abc12)",
  });
  const error = (now: number) => events.toEvent({ type: "upstream_error", poolId: "p1", backendId: null, status: 503, error: "no backends", traceId: TRACE }, now);
  const passed = Array.from({ length: 30 }, () => error(0)).filter(Boolean);
  expect(passed).toHaveLength(10);
  expect(passed[0]).toMatchObject({ level: "error", message: "pool web: answered 503: no backends" });
  expect(error(1000)!.message).toBe("pool web: answered 503: no backends (and 20 more like it since the last one logged)");
});
