import { fmt, plural } from "./format";
import type {
  DecisionInputs,
  DecisionResult,
  HistoryEntries,
  MetricEvaluation,
  PodCpuSummary,
  RuleStep,
  ScaleAction,
  ScaleDecision,
} from "./types";

/** What a mode decides; `finishDecision` turns it into the public `ScaleDecision`. */
export interface Outcome {
  steps: RuleStep[];
  metrics: MetricEvaluation[];
  desiredReplicas: number;
  reason: string;
  persist: HistoryEntries;
}

const MAX_PODS_LISTED = 20;

export function actionFor(currentReplicas: number, desiredReplicas: number): ScaleAction {
  if (desiredReplicas > currentReplicas) return "scale_up";
  if (desiredReplicas < currentReplicas) return "scale_down";
  return "none";
}

export function finishDecision(inputs: DecisionInputs, outcome: Outcome): ScaleDecision {
  const result: DecisionResult = {
    desiredReplicas: outcome.desiredReplicas,
    action: actionFor(inputs.currentReplicas, outcome.desiredReplicas),
    reason: outcome.reason,
  };
  return {
    inputs,
    steps: outcome.steps,
    metrics: outcome.metrics,
    result,
    persist: outcome.persist,
    explanation: explain(inputs, outcome.steps, result),
  };
}

/** The decision as sentences: inputs, each rule in order, then the result. */
export function explain(inputs: DecisionInputs, steps: readonly RuleStep[], result: DecisionResult): string[] {
  return [
    `${inputs.mode === "threshold" ? "Threshold" : "Target (HPA)"} mode: ${plural(inputs.currentReplicas, "current replica")}, ` +
      `${plural(inputs.pods.length, "pod")} observed over the last ${fmt(inputs.windowMs / 1000)} s.`,
    ...(inputs.pods.length > 0 ? [`Pods: ${describePods(inputs.pods)}.`] : []),
    ...steps.map((step, i) => `${i + 1}. ${step.rule}: ${step.detail} → ${step.effect}.`),
    describeResult(inputs.currentReplicas, result),
  ];
}

function describeResult(current: number, result: DecisionResult): string {
  switch (result.action) {
    case "scale_up":
      return `Result: scale up ${current} → ${result.desiredReplicas} (${result.reason}).`;
    case "scale_down":
      return `Result: scale down ${current} → ${result.desiredReplicas} (${result.reason}).`;
    case "none":
      return `Result: keep ${current} replicas (${result.reason}).`;
  }
}

function describePods(pods: readonly PodCpuSummary[]): string {
  const listed = pods.slice(0, MAX_PODS_LISTED).map(describePod);
  const more = pods.length - listed.length;
  return more > 0 ? `${listed.join("; ")}; and ${more} more` : listed.join("; ");
}

function describePod(pod: PodCpuSummary): string {
  const status = `${pod.phase}${pod.deleting ? " deleting" : ""}, ${pod.ready ? "ready" : "not ready"}`;
  const usage =
    pod.cpuMillis === undefined
      ? "no CPU reading"
      : `${fmt(pod.cpuMillis)}m of ${fmt(pod.requestMillis)}m` +
        (pod.utilizationPercent === undefined ? "" : ` (${fmt(pod.utilizationPercent)}%)`);
  return `${pod.podId} ${status}, ${usage}`;
}
