import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { validatePolicy, type AutoscalingPolicy } from "@/lib/domain/autoscaling";
import { AutoscalingPolicyInput, CreateAutoscalerInput, policyProblemPath } from "./autoscaler";

describe("policyProblemPath", () => {
  test.each([
    ["maxReplicas (3) must be ≥ minReplicas (5)", ["maxReplicas"]],
    ["metrics must list at least one metric", ["metrics"]],
    ["metrics[0].targetAverageUtilization must be > 0", ["metrics", 0, "targetAverageUtilization"]],
    ["behavior.scaleUp.policies[12].periodSeconds must be an integer in [1, 1800]", ["behavior", "scaleUp", "policies", 12, "periodSeconds"]],
    ["(no field) something", []],
  ])("%s", (problem, path) => expect(policyProblemPath(problem)).toEqual(path));

  test("every problem validatePolicy reports names a field of the policy it was given", () => {
    const num = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constant(Number.NaN), fc.double({ min: -10, max: 200, noNaN: true }));
    const threshold = fc.record({
      mode: fc.constant("threshold" as const),
      minReplicas: num,
      maxReplicas: num,
      targetCpu: fc.option(num, { nil: undefined }),
      scaleUpThreshold: num,
      scaleDownThreshold: num,
      cooldownMs: num,
      step: fc.option(num, { nil: undefined }),
      windowMs: num,
    });
    const rules = fc.option(fc.record({ stabilizationWindowSeconds: num, policies: fc.array(fc.record({ type: fc.constant("Pods" as const), value: num, periodSeconds: num }), { maxLength: 2 }) }), { nil: undefined });
    const target = fc.record({
      mode: fc.constant("target" as const),
      minReplicas: num,
      maxReplicas: num,
      metrics: fc.array(fc.record({ type: fc.constant("resource" as const), resource: fc.constant("cpu" as const), targetAverageUtilization: num }), { maxLength: 2 }),
      behavior: fc.record({ scaleUp: rules, scaleDown: rules }),
      tolerance: fc.option(num, { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.oneof(threshold, target), (policy) => {
        for (const problem of validatePolicy(policy as AutoscalingPolicy)) {
          let node: unknown = policy;
          for (const segment of policyProblemPath(problem)) node = (node as Record<string | number, unknown>)[segment];
          expect(policyProblemPath(problem).length, problem).toBeGreaterThan(0);
          // The path leads somewhere in the policy (a present value, or an optional one left out).
          expect(["undefined", "number", "object"]).toContain(typeof node);
        }
      }),
    );
  });
});

describe("AutoscalingPolicyInput", () => {
  const threshold = { mode: "threshold", minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10 };

  test("fills the console defaults and passes a valid policy through unchanged", () => {
    expect(AutoscalingPolicyInput.parse(threshold)).toEqual({ ...threshold, cooldownMs: 60_000, windowMs: 30_000 });
    const target = { mode: "target", minReplicas: 1, maxReplicas: 4, metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization: 60 }] };
    expect(AutoscalingPolicyInput.parse(target)).toEqual(target);
  });

  test("a parsed policy is one validatePolicy accepts", () => {
    const parsed = AutoscalingPolicyInput.parse({ ...threshold, targetCpu: 30, step: 2 });
    expect(validatePolicy(parsed as AutoscalingPolicy)).toEqual([]);
  });

  test.each([
    [{ ...threshold, minReplicas: 6 }, "policy.maxReplicas", "maxReplicas (5) must be ≥ minReplicas (6)"],
    [{ ...threshold, scaleDownThreshold: 60 }, "policy.scaleDownThreshold", "scaleDownThreshold (60) must be below scaleUpThreshold (50)"],
    [{ ...threshold, maxReplicas: 1001 }, "policy.maxReplicas", "At most 1000"],
  ])("reports the domain's problems on the field they name", (policy, path, message) => {
    const result = CreateAutoscalerInput.safeParse({ name: "a", targetId: "0190f5a0-0000-7000-8000-000000000000", policy });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([[path, message]]);
  });
});
