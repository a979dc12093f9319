import type { Outcome } from "../explanation";
import type { PodCpuSummary, Recommendation, RuleStep, ScaleHistory, ScaleSnapshot, TargetPolicy } from "../types";
import { resolveBehavior } from "./defaults";
import { combineProposals, proposeForMetric, toEvaluation } from "./metric-proposals";
import { applyRateLimits } from "./rate-limit";
import { stabilize } from "./stabilize";

/**
 * One HPA reconcile (horizontal.go reconcileAutoscaler + normalizeDesiredReplicasWithBehaviors):
 * 0 replicas → disabled; outside [min, max] → straight to the nearest bound; otherwise metrics →
 * largest proposal → stabilization → rate policies and [min, max].
 * The first run (no stored recommendations) records the current count as a recommendation, as
 * HPA's recordInitialRecommendation does, so a fresh autoscaler waits out the scale-down window.
 */
export function decideTarget(
  snapshot: ScaleSnapshot,
  policy: TargetPolicy,
  history: ScaleHistory,
  pods: readonly PodCpuSummary[],
  now: number,
): Outcome {
  const current = snapshot.currentReplicas;
  const initial: Recommendation[] = history.recommendations.length === 0 ? [{ at: now, replicas: current }] : [];
  const recommendations = [...history.recommendations, ...initial];
  const keep = (steps: RuleStep[], reason: string, metrics: Outcome["metrics"] = []): Outcome => ({
    steps,
    metrics,
    desiredReplicas: current,
    reason,
    persist: { recommendations: initial, events: [] },
  });

  if (current === 0) {
    const reason = "scaling is disabled since the replica count of the target is zero";
    return keep([{ rule: "disabled", detail: "the target has 0 replicas", effect: reason }], reason);
  }
  const above = current > policy.maxReplicas;
  if (above || current < policy.minReplicas) {
    const bound = above ? policy.maxReplicas : policy.minReplicas;
    const reason = `Current number of replicas ${above ? "above Spec.MaxReplicas" : "below Spec.MinReplicas"}`;
    return {
      steps: [
        {
          rule: "range",
          detail: `${current} replicas is outside [${policy.minReplicas}, ${policy.maxReplicas}]`,
          effect: `set to ${above ? "maxReplicas" : "minReplicas"} ${bound} without consulting metrics`,
          replicas: bound,
        },
      ],
      metrics: [],
      desiredReplicas: bound,
      reason,
      persist: { recommendations: initial, events: [{ at: now, fromReplicas: current, toReplicas: bound }] },
    };
  }

  const behavior = resolveBehavior(policy);
  const tolerances = { up: behavior.scaleUp.tolerance, down: behavior.scaleDown.tolerance };
  const proposals = policy.metrics.map((spec) => proposeForMetric(spec, snapshot, pods, tolerances));
  const steps = proposals.flatMap((p) => p.steps);
  const metrics = proposals.map(toEvaluation);
  const combined = combineProposals(proposals, current);
  steps.push(combined.step);
  if (!combined.ok) return keep(steps, combined.reason, metrics);

  const stabilized = stabilize({
    currentReplicas: current,
    desiredReplicas: combined.replicas,
    recommendations,
    now,
    upWindowSeconds: behavior.scaleUp.stabilizationWindowSeconds,
    downWindowSeconds: behavior.scaleDown.stabilizationWindowSeconds,
  });
  steps.push(stabilized.step);
  const limited = applyRateLimits({
    currentReplicas: current,
    desiredReplicas: stabilized.replicas,
    minReplicas: policy.minReplicas,
    maxReplicas: policy.maxReplicas,
    scaleUp: behavior.scaleUp,
    scaleDown: behavior.scaleDown,
    events: history.events,
    now,
  });
  steps.push(limited.step);

  const desired = limited.replicas;
  return {
    steps,
    metrics,
    desiredReplicas: desired,
    reason: reasonFor(current, desired, combined.replicas, combined.metricKey, stabilized.replicas, limited.step.effect),
    persist: {
      // HPA stores the unstabilized recommendation: stabilization works on raw metric opinions.
      recommendations: [...initial, { at: now, replicas: combined.replicas }],
      events: desired === current ? [] : [{ at: now, fromReplicas: current, toReplicas: desired }],
    },
  };
}

/** HPA's rescale reasons when scaling; otherwise the rule that held the count. */
function reasonFor(
  current: number,
  desired: number,
  proposed: number,
  metricKey: string,
  stabilized: number,
  limitEffect: string,
): string {
  if (desired > current) return `${metricKey} above target`;
  if (desired < current) return "All metrics below target";
  if (proposed === current) return "the metrics propose the current replica count";
  if (stabilized === current) {
    return proposed < current
      ? "scale-down stabilized: recent recommendations were higher"
      : "scale-up stabilized: recent recommendations were lower";
  }
  return limitEffect;
}
