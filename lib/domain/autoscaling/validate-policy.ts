import { MAX_PERIOD_SECONDS, MAX_STABILIZATION_WINDOW_SECONDS } from "./target/defaults";
import type { AutoscalingPolicy, HpaScalingRules, MetricSpec, TargetPolicy, ThresholdPolicy } from "./types";

/**
 * Problems that make a policy unusable, as sentences naming the field; empty when valid.
 * Target-mode limits are the HPA API's validation (minReplicas ≥ 1 because scale-to-zero is an
 * alpha gate we do not model; windows ≤ 3600 s; periods 1–1800 s; positive policy values).
 */
export function validatePolicy(policy: AutoscalingPolicy): string[] {
  const problems = validateRange(policy, policy.mode === "target" ? 1 : 0);
  return problems.concat(policy.mode === "threshold" ? validateThreshold(policy) : validateTarget(policy));
}

function validateRange(policy: AutoscalingPolicy, lowestMin: number): string[] {
  const problems: string[] = [];
  if (!isIntegerAtLeast(policy.minReplicas, lowestMin)) problems.push(`minReplicas must be an integer ≥ ${lowestMin}`);
  if (!isIntegerAtLeast(policy.maxReplicas, 1)) problems.push("maxReplicas must be an integer ≥ 1");
  else if (policy.maxReplicas < policy.minReplicas) {
    problems.push(`maxReplicas (${policy.maxReplicas}) must be ≥ minReplicas (${policy.minReplicas})`);
  }
  return problems;
}

function validateThreshold(policy: ThresholdPolicy): string[] {
  const problems: string[] = [];
  const { scaleUpThreshold: up, scaleDownThreshold: down, targetCpu } = policy;
  if (!isFiniteAtLeast(up, 0)) problems.push("scaleUpThreshold must be a percentage ≥ 0");
  if (!isFiniteAtLeast(down, 0)) problems.push("scaleDownThreshold must be a percentage ≥ 0");
  // Equal thresholds would let one reading flip between scale-up and scale-down: require a gap.
  if (problems.length === 0 && down >= up) problems.push(`scaleDownThreshold (${down}) must be below scaleUpThreshold (${up})`);
  if (targetCpu !== undefined && !(Number.isFinite(targetCpu) && targetCpu >= down && targetCpu <= up)) {
    problems.push(`targetCpu must lie between scaleDownThreshold (${down}) and scaleUpThreshold (${up})`);
  }
  if (!isFiniteAtLeast(policy.cooldownMs, 0)) problems.push("cooldownMs must be ≥ 0");
  if (policy.step !== undefined && !isIntegerAtLeast(policy.step, 1)) problems.push("step must be an integer ≥ 1");
  if (!(Number.isFinite(policy.windowMs) && policy.windowMs > 0)) problems.push("windowMs must be > 0");
  return problems;
}

function validateTarget(policy: TargetPolicy): string[] {
  const problems: string[] = [];
  if (policy.metrics.length === 0) problems.push("metrics must list at least one metric");
  policy.metrics.forEach((metric, i) => problems.push(...validateMetric(metric, `metrics[${i}]`)));
  if (policy.tolerance !== undefined && !isFiniteAtLeast(policy.tolerance, 0)) problems.push("tolerance must be ≥ 0");
  if (policy.metricWindowMs !== undefined && !(Number.isFinite(policy.metricWindowMs) && policy.metricWindowMs > 0)) {
    problems.push("metricWindowMs must be > 0");
  }
  problems.push(...validateRules(policy.behavior?.scaleUp, "behavior.scaleUp"));
  problems.push(...validateRules(policy.behavior?.scaleDown, "behavior.scaleDown"));
  return problems;
}

function validateMetric(metric: MetricSpec, path: string): string[] {
  switch (metric.type) {
    case "resource":
      return isPositive(metric.targetAverageUtilization) ? [] : [`${path}.targetAverageUtilization must be > 0`];
    case "pods":
      return [
        ...(metric.name === "" ? [`${path}.name must not be empty`] : []),
        ...(isPositive(metric.targetAverageValue) ? [] : [`${path}.targetAverageValue must be > 0`]),
      ];
    case "object": {
      const value = metric.target.type === "Value" ? metric.target.value : metric.target.averageValue;
      return [
        ...(metric.name === "" ? [`${path}.name must not be empty`] : []),
        ...(isPositive(value) ? [] : [`${path}.target must be > 0`]),
      ];
    }
  }
}

function validateRules(rules: HpaScalingRules | undefined, path: string): string[] {
  if (rules === undefined) return [];
  const problems: string[] = [];
  const window = rules.stabilizationWindowSeconds;
  if (window !== undefined && !(isIntegerAtLeast(window, 0) && window <= MAX_STABILIZATION_WINDOW_SECONDS)) {
    const limit = MAX_STABILIZATION_WINDOW_SECONDS;
    problems.push(`${path}.stabilizationWindowSeconds must be an integer in [0, ${limit}]`);
  }
  if (rules.tolerance !== undefined && !isFiniteAtLeast(rules.tolerance, 0)) problems.push(`${path}.tolerance must be ≥ 0`);
  if (rules.policies !== undefined && rules.policies.length === 0) problems.push(`${path}.policies must list at least one policy`);
  rules.policies?.forEach((p, i) => {
    if (!isIntegerAtLeast(p.value, 1)) problems.push(`${path}.policies[${i}].value must be an integer ≥ 1`);
    if (!(isIntegerAtLeast(p.periodSeconds, 1) && p.periodSeconds <= MAX_PERIOD_SECONDS)) {
      problems.push(`${path}.policies[${i}].periodSeconds must be an integer in [1, ${MAX_PERIOD_SECONDS}]`);
    }
  });
  return problems;
}

function isIntegerAtLeast(value: number, lowest: number): boolean {
  return Number.isInteger(value) && value >= lowest;
}

function isFiniteAtLeast(value: number, lowest: number): boolean {
  return Number.isFinite(value) && value >= lowest;
}

function isPositive(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}
