import type { MetricEvaluation, MetricSpec, PodCpuSummary, RuleStep, ScaleSnapshot } from "../types";
import { proposeFromObjectMetric } from "./object-metric";
import { proposeFromPerPodMetric } from "./per-pod-metric";
import { cpuUtilizationMetric, podsAverageMetric } from "./per-pod-metrics";
import { failed, type Proposal } from "./proposal";
import type { Tolerances } from "./tolerance";

/** Stable identifier of a metric spec; `ScaleSnapshot.metricErrors` is keyed by it. */
export function metricKey(spec: MetricSpec): string {
  return spec.type === "resource" ? `resource/${spec.resource}` : `${spec.type}/${spec.name}`;
}

export function proposeForMetric(
  spec: MetricSpec,
  snapshot: ScaleSnapshot,
  pods: readonly PodCpuSummary[],
  tolerances: Tolerances,
): Proposal {
  const key = metricKey(spec);
  const current = snapshot.currentReplicas;
  const pipelineError = snapshot.metricErrors?.[key];
  if (pipelineError !== undefined) return failed(key, `unable to get metric: ${pipelineError}`);

  switch (spec.type) {
    case "resource": {
      // HPA refuses to compute utilization if any pod lacks a CPU request.
      const unrequested = pods.find((pod) => !(pod.requestMillis > 0));
      if (unrequested) return failed(key, `missing CPU request on pod ${unrequested.podId}`);
      return proposeFromPerPodMetric(cpuUtilizationMetric(key, spec.targetAverageUtilization), pods, current, tolerances);
    }
    case "pods": {
      const values = snapshot.podMetrics?.[spec.name];
      if (values === undefined) return failed(key, "no values reported for the pods metric");
      return proposeFromPerPodMetric(podsAverageMetric(key, spec.targetAverageValue, values), pods, current, tolerances);
    }
    case "object":
      return proposeFromObjectMetric(key, snapshot.objectMetrics?.[spec.name], spec.target, pods, current, tolerances);
  }
}

export type Combined =
  | { ok: true; replicas: number; metricKey: string; step: RuleStep }
  | { ok: false; reason: string; step: RuleStep };

/**
 * HPA computeReplicasForMetrics: the largest proposal wins. If every metric failed, or some failed
 * and the valid ones would scale down, do nothing (a failed metric might have wanted more).
 */
export function combineProposals(proposals: readonly Proposal[], currentReplicas: number): Combined {
  let replicas = 0;
  let winner = "";
  const invalid: string[] = [];
  for (const p of proposals) {
    if (!p.ok) invalid.push(`${p.key} (${p.error})`);
    else if (winner === "" || p.replicas > replicas) {
      replicas = p.replicas;
      winner = p.key;
    }
  }
  const listed = proposals.map((p) => (p.ok ? `${p.key} → ${p.replicas}` : `${p.key} → invalid`)).join(", ");

  if (invalid.length === proposals.length || (invalid.length > 0 && replicas < currentReplicas)) {
    const reason =
      invalid.length === proposals.length
        ? `no metric could be computed: ${invalid.join("; ")}`
        : `some metrics are invalid and the rest would scale down: ${invalid.join("; ")}`;
    return { ok: false, reason, step: { rule: "combine", detail: listed, effect: `skip: ${reason}` } };
  }
  return {
    ok: true,
    replicas,
    metricKey: winner,
    step: {
      rule: "combine",
      detail: proposals.length === 1 ? listed : `largest of ${listed}`,
      effect:
        `${replicas} replicas from ${winner}` +
        (invalid.length > 0 ? " (invalid metrics ignored: the valid ones do not scale down)" : ""),
      replicas,
    },
  };
}

export function toEvaluation(p: Proposal): MetricEvaluation {
  return p.ok
    ? { key: p.key, ok: true, current: p.current, target: p.target, ratio: p.ratio, proposedReplicas: p.replicas }
    : { key: p.key, ok: false, error: p.error };
}
