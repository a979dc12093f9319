import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { floorDiv, KineticTournament } from "./kinetic-tournament";

describe("floorDiv property", () => {
  test("is exact for every |n| < 2^53 (checked with BigInt)", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 1, max: 2 ** 30 }), (n, d) => {
        const q = BigInt(floorDiv(n, d));
        expect(q * BigInt(d) <= BigInt(n) && BigInt(n) < (q + 1n) * BigInt(d)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});

/** Brute-force reference: the largest value, lowest slot on ties. */
function bruteForceMax(values: Map<number, { base: number; slope: number }>, time: number): number {
  let best = -1;
  let bestValue = -Infinity;
  for (const [slot, { base, slope }] of [...values].sort((a, b) => a[0] - b[0])) {
    const value = base + slope * time;
    if (value > bestValue) {
      best = slot;
      bestValue = value;
    }
  }
  return best;
}

describe("KineticTournament property", () => {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant("set" as const),
      slot: fc.integer({ min: 0, max: 40 }),
      value: fc.integer({ min: -1000, max: 1000 }),
      slope: fc.integer({ min: 0, max: 20 }),
    }),
    fc.record({ kind: fc.constant("delete" as const), slot: fc.integer({ min: 0, max: 40 }) }),
    fc.record({ kind: fc.constant("add" as const), slot: fc.integer({ min: 0, max: 40 }), delta: fc.integer({ min: -500, max: 500 }) }),
    fc.record({ kind: fc.constant("advance" as const), steps: fc.integer({ min: 0, max: 30 }) }),
    fc.record({ kind: fc.constant("rebase" as const) }),
  );

  test("always reports the same winner as a brute-force scan", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200, size: "large" }), (ops) => {
        const t = new KineticTournament();
        const lines = new Map<number, { base: number; slope: number }>();
        let time = 0;
        for (const o of ops) {
          if (o.kind === "set") {
            t.ensureCapacity(o.slot + 1);
            t.set(o.slot, o.value, o.slope);
            lines.set(o.slot, { base: o.value - o.slope * time, slope: o.slope });
          } else if (o.kind === "delete") {
            if (!lines.has(o.slot)) continue;
            t.delete(o.slot);
            lines.delete(o.slot);
          } else if (o.kind === "add") {
            const line = lines.get(o.slot);
            if (line === undefined) continue;
            t.add(o.slot, o.delta);
            line.base += o.delta;
          } else if (o.kind === "rebase") {
            t.rebase();
            for (const line of lines.values()) line.base += line.slope * time;
            time = 0;
          } else {
            time += o.steps;
          }
          expect(t.advanceTo(time)).toBe(bruteForceMax(lines, time));
          for (const [slot, line] of lines) {
            expect(t.has(slot)).toBe(true);
            expect(t.valueOf(slot)).toBe(line.base + line.slope * time);
          }
        }
      }),
    );
  });
});
