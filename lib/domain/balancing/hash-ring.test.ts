import { describe, expect, test } from "vitest";
import { HashRing, pointHashes, type RingMember } from "./hash-ring";
import { seededRng } from "../random";

const ids = Array.from({ length: 1000 }, (_, i) => `b${i}`);

/** Build a ring over `ids` given in `order`, `batches` updates, slots assigned in arrival order. */
function build(order: readonly string[], batches: number): { ring: HashRing; idOf: (slot: number) => string } {
  const ring = new HashRing();
  const slotIds: string[] = [];
  const idOf = (slot: number) => slotIds[slot] as string;
  const size = Math.ceil(order.length / batches);
  for (let start = 0; start < order.length; start += size) {
    const changed = new Set<number>();
    for (const id of order.slice(start, start + size)) changed.add(slotIds.push(id) - 1);
    const members: RingMember[] = slotIds.map((id, slot) => ({ slot, id, weight: 1 }));
    ring.update(members, changed, idOf);
  }
  return { ring, idOf };
}

describe("HashRing (ketama: 160 points per unit of weight, ordered by (hash, id))", () => {
  test("the ring depends only on the members, not on update order, batching or slot numbers — even on hash collisions", () => {
    const shuffled = [...ids];
    const rng = seededRng(42);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
    }
    const a = build(ids, 1);
    const b = build(shuffled, 7);
    expect(a.ring.size).toBe(160_000);
    expect(b.ring.hashes).toEqual(a.ring.hashes);
    expect(Array.from(b.ring.owners, b.idOf)).toEqual(Array.from(a.ring.owners, a.idOf));
    // murmur3 collisions do occur among 160k points; they are where the id tie-break matters.
    const collisions = a.ring.hashes.filter((h, i) => i > 0 && h === a.ring.hashes[i - 1]).length;
    expect(collisions).toBeGreaterThan(0);
  });

  test.each([
    ["weight 1 → 160 points", 1, 160],
    ["weight 3 → 480 points", 3, 480],
  ])("%s", (_name, weight, points) => {
    const ring = new HashRing();
    ring.update([{ slot: 0, id: "x", weight }], new Set([0]), () => "x");
    expect(ring.pointCount(0)).toBe(points);
    expect(ring.pointCount(1)).toBe(0);
  });

  test.each([
    ["under the cap: 160 per weight", 10_000, 160, 480],
    ["over the cap: halved until it fits (12 weight × 80 = 960 ≤ 1000)", 1_000, 80, 240],
    ["far over the cap: down to 1 point per weight at least", 5, 1, 3],
  ])("%s", (_name, maxPoints, perWeight, heaviest) => {
    const ring = new HashRing(160, maxPoints);
    const members = Array.from({ length: 10 }, (_, slot) => ({ slot, id: `m${slot}`, weight: slot === 0 ? 3 : 1 }));
    ring.update(members, new Set(members.map((m) => m.slot)), (slot) => `m${slot}`);
    expect(ring.pointCount(0)).toBe(heaviest);
    expect(ring.pointCount(1)).toBe(perWeight);
    expect(ring.size).toBe(heaviest + 9 * perWeight);
  });

  test("a small change under the cap stays incremental: other backends keep every point", () => {
    const ring = new HashRing(160, 2_000);
    const members = Array.from({ length: 10 }, (_, slot) => ({ slot, id: `m${slot}`, weight: 1 }));
    ring.update(members, new Set(members.map((m) => m.slot)), (slot) => `m${slot}`);
    expect(ring.pointCount(0)).toBe(160);
    const before = Array.from(ring.hashes).filter((_, i) => ring.owners[i] !== 9);
    ring.update(members.slice(0, 9), new Set([9]), (slot) => `m${slot}`);
    expect(Array.from(ring.hashes)).toEqual(before);
  });

  test.each([
    ["before the first point → first point", 0, 0],
    ["exactly on a point → that point", -1, 1],
    ["after the last point → wraps to the first", 2 ** 32 - 1, 0],
  ])("lookup: %s", (_name, key, expectedIndex) => {
    const ring = new HashRing();
    ring.update([{ slot: 0, id: "x", weight: 1 }], new Set([0]), () => "x");
    const hashes = [...ring.hashes];
    const probe = key === -1 ? (hashes[1] as number) : key;
    expect(hashes[hashes.length - 1]).toBeLessThan(2 ** 32 - 1);
    expect(ring.lookup(probe)).toBe(expectedIndex);
  });

  test("point hashes are murmur3 of the id bytes + little-endian point index, stable across calls", () => {
    expect(pointHashes("backend-1", 3)).toEqual(pointHashes("backend-1", 3));
    expect(new Set(pointHashes("backend-1", 160)).size).toBe(160);
  });
});
