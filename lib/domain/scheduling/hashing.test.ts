import { describe, expect, test } from "vitest";
import { buildRing, hash32, ringPosition } from "./hashing";

describe("consistent hashing (ketama-style ring, Envoy ring hash semantics)", () => {
  const members = Array.from({ length: 20 }, (_, i) => `node-${i}`);
  const keys = Array.from({ length: 4_000 }, (_, i) => `pod-${i}`);
  const owner = (ring: ReturnType<typeof buildRing>, key: string) => ring.owners[ringPosition(ring, hash32(key))]!;

  test("hash32 is deterministic and spreads nearby strings", () => {
    expect(hash32("pod-1")).toBe(hash32("pod-1"));
    expect(hash32("pod-1")).not.toBe(hash32("pod-2"));
    expect(hash32("")).toBeGreaterThanOrEqual(0);
  });

  test("the ring is sorted and every member owns points", () => {
    const ring = buildRing(members);
    for (let i = 1; i < ring.hashes.length; i++) expect(ring.hashes[i]!).toBeGreaterThanOrEqual(ring.hashes[i - 1]!);
    expect(new Set(ring.owners).size).toBe(members.length);
  });

  test("keys spread roughly evenly (each member within 0.4×–2× of its fair share)", () => {
    const ring = buildRing(members);
    const counts = new Array<number>(members.length).fill(0);
    for (const key of keys) counts[owner(ring, key)]! += 1;
    const fair = keys.length / members.length;
    for (const count of counts) {
      expect(count).toBeGreaterThan(fair * 0.4);
      expect(count).toBeLessThan(fair * 2);
    }
  });

  test("removing one of N members remaps only the keys it owned (~1/N)", () => {
    const full = buildRing(members);
    const fewer = buildRing(members.slice(0, -1));
    let moved = 0;
    for (const key of keys) {
      const before = members[owner(full, key)]!;
      const after = members[owner(fewer, key)]!;
      if (before !== after) {
        expect(before).toBe("node-19");
        moved++;
      }
    }
    expect(moved / keys.length).toBeLessThan(2 / members.length);
  });

  test.each<[string, number, number]>([
    ["a hash below every point lands on the first", 0, 0],
    ["a hash past the last point wraps to the first", 0xffffffff, 0],
  ])("ringPosition: %s", (_, hash, expected) => {
    const ring = { hashes: Uint32Array.from([10, 20, 30]), owners: Int32Array.from([0, 1, 2]) };
    expect(ringPosition(ring, hash)).toBe(expected);
    expect(ringPosition(ring, 20)).toBe(1);
    expect(ringPosition(ring, 21)).toBe(2);
  });
});
