import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { decideScale } from "../decide-scale";
import { EMPTY_HISTORY, recordDecision } from "../history";
import { ratePolicyArb } from "../test-arbitraries";
import { NOW, cpuPolicy, podSamples, snapshot } from "../test-fixtures";
import type { HpaRatePolicy, ScaleEvent, TargetPolicy } from "../types";

/** Replicas the policy allows at the end of a period that started at `start` (HPA's formulas). */
function allowance(policy: HpaRatePolicy, start: number): number {
  return policy.type === "Pods" ? start + policy.value : Math.ceil(start * (1 + policy.value / 100));
}

/** Net replicas added by the logged scales strictly inside the last `periodSeconds`. */
function netChange(log: readonly ScaleEvent[], periodSeconds: number, now: number): number {
  return log.filter((e) => e.at > now - periodSeconds * 1000).reduce((sum, e) => sum + e.toReplicas - e.fromReplicas, 0);
}

const scenarioArb = fc.record({
  selectPolicy: fc.constantFrom("Max" as const, "Min" as const),
  upPolicies: fc.array(ratePolicyArb.map((p) => ({ ...p, periodSeconds: 1 + (p.periodSeconds % 300) })), { minLength: 1, maxLength: 3 }),
  downPolicies: fc.array(ratePolicyArb.map((p) => ({ ...p, value: 1 + (p.value % 100) })), { minLength: 1, maxLength: 2 }),
  downWindowSeconds: fc.integer({ min: 0, max: 600 }),
  minReplicas: fc.integer({ min: 1, max: 3 }),
  maxReplicas: fc.integer({ min: 3, max: 60 }),
  ticks: fc.array(fc.record({ seconds: fc.integer({ min: 1, max: 90 }), cpuMillis: fc.integer({ min: 0, max: 3000 }) }), { minLength: 1, maxLength: 40 }),
});

describe("HPA scaling policies over a simulated run", () => {
  test("a scale-up never exceeds the policy allowance of the period's start (one policy for Max, every policy for Min)", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const policy: TargetPolicy = cpuPolicy(50, {
          minReplicas: s.minReplicas,
          maxReplicas: s.maxReplicas,
          behavior: {
            scaleUp: { selectPolicy: s.selectPolicy, policies: s.upPolicies },
            scaleDown: { stabilizationWindowSeconds: s.downWindowSeconds, policies: s.downPolicies },
          },
        });
        let current = s.minReplicas;
        let history = EMPTY_HISTORY;
        const log: ScaleEvent[] = [];
        let now = NOW;
        for (const tick of s.ticks) {
          now += tick.seconds * 1000;
          const samples = podSamples(current, Array<number>(current).fill(tick.cpuMillis)).map((x) => ({ ...x, at: now }));
          const decision = decideScale(snapshot(current, samples), policy, history, now);
          const desired = decision.result.desiredReplicas;
          if (decision.result.action === "scale_up") {
            const respects = s.upPolicies.map((p) => desired <= allowance(p, current - netChange(log, p.periodSeconds, now)));
            expect(s.selectPolicy === "Max" ? respects.some(Boolean) : respects.every(Boolean)).toBe(true);
          }
          log.push(...decision.persist.events);
          history = recordDecision(history, decision.persist, policy, now);
          current = desired;
        }
      }),
      { numRuns: 300 },
    );
  });
});
