/** Builders shared by the autoscaling tests (not part of the public API). */
import type { PodCpuSample, PodPhase, ScaleSnapshot, TargetPolicy, ThresholdPolicy } from "./types";

export const NOW = 1_700_000_000_000;

export function sample(podId: string, cpuMillis: number | null, overrides: Partial<PodCpuSample> = {}): PodCpuSample {
  return { podId, ready: true, phase: "Running", cpuMillis, requestMillis: 1000, at: NOW - 5_000, ...overrides };
}

export interface PodOptions {
  ready?: readonly boolean[];
  phase?: readonly PodPhase[];
  deleting?: readonly boolean[];
  requests?: readonly number[];
}

/**
 * `count` pods named p0…; pod i reads `levels[i]` millicores, or has no reading when the list is
 * shorter (the shape of Kubernetes' replica_calculator_test cases).
 */
export function podSamples(count: number, levels: readonly number[], options: PodOptions = {}): PodCpuSample[] {
  return Array.from({ length: count }, (_, i) =>
    sample(`p${i}`, levels[i] ?? null, {
      ready: options.ready?.[i] ?? true,
      phase: options.phase?.[i] ?? "Running",
      deleting: options.deleting?.[i] ?? false,
      requestMillis: options.requests?.[i] ?? 1000,
    }),
  );
}

export function snapshot(currentReplicas: number, cpuSamples: PodCpuSample[], extra: Partial<ScaleSnapshot> = {}): ScaleSnapshot {
  return { currentReplicas, cpuSamples, ...extra };
}

export function thresholdPolicy(overrides: Partial<ThresholdPolicy> = {}): ThresholdPolicy {
  return {
    mode: "threshold",
    minReplicas: 1,
    maxReplicas: 10,
    targetCpu: 50,
    scaleUpThreshold: 70,
    scaleDownThreshold: 30,
    cooldownMs: 300_000,
    windowMs: 60_000,
    ...overrides,
  };
}

export function cpuPolicy(targetAverageUtilization: number, overrides: Partial<TargetPolicy> = {}): TargetPolicy {
  return {
    mode: "target",
    minReplicas: 1,
    maxReplicas: 100,
    metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization }],
    ...overrides,
  };
}
