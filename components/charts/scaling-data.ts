import type { AutoscalingPolicy, DecisionInputs, MetricEvaluation } from "@/lib/domain/autoscaling";

/** The part of a recorded decision the chart reads (lib/server/dal/autoscalers ScaleDecisionRecord). */
export interface DecisionSample {
  at: string;
  desiredReplicas: number;
  inputs: DecisionInputs | null;
  metrics: MetricEvaluation[];
}

export interface ScalingPoint {
  /** Epoch ms. */
  at: number;
  /** Average CPU utilization (% of request) the decision saw; null when it had no readings (a gap in the line). */
  cpu: number | null;
  /** The replica count the decision left the workload at. */
  replicas: number;
}

export interface ScalingGuide {
  value: number;
  label: string;
  kind: "up" | "down" | "target";
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/**
 * The average CPU utilization a decision acted on. Target mode reports it as the CPU metric's current value (what
 * HPA compared with its target); threshold mode averages its pods as the domain does: Σ usage / Σ request over
 * pods with a reading, leaving out failed and deleting pods.
 */
export function averageCpuPercent(decision: Pick<DecisionSample, "inputs" | "metrics">): number | null {
  const cpu = decision.metrics.find((m) => m.key === "resource/cpu");
  if (cpu?.ok) return oneDecimal(cpu.current);
  let usage = 0;
  let request = 0;
  for (const pod of decision.inputs?.pods ?? []) {
    if (pod.phase === "Failed" || pod.deleting || typeof pod.cpuMillis !== "number") continue;
    usage += pod.cpuMillis;
    request += pod.requestMillis;
  }
  return request > 0 ? oneDecimal((usage * 100) / request) : null;
}

/** Decisions (any order) as chart points, oldest first. */
export function toScalingPoints(decisions: readonly DecisionSample[]): ScalingPoint[] {
  return decisions
    .map((d) => ({ at: Date.parse(d.at), cpu: averageCpuPercent(d), replicas: d.desiredReplicas }))
    .sort((a, b) => a.at - b.at);
}

/** The lines the CPU is judged against: the thresholds (and target line) or the HPA CPU target. */
export function policyGuides(policy: AutoscalingPolicy): ScalingGuide[] {
  if (policy.mode === "threshold") {
    return [
      { value: policy.scaleUpThreshold, label: `scale up above ${policy.scaleUpThreshold}%`, kind: "up" as const },
      ...(policy.targetCpu === undefined ? [] : [{ value: policy.targetCpu, label: `target ${policy.targetCpu}%`, kind: "target" as const }]),
      { value: policy.scaleDownThreshold, label: `scale down below ${policy.scaleDownThreshold}%`, kind: "down" as const },
    ];
  }
  return policy.metrics.flatMap((m) =>
    m.type === "resource" ? [{ value: m.targetAverageUtilization, label: `target ${m.targetAverageUtilization}%`, kind: "target" as const }] : [],
  );
}

/** Decisions come every 5 s; a longer window keeps one per step so a chart holds at most ~300 of them. */
export const MAX_DECISION_POINTS = 300;
export function decisionStep(spanMs: number): number {
  return Math.max(5, Math.ceil(spanMs / 1000 / MAX_DECISION_POINTS));
}

/** The CPU axis: from 0 to a round number above every reading and guide, at least 100%. */
export function cpuAxisMax(points: readonly ScalingPoint[], guides: readonly ScalingGuide[]): number {
  const highest = Math.max(100, ...points.map((p) => p.cpu ?? 0), ...guides.map((g) => g.value));
  return Math.ceil((highest * 1.1) / 25) * 25;
}

/** The replica axis: from 0 to one above the policy's maximum and every recorded count. */
export function replicaAxisMax(points: readonly ScalingPoint[], maxReplicas: number): number {
  return Math.max(maxReplicas, ...points.map((p) => p.replicas)) + 1;
}

/** Round ticks from 0 to `max` (the CPU axis): about five of them, at 10, 20, 25, 50, 100… apart. */
export function cpuTicks(max: number): number[] {
  const step = [10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => max / s <= 6) ?? Math.ceil(max / 5);
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}

/** Whole-number ticks from 0 to `max` (the replica axis), at most seven of them. */
export function replicaTicks(max: number): number[] {
  const step = Math.max(1, Math.ceil(max / 6));
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
}
