import type { PodCpuSummary } from "../types";

export interface PodWithValue {
  pod: PodCpuSummary;
  value: number;
}

export interface PodGroups {
  /** Have a metric and count fully. */
  ready: PodWithValue[];
  /** Pending, or (CPU only) running but not ready: left out, or 0% on scale-up. */
  unready: PodCpuSummary[];
  /** No metric: counted conservatively on scale-down, as 0% on scale-up. */
  missing: PodCpuSummary[];
  /** Failed or being deleted: dropped. */
  ignored: PodCpuSummary[];
}

/**
 * HPA groupPods (replica_calculator.go), in its order: failed or deleting → ignored; pending →
 * unready; no metric → missing; CPU metric on a not-ready pod → unready.
 * Deviation: HPA also treats a CPU pod as unready during its cpu-initialization-period (5 min) and
 * initial-readiness-delay (30 s); we trust the `ready` flag the pipeline reports instead.
 */
export function groupPods(
  pods: readonly PodCpuSummary[],
  valueOf: (pod: PodCpuSummary) => number | undefined,
  readinessMatters: boolean,
): PodGroups {
  const groups: PodGroups = { ready: [], unready: [], missing: [], ignored: [] };
  for (const pod of pods) {
    const value = valueOf(pod);
    if (pod.phase === "Failed" || pod.deleting) groups.ignored.push(pod);
    else if (pod.phase === "Pending") groups.unready.push(pod);
    else if (value === undefined) groups.missing.push(pod);
    else if (readinessMatters && !pod.ready) groups.unready.push(pod);
    else groups.ready.push({ pod, value });
  }
  return groups;
}
