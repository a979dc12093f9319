import {
  DEFAULT_METRIC_WINDOW_MS,
  DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS,
  DEFAULT_TOLERANCE,
  type AutoscalingPolicy,
  type MetricSpec,
  type ScaleAction,
} from "@/lib/domain/autoscaling";

export const modeNames: Record<AutoscalingPolicy["mode"], string> = { threshold: "Threshold", target: "Target (HPA)" };

export const actionNames: Record<ScaleAction, string> = { scale_up: "scaled up", scale_down: "scaled down", none: "no change" };

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const pct = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

function describeMetric(m: MetricSpec): string {
  switch (m.type) {
    case "resource":
      return `CPU at ${m.targetAverageUtilization}% of request`;
    case "pods":
      return `${m.name} at ${m.targetAverageValue} per pod`;
    case "object":
      return m.target.type === "Value" ? `${m.name} at ${m.target.value}` : `${m.name} at ${m.target.averageValue} per pod`;
  }
}

/** One line for a list: what moves the replica count. */
export function policyShort(policy: AutoscalingPolicy): string {
  if (policy.mode === "threshold") {
    const step = policy.step ?? 1;
    return `CPU > ${policy.scaleUpThreshold}% → +${step}, < ${policy.scaleDownThreshold}% → −${step}`;
  }
  return `keep ${policy.metrics.map(describeMetric).join(", ")}`;
}

/** The policy in sentences, defaults spelled out, for the detail page. */
export function policyLong(policy: AutoscalingPolicy): string[] {
  const range = `Keeps between ${policy.minReplicas} and ${policy.maxReplicas} replicas.`;
  if (policy.mode === "threshold") {
    const step = policy.step ?? 1;
    return [
      range,
      `Averages CPU utilization (% of each pod's request) over the last ${seconds(policy.windowMs)}.`,
      `Above ${policy.scaleUpThreshold}% it adds ${step}; below ${policy.scaleDownThreshold}% it removes ${step}` +
        (policy.targetCpu === undefined ? "." : `; the target line is ${policy.targetCpu}%.`),
      `After a scale it waits ${seconds(policy.cooldownMs)} (cooldown) before acting again.`,
    ];
  }
  const up = policy.behavior?.scaleUp?.stabilizationWindowSeconds ?? 0;
  const down = policy.behavior?.scaleDown?.stabilizationWindowSeconds ?? DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS;
  return [
    range,
    `Sizes the workload to keep ${policy.metrics.map(describeMetric).join(" and ")} (Kubernetes HPA: desired = ⌈current × metric ÷ target⌉).`,
    `Ignores changes within ±${pct(policy.tolerance ?? DEFAULT_TOLERANCE)} of the target; averages CPU over ${seconds(policy.metricWindowMs ?? DEFAULT_METRIC_WINDOW_MS)}.`,
    `Stabilization: scales up on the lowest recommendation of the last ${up} s, down on the highest of the last ${down} s.`,
  ];
}

/** Long UUIDs in explanation sentences, shortened to their first 8 characters for reading. */
export function shortenIds(sentence: string): string {
  return sentence.replace(/\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, "$1…");
}
