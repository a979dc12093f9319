import { fmt } from "../format";
import type { ObjectMetricTarget, PodCpuSummary, RuleStep } from "../types";
import { failed, type Proposal } from "./proposal";
import { describeTolerance, isWithinTolerance, type Tolerances } from "./tolerance";

/**
 * `type: Object`. Value target (GetObjectMetricReplicas): ratio = value / target, then
 * ceil(ratio × ready pods), where ready = Running and ready. AverageValue target
 * (GetObjectPerPodMetricReplicas): ratio = value / (target × current), then ceil(value / target).
 * HPA's zero-replica branch is unreachable here: a target at 0 replicas never reaches metrics.
 */
export function proposeFromObjectMetric(
  key: string,
  value: number | undefined,
  target: ObjectMetricTarget,
  pods: readonly PodCpuSummary[],
  currentReplicas: number,
  tolerances: Tolerances,
): Proposal {
  if (value === undefined || !Number.isFinite(value)) return failed(key, "no value reported for the object metric");

  if (target.type === "AverageValue") {
    const ratio = value / (target.averageValue * currentReplicas);
    const within = isWithinTolerance(ratio, tolerances);
    const replicas = within ? currentReplicas : Math.ceil(value / target.averageValue);
    const perPod = value / currentReplicas;
    return {
      key,
      ok: true,
      replicas,
      current: perPod,
      target: target.averageValue,
      ratio,
      steps: [
        metricStep(
          key,
          `value ${fmt(value)} over ${currentReplicas} replicas = ${fmt(perPod)} per pod`,
          target.averageValue,
          ratio,
        ),
        toleranceStep(key, ratio, tolerances, within, replicas, `ceil(${fmt(value)} / ${fmt(target.averageValue)})`),
      ],
    };
  }

  if (pods.length === 0) return failed(key, "no pods reported for the scale target");
  const ratio = value / target.value;
  const readyPods = pods.filter((pod) => pod.phase === "Running" && pod.ready).length;
  const within = isWithinTolerance(ratio, tolerances);
  const replicas = within ? currentReplicas : Math.ceil(ratio * readyPods);
  return {
    key,
    ok: true,
    replicas,
    current: value,
    target: target.value,
    ratio,
    steps: [
      metricStep(key, `value ${fmt(value)}`, target.value, ratio),
      toleranceStep(key, ratio, tolerances, within, replicas, `ceil(${fmt(ratio)} × ${readyPods} ready pods)`),
    ],
  };
}

function metricStep(key: string, current: string, target: number, ratio: number): RuleStep {
  return { rule: "metric", detail: `${key}: ${current} vs target ${fmt(target)}`, effect: `usage ratio ${fmt(ratio)}` };
}

function toleranceStep(
  key: string,
  ratio: number,
  tolerances: Tolerances,
  within: boolean,
  replicas: number,
  formula: string,
): RuleStep {
  return within
    ? {
        rule: "tolerance",
        detail: `${key}: ratio ${fmt(ratio)} within tolerance ${describeTolerance(tolerances)}`,
        effect: `no change: keep ${replicas} replicas`,
        replicas,
      }
    : {
        rule: "tolerance",
        detail: `${key}: ratio ${fmt(ratio)} outside tolerance ${describeTolerance(tolerances)}`,
        effect: `${formula} = ${replicas} replicas`,
        replicas,
      };
}
