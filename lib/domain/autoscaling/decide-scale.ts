import { finishDecision } from "./explanation";
import { summarizePodCpu } from "./pod-cpu-summary";
import { DEFAULT_METRIC_WINDOW_MS } from "./target/defaults";
import { decideTarget } from "./target/decide-target";
import { decideThreshold } from "./threshold/decide-threshold";
import type { AutoscalingPolicy, DecisionInputs, ScaleDecision, ScaleHistory, ScaleSnapshot } from "./types";
import { validatePolicy } from "./validate-policy";

/**
 * Decides the replica count for one autoscaler evaluation. Pure: the clock is `now` and the
 * memory is `history`; the caller stores `decision.persist` (see `recordDecision`) and applies
 * `decision.result`. An invalid policy or snapshot yields "none" with the problems as the reason.
 */
export function decideScale(
  snapshot: ScaleSnapshot,
  policy: AutoscalingPolicy,
  history: ScaleHistory,
  now: number,
): ScaleDecision {
  const windowMs = policy.mode === "threshold" ? policy.windowMs : (policy.metricWindowMs ?? DEFAULT_METRIC_WINDOW_MS);
  const pods = summarizePodCpu(snapshot.cpuSamples, windowMs, now);
  const inputs: DecisionInputs = { mode: policy.mode, now, currentReplicas: snapshot.currentReplicas, windowMs, pods };

  const problems = [...validatePolicy(policy), ...validateSnapshot(snapshot, now)];
  if (problems.length > 0) {
    const reason = `invalid input: ${problems.join("; ")}`;
    return finishDecision(inputs, {
      steps: [{ rule: "validation", detail: problems.join("; "), effect: "no decision" }],
      metrics: [],
      desiredReplicas: snapshot.currentReplicas,
      reason,
      persist: { recommendations: [], events: [] },
    });
  }

  const outcome =
    policy.mode === "threshold"
      ? decideThreshold(snapshot, policy, history, pods, now)
      : decideTarget(snapshot, policy, history, pods, now);
  return finishDecision(inputs, outcome);
}

function validateSnapshot(snapshot: ScaleSnapshot, now: number): string[] {
  const problems: string[] = [];
  if (!(Number.isInteger(snapshot.currentReplicas) && snapshot.currentReplicas >= 0)) {
    problems.push("currentReplicas must be an integer ≥ 0");
  }
  if (!Number.isFinite(now)) problems.push("now must be a finite time in ms");
  return problems;
}
