import type { AutoscalingPolicy, HpaScalingRules, TargetPolicy } from "@/lib/domain/autoscaling";

/**
 * The autoscaler form speaks in the units people type — seconds and percent — and shows the CPU metric only; the
 * policy is the domain's (milliseconds, fractions, a metrics list). These two functions translate both ways. On
 * edit, whatever the form does not show (other metrics, rate policies set through the API) is carried over from
 * the stored policy, so saving the form never silently drops it.
 */

/** The form's `policy.*` fields after formDataToObject (numbers, or NaN for a non-number, or absent when blank). */
export interface PolicyFormFields {
  mode?: unknown;
  minReplicas?: unknown;
  maxReplicas?: unknown;
  scaleUpThreshold?: unknown;
  scaleDownThreshold?: unknown;
  targetCpu?: unknown;
  step?: unknown;
  cooldownSeconds?: unknown;
  windowSeconds?: unknown;
  cpuTarget?: unknown;
  tolerancePercent?: unknown;
  metricWindowSeconds?: unknown;
  scaleUpStabilizationSeconds?: unknown;
  scaleDownStabilizationSeconds?: unknown;
}

/** Where the server's error for a policy field shows in the form (its path as the schema names it). */
export const policyErrorPaths = {
  minReplicas: "policy.minReplicas",
  maxReplicas: "policy.maxReplicas",
  scaleUpThreshold: "policy.scaleUpThreshold",
  scaleDownThreshold: "policy.scaleDownThreshold",
  targetCpu: "policy.targetCpu",
  step: "policy.step",
  cooldownSeconds: "policy.cooldownMs",
  windowSeconds: "policy.windowMs",
  /** With an API-set policy the CPU metric may not be first: see cpuMetricIndex. */
  cpuTarget: "policy.metrics.0.targetAverageUtilization",
  tolerancePercent: "policy.tolerance",
  metricWindowSeconds: "policy.metricWindowMs",
  scaleUpStabilizationSeconds: "policy.behavior.scaleUp.stabilizationWindowSeconds",
  scaleDownStabilizationSeconds: "policy.behavior.scaleDown.stabilizationWindowSeconds",
} as const satisfies Record<Exclude<keyof PolicyFormFields, "mode">, string>;

/** Scale a typed number; anything else (absent, NaN) passes through so validation names the field. */
const scaled = (value: unknown, factor: number) => (typeof value === "number" ? round(value * factor) : value);
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function withoutUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** The form's fields as the policy the API validates; `original` is the stored policy when editing. */
export function policyFromForm(fields: PolicyFormFields, original?: AutoscalingPolicy): Record<string, unknown> {
  if (fields.mode === "target") return targetFromForm(fields, original?.mode === "target" ? original : undefined);
  if (fields.mode !== "threshold") return { mode: fields.mode };
  return withoutUndefined({
    mode: "threshold",
    minReplicas: fields.minReplicas,
    maxReplicas: fields.maxReplicas,
    scaleUpThreshold: fields.scaleUpThreshold,
    scaleDownThreshold: fields.scaleDownThreshold,
    targetCpu: fields.targetCpu,
    step: fields.step,
    cooldownMs: scaled(fields.cooldownSeconds, 1000),
    windowMs: scaled(fields.windowSeconds, 1000),
  });
}

/** Where the CPU metric sits in the policy the form posts: its place in the stored policy, else first. */
export function cpuMetricIndex(original?: AutoscalingPolicy): number {
  const index = original?.mode === "target" ? original.metrics.findIndex((m) => m.type === "resource") : -1;
  return Math.max(0, index);
}

function targetFromForm(fields: PolicyFormFields, original: TargetPolicy | undefined): Record<string, unknown> {
  // The CPU metric keeps its place among the API-set metrics (errors name it metrics.<cpuMetricIndex>.*); without a
  // CPU target, only those remain.
  const metrics: unknown[] = original?.metrics.filter((m) => m.type !== "resource") ?? [];
  if (fields.cpuTarget !== undefined || metrics.length === 0) {
    metrics.splice(cpuMetricIndex(original), 0, { type: "resource", resource: "cpu", targetAverageUtilization: fields.cpuTarget });
  }
  const rules = (kept: HpaScalingRules | undefined, seconds: unknown) => {
    const merged = withoutUndefined({ ...kept, stabilizationWindowSeconds: seconds });
    return Object.keys(merged).length > 0 ? merged : undefined;
  };
  const behavior = withoutUndefined({
    scaleUp: rules(original?.behavior?.scaleUp, fields.scaleUpStabilizationSeconds),
    scaleDown: rules(original?.behavior?.scaleDown, fields.scaleDownStabilizationSeconds),
  });
  return withoutUndefined({
    mode: "target",
    minReplicas: fields.minReplicas,
    maxReplicas: fields.maxReplicas,
    metrics,
    behavior: Object.keys(behavior).length > 0 ? behavior : undefined,
    tolerance: scaled(fields.tolerancePercent, 1 / 100),
    metricWindowMs: scaled(fields.metricWindowSeconds, 1000),
  });
}

/** What each form field shows: the stored policy's values in form units, defaults for the mode not in use. */
export interface PolicyFormValues {
  mode: AutoscalingPolicy["mode"];
  minReplicas: number;
  maxReplicas: number;
  scaleUpThreshold: number;
  scaleDownThreshold: number;
  targetCpu?: number;
  step: number;
  cooldownSeconds: number;
  windowSeconds: number;
  cpuTarget?: number;
  tolerancePercent?: number;
  metricWindowSeconds?: number;
  scaleUpStabilizationSeconds?: number;
  scaleDownStabilizationSeconds?: number;
}

/**
 * New autoscalers start from the threshold defaults of the API (cooldown 60 s, CPU over 30 s) and, in target mode,
 * a 60% CPU target; target-mode fields left blank mean the HPA defaults (placeholders show them).
 */
export const NEW_POLICY_VALUES: PolicyFormValues = {
  mode: "threshold",
  minReplicas: 1,
  maxReplicas: 5,
  scaleUpThreshold: 70,
  scaleDownThreshold: 30,
  step: 1,
  cooldownSeconds: 60,
  windowSeconds: 30,
  cpuTarget: 60,
};

export function policyFormValues(policy?: AutoscalingPolicy): PolicyFormValues {
  if (!policy) return NEW_POLICY_VALUES;
  const shared = { ...NEW_POLICY_VALUES, mode: policy.mode, minReplicas: policy.minReplicas, maxReplicas: policy.maxReplicas };
  if (policy.mode === "threshold") {
    return {
      ...shared,
      scaleUpThreshold: policy.scaleUpThreshold,
      scaleDownThreshold: policy.scaleDownThreshold,
      targetCpu: policy.targetCpu,
      step: policy.step ?? 1,
      cooldownSeconds: round(policy.cooldownMs / 1000),
      windowSeconds: round(policy.windowMs / 1000),
      // Switching to target mode starts from the threshold policy's own target line, if it has one.
      cpuTarget: policy.targetCpu ?? NEW_POLICY_VALUES.cpuTarget,
    };
  }
  const cpu = policy.metrics.find((m) => m.type === "resource");
  return {
    ...shared,
    cpuTarget: cpu?.targetAverageUtilization,
    tolerancePercent: policy.tolerance === undefined ? undefined : round(policy.tolerance * 100),
    metricWindowSeconds: policy.metricWindowMs === undefined ? undefined : round(policy.metricWindowMs / 1000),
    scaleUpStabilizationSeconds: policy.behavior?.scaleUp?.stabilizationWindowSeconds,
    scaleDownStabilizationSeconds: policy.behavior?.scaleDown?.stabilizationWindowSeconds,
  };
}

/** Settings of a stored target policy the form does not show (kept on save), in words; empty for threshold mode. */
export function hiddenPolicySettings(policy?: AutoscalingPolicy): string[] {
  if (policy?.mode !== "target") return [];
  const hidden = policy.metrics.filter((m) => m.type !== "resource").map((m) => `${m.type} metric “${m.name}”`);
  for (const [direction, rules] of [["scale-up", policy.behavior?.scaleUp], ["scale-down", policy.behavior?.scaleDown]] as const) {
    if (rules?.policies) hidden.push(`${direction} rate policies (${rules.policies.length})`);
    if (rules?.selectPolicy) hidden.push(`${direction} selectPolicy ${rules.selectPolicy}`);
    if (rules?.tolerance !== undefined) hidden.push(`${direction} tolerance ${rules.tolerance}`);
  }
  return hidden;
}

/** The whole form (after formDataToObject) as a create or update input: the policy translated, the rest as typed. */
export function autoscalerInputFromForm(raw: Record<string, unknown>, original?: AutoscalingPolicy): Record<string, unknown> {
  const { policy, ...rest } = raw;
  const fields = typeof policy === "object" && policy !== null ? (policy as PolicyFormFields) : {};
  return { ...rest, policy: policyFromForm(fields, original) };
}
