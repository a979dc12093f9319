import { fmt } from "../format";
import type { PodCpuSummary } from "../types";
import type { PerPodMetric } from "./per-pod-metric";

/**
 * `type: Resource, target.type: Utilization` for CPU. Utilization is Σusage·100/Σrequest truncated to
 * a whole percent, as metricsclient.GetResourceUtilizationRatio does, so ratios match HPA's status.
 * Missing pods on scale-down use max(100, target)% of their request (the current code; the docs say
 * "100% of the desired value", which only matches for targets ≥ 100%).
 */
export function cpuUtilizationMetric(key: string, targetUtilization: number): PerPodMetric {
  const fallbackPercent = Math.max(100, targetUtilization);
  return {
    key,
    target: targetUtilization,
    readinessMatters: true,
    valueOf: (pod) => pod.cpuMillis,
    measure(values) {
      let usage = 0;
      let request = 0;
      for (const [pod, value] of values) {
        usage += value;
        request += pod.requestMillis;
      }
      const current = Math.floor((usage * 100) / request);
      return { current, ratio: current / targetUtilization };
    },
    scaleDownFallback: (pod) => (pod.requestMillis * fallbackPercent) / 100,
    describeCurrent: (current) => `utilization ${current}% of request`,
    describeFallback: targetUtilization > 100 ? `the target (${fmt(targetUtilization)}% of request)` : "100% of their request",
  };
}

/** `type: Pods, target.type: AverageValue`: mean of the per-pod values; missing pods on scale-down use the target. */
export function podsAverageMetric(
  key: string,
  targetAverageValue: number,
  valuesByPod: Readonly<Record<string, number>>,
): PerPodMetric {
  return {
    key,
    target: targetAverageValue,
    readinessMatters: false,
    valueOf: (pod: PodCpuSummary) => {
      const value = valuesByPod[pod.podId];
      return value !== undefined && Number.isFinite(value) ? value : undefined;
    },
    measure(values) {
      let sum = 0;
      for (const value of values.values()) sum += value;
      const current = sum / values.size;
      return { current, ratio: current / targetAverageValue };
    },
    scaleDownFallback: () => targetAverageValue,
    describeCurrent: (current) => `average ${fmt(current)}`,
    describeFallback: `the target (${fmt(targetAverageValue)})`,
  };
}
