import type { Outcome } from "../explanation";
import { fmt, plural } from "../format";
import { lastScaleAt } from "../history";
import type { PodCpuSummary, RuleStep, ScaleHistory, ScaleSnapshot, ThresholdPolicy } from "../types";

/**
 * The seed's threshold autoscaler (AutoScaler.shouldScale), with its bugs fixed:
 * - the cooldown starts at the last *scale*, not at the last evaluation (the Haskell version reset
 *   it even when nothing changed, so a steady load could block scaling forever);
 * - no CPU readings means "no decision", not 0% CPU (which made the seed scale down on a metrics
 *   outage; AWS likewise never scales in on insufficient data);
 * - a clock that runs backwards keeps the cooldown (the Rust u64 subtraction underflowed).
 * Order: cooldown (Lean: `now − last < cooldown → none`, so acting is allowed at exactly the
 * cooldown), then [min, max] (outside → straight to the nearest bound, like HPA), then thresholds
 * (strict `>` / `<`, as in the seed) with ±step clamped to [min, max].
 */
export function decideThreshold(
  snapshot: ScaleSnapshot,
  policy: ThresholdPolicy,
  history: ScaleHistory,
  pods: readonly PodCpuSummary[],
  now: number,
): Outcome {
  const current = snapshot.currentReplicas;
  const steps: RuleStep[] = [];
  const keep = (reason: string): Outcome => ({
    steps,
    metrics: [],
    desiredReplicas: current,
    reason,
    persist: { recommendations: [], events: [] },
  });
  const scaleTo = (replicas: number, reason: string): Outcome => ({
    steps,
    metrics: [],
    desiredReplicas: replicas,
    reason,
    persist: { recommendations: [], events: [{ at: now, fromReplicas: current, toReplicas: replicas }] },
  });

  const last = lastScaleAt(history);
  if (last !== undefined) {
    const elapsed = now - last;
    const detail = `last scale ${fmt(elapsed / 1000)} s ago, cooldown ${fmt(policy.cooldownMs / 1000)} s`;
    if (elapsed < policy.cooldownMs) {
      const reason = `in cooldown for another ${fmt((policy.cooldownMs - elapsed) / 1000)} s`;
      steps.push({ rule: "cooldown", detail, effect: reason });
      return keep(reason);
    }
    steps.push({ rule: "cooldown", detail, effect: "cooldown over" });
  }

  const { minReplicas: min, maxReplicas: max } = policy;
  if (current < min || current > max) {
    const below = current < min;
    const bound = below ? min : max;
    steps.push({
      rule: "range",
      detail: `${current} replicas is outside [${min}, ${max}]`,
      effect: `set to ${below ? "minReplicas" : "maxReplicas"} ${bound}`,
      replicas: bound,
    });
    return scaleTo(bound, `current replicas ${below ? "below minReplicas" : "above maxReplicas"}`);
  }

  const average = averageUtilization(pods);
  steps.push(average.step);
  if (average.percent === undefined) return keep(average.reason);
  const percent = average.percent;
  const step = policy.step ?? 1;

  if (percent > policy.scaleUpThreshold) {
    const desired = Math.min(current + step, max);
    const detail = `${fmt(percent)}% > ${fmt(policy.scaleUpThreshold)}%`;
    if (desired === current) {
      steps.push({ rule: "threshold", detail, effect: `already at maxReplicas ${max}` });
      return keep(`CPU above threshold but already at maxReplicas ${max}`);
    }
    steps.push({ rule: "threshold", detail, effect: `add ${desired - current} (step ${step}, max ${max})`, replicas: desired });
    return scaleTo(desired, `average CPU ${fmt(percent)}% above ${fmt(policy.scaleUpThreshold)}%`);
  }
  if (percent < policy.scaleDownThreshold) {
    const desired = Math.max(current - step, min);
    const detail = `${fmt(percent)}% < ${fmt(policy.scaleDownThreshold)}%`;
    if (desired === current) {
      steps.push({ rule: "threshold", detail, effect: `already at minReplicas ${min}` });
      return keep(`CPU below threshold but already at minReplicas ${min}`);
    }
    steps.push({ rule: "threshold", detail, effect: `remove ${current - desired} (step ${step}, min ${min})`, replicas: desired });
    return scaleTo(desired, `average CPU ${fmt(percent)}% below ${fmt(policy.scaleDownThreshold)}%`);
  }
  const target = policy.targetCpu === undefined ? "" : `, target ${fmt(policy.targetCpu)}%`;
  steps.push({
    rule: "threshold",
    detail: `${fmt(percent)}% within [${fmt(policy.scaleDownThreshold)}%, ${fmt(policy.scaleUpThreshold)}%]${target}`,
    effect: "no change",
  });
  return keep(`average CPU ${fmt(percent)}% within thresholds`);
}

/**
 * Σ usage · 100 / Σ request over pods with readings in the window, dropping failed and deleting
 * pods (as HPA does). Weighting by request keeps a small pod from swinging the average.
 */
function averageUtilization(
  pods: readonly PodCpuSummary[],
): { percent: number; step: RuleStep } | { percent: undefined; reason: string; step: RuleStep } {
  const counted: { pod: PodCpuSummary; cpuMillis: number }[] = [];
  for (const pod of pods) {
    const dropped = pod.phase === "Failed" || pod.deleting;
    if (!dropped && pod.cpuMillis !== undefined) counted.push({ pod, cpuMillis: pod.cpuMillis });
  }
  if (counted.length === 0) {
    const reason = "insufficient data: no CPU readings in the window";
    const detail = `${plural(pods.length, "pod")}, none with a usable CPU reading in the window`;
    return { percent: undefined, reason, step: { rule: "average", detail, effect: "no decision" } };
  }
  const unrequested = counted.find(({ pod }) => !(pod.requestMillis > 0));
  if (unrequested) {
    const reason = `pod ${unrequested.pod.podId} has no CPU request, so utilization is undefined`;
    return { percent: undefined, reason, step: { rule: "average", detail: reason, effect: "no decision" } };
  }
  let usage = 0;
  let request = 0;
  for (const { pod, cpuMillis } of counted) {
    usage += cpuMillis;
    request += pod.requestMillis;
  }
  const percent = (usage * 100) / request;
  const left = pods.length - counted.length;
  const leftOut = left > 0 ? ` (${plural(left, "pod")} without reading, failed or deleting left out)` : "";
  return {
    percent,
    step: {
      rule: "average",
      detail: `${fmt(usage)}m used of ${fmt(request)}m requested over ${plural(counted.length, "pod")}${leftOut}`,
      effect: `average ${fmt(percent)}% of request`,
    },
  };
}
