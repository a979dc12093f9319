import { describe, expect, test } from "vitest";
import { createBalancer } from "./create-balancer";
import { seededRng } from "../random";
import type { Balancer, BackendView } from "./types";

const backend = (i: number, weight = 1): BackendView => ({
  id: `backend-${i}`,
  address: `10.1.0.${i}`,
  port: 8080,
  weight,
  maxConnections: Number.POSITIVE_INFINITY,
  health: "healthy",
});
const KEYS = 100_000;
const clientIp = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
const rng = seededRng(1);

function mapping(balancer: Balancer): string[] {
  return Array.from({ length: KEYS }, (_, i) => balancer.pick({ clientIp: clientIp(i), now: 0, rng }).backend?.id ?? "-");
}

function pool(n: number): { balancer: Balancer; backends: BackendView[] } {
  const backends = Array.from({ length: n }, (_, i) => backend(i));
  const balancer = createBalancer("ip_hash");
  balancer.setBackends(backends, 0);
  return { balancer, backends };
}

/** Keys that moved, checking that only keys of `leaver` moved. */
function movedKeys(before: string[], after: string[], leaver: string): number {
  let moved = 0;
  before.forEach((id, i) => {
    if (after[i] !== id) {
      moved++;
      expect(id).toBe(leaver);
    }
  });
  return moved;
}

describe("ip_hash: consistent hashing (ketama, Envoy ring hash: removing 1 of N remaps ≈ 1/N)", () => {
  test.each([5, 10, 25, 50])("N=%i: a backend leaving moves only its own keys, ≤ 1.5/N of 100k, and they all come back", (n) => {
    const { balancer, backends } = pool(n);
    const before = mapping(balancer);
    const leaver = backends[Math.floor(n / 2)] as BackendView;
    balancer.setBackends(backends.filter((b) => b !== leaver), 0);
    const moved = movedKeys(before, mapping(balancer), leaver.id);
    expect(moved).toBeGreaterThan(0);
    expect(moved / KEYS).toBeLessThanOrEqual(1.5 / n);
    balancer.setBackends(backends, 0);
    expect(mapping(balancer)).toEqual(before);
  });

  test.each<[string, (b: Balancer, id: string) => void, (b: Balancer, id: string) => void]>([
    ["unhealthy", (b, id) => b.setHealth(id, "unhealthy"), (b, id) => b.setHealth(id, "healthy")],
    ["ejected", (b, id) => b.setEjected(id, true), (b, id) => b.setEjected(id, false)],
  ])("an %s backend's keys walk to the next eligible point and return exactly; other keys never move", (_name, down, up) => {
    const { balancer } = pool(10);
    const before = mapping(balancer);
    down(balancer, "backend-3");
    const moved = movedKeys(before, mapping(balancer), "backend-3");
    expect(moved / KEYS).toBeLessThanOrEqual(1.5 / 10);
    up(balancer, "backend-3");
    expect(mapping(balancer)).toEqual(before);
  });

  test("a backend at maxConnections hands its keys over until a connection finishes", () => {
    const backends = [{ ...backend(0), maxConnections: 1 }, backend(1), backend(2)];
    const balancer = createBalancer("ip_hash");
    balancer.setBackends(backends, 0);
    const keys = Array.from({ length: 100 }, (_, i) => clientIp(i));
    const ip = keys.find((key) => balancer.pick({ clientIp: key, now: 0, rng }).backend?.id === "backend-0") as string;
    balancer.onStart("backend-0");
    expect(balancer.pick({ clientIp: ip, now: 0, rng }).backend?.id).not.toBe("backend-0");
    balancer.onFinish("backend-0", { ok: true, latencyMs: 1, now: 0 });
    expect(balancer.pick({ clientIp: ip, now: 0, rng }).backend?.id).toBe("backend-0");
  });

  test("deterministic for a key and a set, whatever order the set was given in", () => {
    const forward = pool(20).balancer;
    const reversed = createBalancer("ip_hash");
    reversed.setBackends(Array.from({ length: 20 }, (_, i) => backend(19 - i)), 0);
    expect(mapping(reversed)).toEqual(mapping(forward));
  });

  test("keys spread in proportion to weight (2:1:1 → about 50/25/25%)", () => {
    const balancer = createBalancer("ip_hash");
    balancer.setBackends([backend(0, 2), backend(1), backend(2)], 0);
    const counts = new Map<string, number>();
    for (const id of mapping(balancer)) counts.set(id, (counts.get(id) ?? 0) + 1);
    // 160 points per weight unit leave a few % of ring-share noise (Envoy/ketama alike).
    const share = (id: string) => (counts.get(id) ?? 0) / KEYS;
    expect(share("backend-0")).toBeGreaterThan(0.42);
    expect(share("backend-0")).toBeLessThan(0.58);
    expect(share("backend-1")).toBeGreaterThan(0.17);
    expect(share("backend-2")).toBeGreaterThan(0.17);
  });

  test("without a client address it lands on a random point (Envoy: no hash key → random)", () => {
    const { balancer } = pool(4);
    const seen = new Set(Array.from({ length: 200 }, () => balancer.pick({ now: 0, rng }).backend?.id));
    expect(seen.size).toBe(4);
  });
});
