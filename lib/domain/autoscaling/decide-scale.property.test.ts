import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideScale } from "./decide-scale";
import { lastScaleAt } from "./history";
import { resolveBehavior } from "./target/defaults";
import { caseArb, targetPolicyArb, thresholdPolicyArb } from "./test-arbitraries";
import { NOW } from "./test-fixtures";
import type { Recommendation, ScaleHistory } from "./types";

const anyCaseArb = fc.oneof(caseArb(thresholdPolicyArb), caseArb(targetPolicyArb));
const RUNS = { numRuns: 500 };

describe("decideScale invariants", () => {
  test("never leaves [min, max]; from outside the range it only moves toward it", () => {
    fc.assert(
      fc.property(anyCaseArb, ({ snap, policy, history }) => {
        const { desiredReplicas: desired } = decideScale(snap, policy, history, NOW).result;
        const current = snap.currentReplicas;
        const { minReplicas: min, maxReplicas: max } = policy;
        const inRange = (n: number) => n >= min && n <= max;
        // Outside the range the only moves are "stay" (cooldown, disabled, invalid) or "into the range".
        expect(inRange(current) ? inRange(desired) : desired === current || inRange(desired)).toBe(true);
      }),
      RUNS,
    );
  });

  test("is deterministic: equal inputs, in any order, give equal decisions", () => {
    fc.assert(
      fc.property(anyCaseArb, fc.integer(), ({ snap, policy, history }, seed) => {
        const first = decideScale(snap, policy, history, NOW);
        // Rotate then reverse: a different order for every seed, same contents.
        const reorder = <T>(xs: readonly T[]): T[] => {
          const k = xs.length === 0 ? 0 : Math.abs(seed) % xs.length;
          return [...xs.slice(k), ...xs.slice(0, k)].reverse();
        };
        const reordered: ScaleHistory = { recommendations: reorder(history.recommendations), events: reorder(history.events) };
        const again = decideScale(structuredClone({ ...snap, cpuSamples: reorder(snap.cpuSamples) }), structuredClone(policy), reordered, NOW);
        expect(again).toEqual(first);
      }),
      RUNS,
    );
  });

  test("records an event exactly when it scales, and always from the current count", () => {
    fc.assert(
      fc.property(anyCaseArb, ({ snap, policy, history }) => {
        const decision = decideScale(snap, policy, history, NOW);
        const { action, desiredReplicas } = decision.result;
        expect(decision.persist.events).toEqual(
          action === "none" ? [] : [{ at: NOW, fromReplicas: snap.currentReplicas, toReplicas: desiredReplicas }],
        );
      }),
      RUNS,
    );
  });
});

describe("threshold mode invariants", () => {
  test("never acts inside the cooldown", () => {
    fc.assert(
      fc.property(caseArb(thresholdPolicyArb), fc.integer({ min: -600_000, max: 600_000 }), ({ snap, policy, history }, offset) => {
        const now = NOW + offset;
        const last = lastScaleAt(history);
        const decision = decideScale(snap, policy, history, now);
        if (last !== undefined && now - last < policy.cooldownMs) {
          expect(decision.result.action).toBe("none");
          expect(decision.persist.events).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  test("inside the range, moves by at most one step", () => {
    fc.assert(
      fc.property(caseArb(thresholdPolicyArb), ({ snap, policy, history }) => {
        const { desiredReplicas } = decideScale(snap, policy, history, NOW).result;
        const current = snap.currentReplicas;
        if (current >= policy.minReplicas && current <= policy.maxReplicas) {
          expect(Math.abs(desiredReplicas - current)).toBeLessThanOrEqual(policy.step ?? 1);
        }
      }),
      RUNS,
    );
  });
});

describe("target (HPA) mode invariants", () => {
  const inWindow = (recs: readonly Recommendation[], windowSeconds: number) =>
    recs.filter((r) => r.at > NOW - windowSeconds * 1000).map((r) => r.replicas);

  test("stabilization: a scale-down never goes below the highest recommendation in the down window, a scale-up never above the lowest in the up window", () => {
    fc.assert(
      fc.property(caseArb(targetPolicyArb), ({ snap, policy, history }) => {
        const decision = decideScale(snap, policy, history, NOW);
        const { scaleUp, scaleDown } = resolveBehavior(policy);
        const recs = [...history.recommendations, ...decision.persist.recommendations];
        const current = snap.currentReplicas;
        if (current < policy.minReplicas || current > policy.maxReplicas) return;
        if (decision.result.action === "scale_down") {
          expect(decision.result.desiredReplicas).toBeGreaterThanOrEqual(Math.max(...inWindow(recs, scaleDown.stabilizationWindowSeconds)));
        }
        if (decision.result.action === "scale_up") {
          expect(decision.result.desiredReplicas).toBeLessThanOrEqual(Math.min(...inWindow(recs, scaleUp.stabilizationWindowSeconds)));
        }
      }),
      RUNS,
    );
  });
});
