import { fmt, plural } from "../format";
import type { PodCpuSummary, RuleStep } from "../types";
import { groupPods } from "./group-pods";
import { failed, type Proposal } from "./proposal";
import { describeTolerance, isWithinTolerance, type Tolerances } from "./tolerance";

/** What differs between a CPU utilization metric and a Pods average-value metric. */
export interface PerPodMetric {
  key: string;
  target: number;
  /** CPU only: a running pod that is not ready counts as not ready (HPA checks readiness for CPU alone). */
  readinessMatters: boolean;
  valueOf(pod: PodCpuSummary): number | undefined;
  /** Current value (in the metric's unit) and usage ratio of a set of per-pod values. */
  measure(values: ReadonlyMap<PodCpuSummary, number>): { current: number; ratio: number };
  /** Value assumed for a pod without metrics when the first pass says scale down. */
  scaleDownFallback(pod: PodCpuSummary): number;
  describeCurrent(current: number): string;
  describeFallback: string;
}

/**
 * HPA GetResourceReplicas / calcPlainMetricReplicas: ratio over ready pods with metrics; if nothing
 * is missing or held back, ceil(ratio × ready) unless within tolerance. Otherwise fill the gaps
 * conservatively (missing: fallback on scale-down, 0 on scale-up; not-ready: 0 on scale-up only),
 * recompute, and keep the current count if the new ratio is within tolerance or flips direction.
 */
export function proposeFromPerPodMetric(
  metric: PerPodMetric,
  pods: readonly PodCpuSummary[],
  currentReplicas: number,
  tolerances: Tolerances,
): Proposal {
  const { key } = metric;
  if (pods.length === 0) return failed(key, "no pods reported for the scale target");

  const groups = groupPods(pods, metric.valueOf, metric.readinessMatters);
  const steps: RuleStep[] = [
    {
      rule: "pods",
      detail:
        `${key}: ${groups.ready.length} with metrics, ${groups.unready.length} not ready or pending, ` +
        `${groups.missing.length} missing metrics, ${groups.ignored.length} failed or deleting`,
      effect: groups.ignored.length > 0 ? `${plural(groups.ignored.length, "pod")} dropped` : "no pod dropped",
    },
  ];

  const values = new Map(groups.ready.map(({ pod, value }) => [pod, value] as const));
  if (values.size === 0) return failed(key, "did not receive metrics for targeted pods (pods might be unready)", steps);

  const first = metric.measure(values);
  const ok = (replicas: number): Proposal => ({
    key,
    ok: true,
    replicas,
    current: first.current,
    target: metric.target,
    ratio: first.ratio,
    steps,
  });
  steps.push({
    rule: "metric",
    detail: `${key}: ${metric.describeCurrent(first.current)} over ${plural(values.size, "pod")} vs target ${fmt(metric.target)}`,
    effect: `usage ratio ${fmt(first.ratio)}`,
  });

  const scaleUpWithUnready = groups.unready.length > 0 && first.ratio > 1;
  if (!scaleUpWithUnready && groups.missing.length === 0) {
    if (groups.unready.length > 0) {
      steps.push({
        rule: "not_ready_pods",
        detail: `${key}: ${plural(groups.unready.length, "pod")} not ready or pending`,
        effect: "left out (they only count on scale-up)",
      });
    }
    if (isWithinTolerance(first.ratio, tolerances)) {
      steps.push(withinTolerance(key, first.ratio, tolerances, currentReplicas));
      return ok(currentReplicas);
    }
    const replicas = Math.ceil(first.ratio * values.size);
    steps.push({
      rule: "tolerance",
      detail: `${key}: ratio ${fmt(first.ratio)} outside tolerance ${describeTolerance(tolerances)}`,
      effect: `ceil(${fmt(first.ratio)} × ${values.size}) = ${replicas} replicas`,
      replicas,
    });
    return ok(replicas);
  }

  if (groups.missing.length > 0) fillMissing(metric, groups.missing, first.ratio, values, steps);
  if (scaleUpWithUnready) {
    for (const pod of groups.unready) values.set(pod, 0);
    steps.push({
      rule: "not_ready_pods",
      detail: `${key}: ${plural(groups.unready.length, "pod")} not ready or pending while scaling up`,
      effect: "counted as using 0% of target",
    });
  }

  const second = metric.measure(values);
  const flipped = (first.ratio < 1 && second.ratio > 1) || (first.ratio > 1 && second.ratio < 1);
  if (isWithinTolerance(second.ratio, tolerances) || flipped) {
    steps.push({
      rule: "recompute",
      detail: `${key}: recomputed ratio ${fmt(second.ratio)} over ${plural(values.size, "pod")}`,
      effect: flipped
        ? `direction would flip: keep ${currentReplicas} replicas`
        : `within tolerance ${describeTolerance(tolerances)}: keep ${currentReplicas} replicas`,
      replicas: currentReplicas,
    });
    return ok(currentReplicas);
  }
  const replicas = Math.ceil(second.ratio * values.size);
  if ((second.ratio < 1 && replicas > currentReplicas) || (second.ratio > 1 && replicas < currentReplicas)) {
    steps.push({
      rule: "recompute",
      detail: `${key}: recomputed ratio ${fmt(second.ratio)} but ceil(${fmt(second.ratio)} × ${values.size}) = ${replicas}`,
      effect: `pod count would move against the ratio: keep ${currentReplicas} replicas`,
      replicas: currentReplicas,
    });
    return ok(currentReplicas);
  }
  steps.push({
    rule: "recompute",
    detail: `${key}: recomputed ratio ${fmt(second.ratio)} over ${plural(values.size, "pod")}`,
    effect: `ceil(${fmt(second.ratio)} × ${values.size}) = ${replicas} replicas`,
    replicas,
  });
  return ok(replicas);
}

function fillMissing(
  metric: PerPodMetric,
  missing: readonly PodCpuSummary[],
  ratio: number,
  values: Map<PodCpuSummary, number>,
  steps: RuleStep[],
): void {
  // At exactly 1.0 HPA fills nothing: the recomputed ratio stays 1.0, i.e. within tolerance.
  if (ratio === 1) return;
  const scalingDown = ratio < 1;
  for (const pod of missing) values.set(pod, scalingDown ? metric.scaleDownFallback(pod) : 0);
  steps.push({
    rule: "missing_metrics",
    detail: `${metric.key}: ${plural(missing.length, "pod")} without metrics while scaling ${scalingDown ? "down" : "up"}`,
    effect: scalingDown ? `counted as using ${metric.describeFallback}` : "counted as using 0% of target",
  });
}

function withinTolerance(key: string, ratio: number, tolerances: Tolerances, currentReplicas: number): RuleStep {
  return {
    rule: "tolerance",
    detail: `${key}: ratio ${fmt(ratio)} within tolerance ${describeTolerance(tolerances)}`,
    effect: `no change: keep ${currentReplicas} replicas`,
    replicas: currentReplicas,
  };
}
