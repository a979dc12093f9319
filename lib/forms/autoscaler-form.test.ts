import { describe, expect, test } from "vitest";
import type { TargetPolicy, ThresholdPolicy } from "@/lib/domain/autoscaling";
import { AutoscalingPolicyInput } from "@/lib/schemas/autoscaler";
import { autoscalerInputFromForm, cpuMetricIndex, hiddenPolicySettings, NEW_POLICY_VALUES, policyFormValues, policyFromForm } from "./autoscaler-form";
import { formDataToObject } from "./form-data";

const threshold: ThresholdPolicy = {
  mode: "threshold",
  minReplicas: 1,
  maxReplicas: 5,
  scaleUpThreshold: 50,
  scaleDownThreshold: 10,
  targetCpu: 30,
  cooldownMs: 45_000,
  step: 2,
  windowMs: 20_000,
};
const target: TargetPolicy = {
  mode: "target",
  minReplicas: 2,
  maxReplicas: 8,
  metrics: [
    { type: "pods", name: "qps", targetAverageValue: 100 },
    { type: "resource", resource: "cpu", targetAverageUtilization: 70 },
  ],
  behavior: { scaleUp: { policies: [{ type: "Pods", value: 2, periodSeconds: 30 }], stabilizationWindowSeconds: 10 }, scaleDown: { selectPolicy: "Min" } },
  tolerance: 0.15,
  metricWindowMs: 90_000,
};

/** What the form posts for a policy: its values under `policy.*`, typed like the form's inputs. */
const posted = (values: Record<string, unknown>) =>
  formDataToObject(Object.entries(values).map(([k, v]) => [k === "mode" ? "policy.mode" : `policy.${k}:number`, v === undefined ? "" : String(v)]));

describe("policyFromForm", () => {
  test("threshold: seconds become milliseconds, blanks are left out", () => {
    const fields = posted({ mode: "threshold", minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10, targetCpu: undefined, step: 1, cooldownSeconds: 30, windowSeconds: 15 });
    expect(policyFromForm(fields.policy as object)).toEqual({
      mode: "threshold",
      minReplicas: 1,
      maxReplicas: 5,
      scaleUpThreshold: 50,
      scaleDownThreshold: 10,
      step: 1,
      cooldownMs: 30_000,
      windowMs: 15_000,
    });
  });

  test("target: CPU first, percent tolerance becomes a fraction, HPA defaults for blanks", () => {
    const fields = posted({ mode: "target", minReplicas: 1, maxReplicas: 4, cpuTarget: 60, tolerancePercent: undefined, metricWindowSeconds: undefined });
    expect(policyFromForm(fields.policy as object)).toEqual({
      mode: "target",
      minReplicas: 1,
      maxReplicas: 4,
      metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization: 60 }],
    });
  });

  test("a non-number stays NaN so validation names the field", () => {
    const result = AutoscalingPolicyInput.safeParse(policyFromForm({ mode: "threshold", minReplicas: 1, maxReplicas: 2, scaleUpThreshold: 5, scaleDownThreshold: 1, cooldownSeconds: Number.NaN }));
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["cooldownMs"]);
  });

  test("editing keeps what the form does not show: other metrics, rate policies, selectPolicy", () => {
    const values = policyFormValues(target);
    const fields = posted({ ...values, cpuTarget: 80, scaleDownStabilizationSeconds: 120 });
    expect(policyFromForm(fields.policy as object, target)).toEqual({
      mode: "target",
      minReplicas: 2,
      maxReplicas: 8,
      metrics: [target.metrics[0], { type: "resource", resource: "cpu", targetAverageUtilization: 80 }],
      behavior: { scaleUp: target.behavior!.scaleUp, scaleDown: { selectPolicy: "Min", stabilizationWindowSeconds: 120 } },
      tolerance: 0.15,
      metricWindowMs: 90_000,
    });
  });

  test("round trip: the form's values of a stored policy post back the same policy", () => {
    for (const policy of [threshold, target]) {
      const fields = posted({ ...policyFormValues(policy) });
      expect(AutoscalingPolicyInput.parse(policyFromForm(fields.policy as object, policy))).toEqual(AutoscalingPolicyInput.parse(policy));
    }
  });

  test("a blank CPU target on a policy with other metrics drops CPU; an unknown mode is passed on for validation", () => {
    const fields = posted({ ...policyFormValues(target), cpuTarget: undefined });
    expect((policyFromForm(fields.policy as object, target) as { metrics: unknown[] }).metrics).toEqual([target.metrics[0]]);
    expect(policyFromForm({ mode: "magic" })).toEqual({ mode: "magic" });
  });
});

test("policyFormValues: defaults for a new autoscaler; switching a threshold policy to target starts at its target line", () => {
  expect(policyFormValues()).toBe(NEW_POLICY_VALUES);
  expect(policyFormValues(threshold)).toMatchObject({ cooldownSeconds: 45, windowSeconds: 20, step: 2, cpuTarget: 30 });
  expect(policyFormValues(target)).toMatchObject({ cpuTarget: 70, tolerancePercent: 15, metricWindowSeconds: 90, scaleUpStabilizationSeconds: 10 });
});

test("hiddenPolicySettings names what only the API can edit", () => {
  expect(hiddenPolicySettings(threshold)).toEqual([]);
  expect(hiddenPolicySettings(target)).toEqual(["pods metric “qps”", "scale-up rate policies (1)", "scale-down selectPolicy Min"]);
});

test("autoscalerInputFromForm: name, target and enabled as typed, the policy translated", () => {
  const raw = formDataToObject([
    ["name", "web-cpu"],
    ["targetId", "t"],
    ["enabled:bool", "false"],
    ["enabled:bool", "on"],
    ["policy.mode", "threshold"],
    ["policy.cooldownSeconds:number", "10"],
  ]);
  expect(autoscalerInputFromForm(raw)).toEqual({ name: "web-cpu", targetId: "t", enabled: true, policy: { mode: "threshold", cooldownMs: 10_000 } });
  expect(autoscalerInputFromForm({})).toEqual({ policy: { mode: undefined } });
});

test("cpuMetricIndex: the stored CPU metric's place, else first", () => {
  expect(cpuMetricIndex(target)).toBe(1);
  expect(cpuMetricIndex(threshold)).toBe(0);
  expect(cpuMetricIndex({ ...target, metrics: [target.metrics[0]!] })).toBe(0);
});
