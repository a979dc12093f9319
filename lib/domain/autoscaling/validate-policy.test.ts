import { describe, expect, test } from "vitest";
import { cpuPolicy, thresholdPolicy } from "./test-fixtures";
import type { AutoscalingPolicy } from "./types";
import { validatePolicy } from "./validate-policy";

describe("validatePolicy", () => {
  test.each<{ name: string; policy: AutoscalingPolicy }>([
    { name: "the seed's threshold config", policy: thresholdPolicy() },
    { name: "threshold with minReplicas 0 (the seed's Nat)", policy: thresholdPolicy({ minReplicas: 0, targetCpu: undefined }) },
    { name: "HPA with defaults", policy: cpuPolicy(50) },
    {
      name: "HPA with every behavior field, pods and object metrics",
      policy: cpuPolicy(50, {
        tolerance: 0.05,
        metricWindowMs: 30_000,
        metrics: [
          { type: "pods", name: "qps", targetAverageValue: 10 },
          { type: "object", name: "queue", target: { type: "Value", value: 100 } },
          { type: "object", name: "rps", target: { type: "AverageValue", averageValue: 5 } },
        ],
        behavior: {
          scaleUp: { stabilizationWindowSeconds: 3600, selectPolicy: "Min", policies: [{ type: "Pods", value: 1, periodSeconds: 1800 }], tolerance: 0 },
          scaleDown: { selectPolicy: "Disabled" },
        },
      }),
    },
  ])("accepts $name", ({ policy }) => {
    expect(validatePolicy(policy)).toEqual([]);
  });

  test.each<{ name: string; policy: AutoscalingPolicy; problem: string }>([
    { name: "max below min", policy: thresholdPolicy({ minReplicas: 5, maxReplicas: 4 }), problem: "maxReplicas (4) must be ≥ minReplicas (5)" },
    { name: "fractional min", policy: thresholdPolicy({ minReplicas: 1.5 }), problem: "minReplicas must be an integer ≥ 0" },
    { name: "max 0", policy: thresholdPolicy({ minReplicas: 0, maxReplicas: 0 }), problem: "maxReplicas must be an integer ≥ 1" },
    { name: "HPA: minReplicas 0 needs the alpha scale-to-zero gate", policy: cpuPolicy(50, { minReplicas: 0 }), problem: "minReplicas must be an integer ≥ 1" },
    { name: "negative up threshold", policy: thresholdPolicy({ scaleUpThreshold: -1 }), problem: "scaleUpThreshold must be a percentage ≥ 0" },
    { name: "NaN down threshold", policy: thresholdPolicy({ scaleDownThreshold: Number.NaN }), problem: "scaleDownThreshold must be a percentage ≥ 0" },
    { name: "thresholds without a gap", policy: thresholdPolicy({ scaleUpThreshold: 50, scaleDownThreshold: 50, targetCpu: undefined }), problem: "scaleDownThreshold (50) must be below scaleUpThreshold (50)" },
    { name: "targetCpu outside the thresholds", policy: thresholdPolicy({ targetCpu: 90 }), problem: "targetCpu must lie between" },
    { name: "negative cooldown", policy: thresholdPolicy({ cooldownMs: -1 }), problem: "cooldownMs must be ≥ 0" },
    { name: "step 0", policy: thresholdPolicy({ step: 0 }), problem: "step must be an integer ≥ 1" },
    { name: "empty window", policy: thresholdPolicy({ windowMs: 0 }), problem: "windowMs must be > 0" },
    { name: "no metrics", policy: cpuPolicy(50, { metrics: [] }), problem: "metrics must list at least one metric" },
    { name: "zero utilization target", policy: cpuPolicy(0), problem: "metrics[0].targetAverageUtilization must be > 0" },
    { name: "pods metric without a name", policy: cpuPolicy(50, { metrics: [{ type: "pods", name: "", targetAverageValue: 1 }] }), problem: "metrics[0].name must not be empty" },
    { name: "pods metric with target 0", policy: cpuPolicy(50, { metrics: [{ type: "pods", name: "qps", targetAverageValue: 0 }] }), problem: "metrics[0].targetAverageValue must be > 0" },
    { name: "object metric without a name", policy: cpuPolicy(50, { metrics: [{ type: "object", name: "", target: { type: "Value", value: 1 } }] }), problem: "metrics[0].name must not be empty" },
    { name: "object metric with a negative target", policy: cpuPolicy(50, { metrics: [{ type: "object", name: "q", target: { type: "AverageValue", averageValue: -1 } }] }), problem: "metrics[0].target must be > 0" },
    { name: "negative tolerance", policy: cpuPolicy(50, { tolerance: -0.1 }), problem: "tolerance must be ≥ 0" },
    { name: "empty metric window", policy: cpuPolicy(50, { metricWindowMs: 0 }), problem: "metricWindowMs must be > 0" },
    { name: "HPA: stabilization window over 3600 s", policy: cpuPolicy(50, { behavior: { scaleDown: { stabilizationWindowSeconds: 3601 } } }), problem: "behavior.scaleDown.stabilizationWindowSeconds must be an integer in [0, 3600]" },
    { name: "negative per-direction tolerance", policy: cpuPolicy(50, { behavior: { scaleUp: { tolerance: -1 } } }), problem: "behavior.scaleUp.tolerance must be ≥ 0" },
    { name: "HPA: empty policy list", policy: cpuPolicy(50, { behavior: { scaleUp: { policies: [] } } }), problem: "behavior.scaleUp.policies must list at least one policy" },
    { name: "HPA: policy value 0", policy: cpuPolicy(50, { behavior: { scaleUp: { policies: [{ type: "Pods", value: 0, periodSeconds: 15 }] } } }), problem: "behavior.scaleUp.policies[0].value must be an integer ≥ 1" },
    { name: "HPA: periodSeconds over 1800", policy: cpuPolicy(50, { behavior: { scaleDown: { policies: [{ type: "Percent", value: 10, periodSeconds: 1801 }] } } }), problem: "behavior.scaleDown.policies[0].periodSeconds must be an integer in [1, 1800]" },
  ])("rejects $name", ({ policy, problem }) => {
    expect(validatePolicy(policy).join("\n")).toContain(problem);
  });
});
