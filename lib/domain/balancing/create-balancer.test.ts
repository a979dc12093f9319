import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { seededRng } from "../random";
import { ALGORITHMS, type BackendView, type NoPickReason } from "./types";

const backend = (id: string, change: Partial<BackendView> = {}): BackendView => ({
  id,
  address: "10.0.0.1",
  port: 80,
  weight: 1,
  maxConnections: 10,
  health: "healthy",
  ...change,
});
const ctx = () => ({ now: 0, rng: seededRng(7), clientIp: "192.0.2.10" });

describe.each(ALGORITHMS)("%s: no pick, with a reason, when nothing is eligible (seed theorem: none ⇒ no healthy)", (algorithm) => {
  test.each<[string, BackendView[], NoPickReason]>([
    ["empty pool", [], "no backends"],
    ["all unhealthy", [backend("a", { health: "unhealthy" }), backend("b", { health: "unhealthy" })], "no healthy backend"],
    ["all unknown (never checked)", [backend("a", { health: "unknown" })], "no healthy backend"],
    ["all ejected by outlier detection", [backend("a", { ejected: true })], "no healthy backend"],
    ["all drained (weight 0)", [backend("a", { weight: 0 })], "no healthy backend"],
    ["all taken out of rotation by an operator", [backend("a", { disabled: true })], "no healthy backend"],
    [
      "healthy ones all full",
      [backend("a", { maxConnections: 2, activeConnections: 2 }), backend("b", { health: "unhealthy" })],
      "all backends at maxConnections",
    ],
    ["maxConnections 0 means no capacity", [backend("a", { maxConnections: 0 })], "all backends at maxConnections"],
  ])("%s → %s", (_name, backends, reason) => {
    const balancer = createBalancer(algorithm);
    balancer.setBackends(backends, 0);
    expect(balancer.pick(ctx())).toEqual({ backend: null, reason });
  });

  test("picks only the healthy, un-ejected backend with spare capacity", () => {
    const balancer = createBalancer(algorithm);
    balancer.setBackends(
      [
        backend("sick", { health: "unhealthy" }),
        backend("new", { health: "unknown" }),
        backend("ejected", { ejected: true }),
        backend("full", { maxConnections: 1, activeConnections: 1 }),
        backend("ok"),
      ],
      0,
    );
    const c = ctx();
    for (let i = 0; i < 20; i++) expect(balancer.pick(c)).toEqual({ backend: backend("ok"), panic: false });
  });
});

describe("Envoy panic threshold (opt-in)", () => {
  const pool = [backend("h"), backend("u1", { health: "unhealthy" }), backend("u2", { health: "unhealthy" }), backend("u3", { health: "unknown" })];

  test.each([
    ["off by default: only the healthy backend", undefined, ["h"], false],
    ["25% healthy < 50%: all backends, flagged as panic", 50, ["h", "u1", "u2", "u3"], true],
    ["25% healthy ≥ 20%: normal", 20, ["h"], false],
  ])("%s", (_name, threshold, expected, panic) => {
    const balancer = createBalancer("round_robin", { panicThresholdPercent: threshold });
    balancer.setBackends(pool, 0);
    const c = ctx();
    const picks = Array.from({ length: 8 }, () => balancer.pick(c));
    expect(new Set(picks.map((p) => p.backend?.id))).toEqual(new Set(expected));
    expect(picks.every((p) => p.backend !== null && p.panic === panic)).toBe(true);
    expect(balancer.snapshot(0).panic).toBe(panic);
  });

  test("entering and leaving panic as health changes; capacity is still respected", () => {
    const balancer = createBalancer("round_robin", { panicThresholdPercent: 60 });
    balancer.setBackends([backend("a"), backend("b", { maxConnections: 1, activeConnections: 1 })], 0);
    balancer.setHealth("a", "unhealthy"); // 1 of 2 healthy = 50% < 60% → panic
    const c = ctx();
    expect(balancer.pick(c)).toEqual({ backend: { ...backend("a"), health: "unhealthy" }, panic: true });
    expect(balancer.pick(c).backend?.id).toBe("a"); // b is full, even in panic
    balancer.setHealth("a", "healthy"); // 100% → normal
    expect(balancer.pick(c)).toEqual({ backend: backend("a"), panic: false });
    balancer.setEjected("a", true); // ejected counts as unhealthy → panic again
    expect(balancer.pick(c)).toEqual({ backend: { ...backend("a"), ejected: true }, panic: true });
  });
});

describe("balancer bookkeeping", () => {
  test("setHealth / setEjected update the view returned by pick and report unknown ids", () => {
    const balancer = createBalancer("round_robin");
    balancer.setBackends([backend("a", { health: "unknown" })], 0);
    expect(balancer.setHealth("a", "unknown")).toBe(true);
    expect(balancer.setHealth("a", "healthy")).toBe(true);
    expect(balancer.pick(ctx()).backend).toEqual(backend("a", { health: "healthy" }));
    expect(balancer.setEjected("a", false)).toBe(true);
    expect(balancer.setEjected("a", true)).toBe(true);
    expect(balancer.pick(ctx()).backend).toBeNull();
    expect(balancer.setHealth("zzz", "healthy")).toBe(false);
    expect(balancer.setEjected("zzz", true)).toBe(false);
  });

  test("onStart fills a backend up to maxConnections; onFinish frees it; counts never go below 0", () => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends([backend("a", { maxConnections: 2 })], 0);
    balancer.onStart("a");
    balancer.onStart("a");
    expect(balancer.pick(ctx()).reason).toBe("all backends at maxConnections");
    balancer.onStart("a"); // the proxy may still report one that was already in flight
    balancer.onFinish("a", { ok: true, latencyMs: 3, now: 0 });
    expect(balancer.pick(ctx()).backend).toBeNull();
    balancer.onFinish("a", { ok: true, latencyMs: 3, now: 0 });
    expect(balancer.pick(ctx()).backend?.id).toBe("a");
    for (let i = 0; i < 5; i++) balancer.onFinish("a", { ok: true, latencyMs: 3, now: 0 });
    expect(balancer.snapshot(0).backends[0]?.activeConnections).toBe(0);
  });

  test("hooks for ids that left the pool are ignored", () => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends([backend("a")], 0);
    balancer.onStart("gone");
    balancer.onFinish("gone", { ok: false, latencyMs: 3, now: 0 });
    expect(balancer.snapshot(0).backends).toEqual([{ id: "a", activeConnections: 0, eligible: true }]);
  });

  test("duplicate ids are a configuration error", () => {
    expect(() => createBalancer("ip_hash").setBackends([backend("a"), backend("a")], 0)).toThrow("duplicate backend id: a");
  });

  test("setBackends keeps in-flight counts of known backends, seeds new ones, forgets removed ones", () => {
    const balancer = createBalancer("least_connections");
    balancer.setBackends([backend("a"), backend("b", { activeConnections: 4 })], 0);
    balancer.onStart("a");
    balancer.setBackends([backend("a", { activeConnections: 9 }), backend("c", { activeConnections: 2 })], 0);
    expect(balancer.snapshot(0).backends.map(({ id, activeConnections }) => [id, activeConnections])).toEqual([
      ["a", 1],
      ["c", 2],
    ]);
    balancer.setBackends([backend("a"), backend("b")], 0);
    expect(balancer.snapshot(0).backends.map(({ id, activeConnections }) => [id, activeConnections])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
  });

  test.each([
    ["lowering maxConnections below the in-flight count makes it ineligible", { maxConnections: 1 }, null],
    ["setting weight 0 drains it", { weight: 0 }, null],
    ["a plain address change keeps it eligible", { address: "10.9.9.9" }, "a"],
  ])("%s", (_name, change, expected) => {
    const balancer = createBalancer("weighted_round_robin");
    balancer.setBackends([backend("a")], 0);
    balancer.onStart("a");
    balancer.setBackends([backend("a", change)], 0);
    expect(balancer.pick(ctx()).backend?.id ?? null).toBe(expected);
  });

  test("the default options are off/Envoy-like, and the algorithm is reported", () => {
    const balancer = createBalancer("ip_hash");
    expect(balancer.algorithm).toBe("ip_hash");
    expect(balancer.snapshot(0)).toEqual({ algorithm: "ip_hash", panic: false, backends: [] });
  });
});

describe("taken out of rotation (disabled)", () => {
  test.each(ALGORITHMS)("%s: never picked, not even in panic, and keeps its in-flight count", (algorithm) => {
    const balancer = createBalancer(algorithm, { panicThresholdPercent: 100 });
    balancer.setBackends([backend("a"), backend("b", { health: "unhealthy" }), backend("off")], 0);
    balancer.onStart("off");
    balancer.setBackends([backend("a"), backend("b", { health: "unhealthy" }), backend("off", { disabled: true })], 0);
    const c = ctx();
    for (let i = 0; i < 30; i++) expect(balancer.pick({ ...c, clientIp: `192.0.2.${i}` }).backend?.id).not.toBe("off");
    expect(balancer.snapshot(0).backends.find((b) => b.id === "off")).toMatchObject({ eligible: false, activeConnections: 1 });
  });

  test("ip_hash: only the disabled backend's clients move, and they move back when it is enabled", () => {
    const balancer = createBalancer("ip_hash");
    const pool = ["a", "b", "c"].map((id) => backend(id));
    balancer.setBackends(pool, 0);
    const clients = Array.from({ length: 200 }, (_, i) => `198.51.100.${i % 250}`);
    const pickAll = () => clients.map((clientIp) => balancer.pick({ ...ctx(), clientIp }).backend!.id);
    const before = pickAll();
    balancer.setBackends([pool[0]!, backend("b", { disabled: true }), pool[2]!], 0);
    const during = pickAll();
    during.forEach((id, i) => (before[i] === "b" ? expect(id).not.toBe("b") : expect(id).toBe(before[i])));
    balancer.setBackends(pool, 0);
    expect(pickAll()).toEqual(before);
  });
});
