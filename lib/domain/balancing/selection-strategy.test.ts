import { describe, expect, test } from "vitest";
import { BackendTable } from "./backend-table";
import { IpHash } from "./ip-hash";
import { LeastConnections } from "./least-connections";
import { LeastResponseTime } from "./least-response-time";
import { RoundRobin } from "./round-robin";
import { resizeFloat64, resizeInt32, type SelectionStrategy } from "./selection-strategy";
import { SmoothWeightedRoundRobin } from "./smooth-weighted-round-robin";
import { seededRng } from "../random";

describe("every strategy answers -1 when its eligible set is empty", () => {
  test.each<[string, (t: BackendTable) => SelectionStrategy]>([
    ["round_robin", (t) => new RoundRobin(t)],
    ["least_connections", (t) => new LeastConnections(t)],
    ["weighted_round_robin", (t) => new SmoothWeightedRoundRobin(t)],
    ["ip_hash", (t) => new IpHash(t)],
    ["least_response_time", (t) => new LeastResponseTime(t)],
  ])("%s", (_name, create) => {
    const table = new BackendTable();
    const strategy = create(table);
    const slot = table.add({ id: "a", address: "x", port: 1, weight: 1, maxConnections: 1, health: "healthy" });
    strategy.attach(slot, 0);
    strategy.commit();
    expect(strategy.pick({ now: 0, rng: seededRng(1), clientIp: "192.0.2.1" })).toBe(-1);
    strategy.enter(slot);
    expect(strategy.pick({ now: 0, rng: seededRng(1), clientIp: "192.0.2.1" })).toBe(slot);
    strategy.leave(slot);
    expect(strategy.pick({ now: 0, rng: seededRng(1), clientIp: "192.0.2.1" })).toBe(-1);
  });
});

describe("typed-array resizing keeps existing entries and fills new ones", () => {
  test.each([
    ["grow Float64 with 0", () => Array.from(resizeFloat64(Float64Array.of(1, 2), 4)), [1, 2, 0, 0]],
    ["grow Int32 with -1", () => Array.from(resizeInt32(Int32Array.of(5), 3)), [5, -1, -1]],
    ["shrink keeps the prefix", () => Array.from(resizeInt32(Int32Array.of(1, 2, 3), 2)), [1, 2]],
  ])("%s", (_name, run, expected) => {
    expect(run()).toEqual(expected);
  });
});
