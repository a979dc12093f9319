import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { BackendTable } from "./backend-table";
import { NginxSmoothWrrReference } from "./nginx-wrr-reference";
import { SmoothWeightedRoundRobin } from "./smooth-weighted-round-robin";

const op = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "pick" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("fail" as const), peer: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("toggle" as const), peer: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reweigh" as const), peer: fc.nat(), weight: fc.integer({ min: 1, max: 12 }) }) },
);

describe("O(log n) smooth WRR ≡ nginx's O(n) loop", () => {
  test("same pick sequence under failures, eligibility changes, reweighs and clock rebases", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(op, { maxLength: 300, size: "large" }),
        (weights, maxFails, rebaseAfter, ops) => {
          const table = new BackendTable();
          const fast = new SmoothWeightedRoundRobin(table, maxFails, rebaseAfter);
          const reference = new NginxSmoothWrrReference(maxFails);
          const eligible = weights.map(() => true);
          weights.forEach((weight, i) => {
            const slot = table.add({ id: `p${i}`, address: "x", port: 1, weight, maxConnections: 1, health: "healthy" });
            fast.attach(slot);
            fast.enter(slot);
            reference.add(slot, weight);
          });
          for (const o of ops) {
            if (o.kind === "pick") {
              expect(fast.pick()).toBe(reference.pick());
              continue;
            }
            const peer = o.peer % weights.length;
            if (o.kind === "fail") {
              fast.record(peer, { ok: false, latencyMs: 1, now: 0 });
              reference.fail(peer);
            } else if (o.kind === "toggle") {
              if (eligible[peer]) fast.leave(peer);
              else fast.enter(peer);
              eligible[peer] = !eligible[peer];
              reference.setEligible(peer, eligible[peer] === true);
            } else {
              if (eligible[peer]) fast.leave(peer);
              table.weight[peer] = o.weight;
              fast.reweigh(peer);
              if (eligible[peer]) fast.enter(peer);
              reference.setWeight(peer, o.weight);
            }
            expect(fast.describe(peer).effectiveWeight).toBe(reference.effective[peer]);
          }
        },
      ),
    );
  });

  test("each backend gets exactly its weight share in every full cycle of Σweights picks (all healthy, no failures)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 16 }), fc.integer({ min: 1, max: 4 }), (weights, cycles) => {
        const table = new BackendTable();
        const wrr = new SmoothWeightedRoundRobin(table);
        weights.forEach((weight, i) => {
          const slot = table.add({ id: `p${i}`, address: "x", port: 1, weight, maxConnections: 1, health: "healthy" });
          wrr.attach(slot);
          wrr.enter(slot);
        });
        const total = weights.reduce((a, b) => a + b, 0);
        for (let c = 0; c < cycles; c++) {
          const counts = weights.map(() => 0);
          for (let i = 0; i < total; i++) counts[wrr.pick()]! += 1;
          expect(counts).toEqual(weights);
        }
      }),
    );
  });
});
