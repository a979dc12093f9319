import { describe, expect, test } from "vitest";
import { summarizePodCpu } from "../pod-cpu-summary";
import { NOW, podSamples, snapshot, type PodOptions } from "../test-fixtures";
import type { MetricSpec, ScaleSnapshot } from "../types";
import { combineProposals, metricKey, proposeForMetric, toEvaluation } from "./metric-proposals";
import { failed, type Proposal } from "./proposal";

const TOLERANCE = { up: 0.1, down: 0.1 };
const cpu = (targetAverageUtilization: number): MetricSpec => ({ type: "resource", resource: "cpu", targetAverageUtilization });
const qps = (targetAverageValue: number): MetricSpec => ({ type: "pods", name: "qps", targetAverageValue });

function propose(spec: MetricSpec, snap: ScaleSnapshot): Proposal {
  return proposeForMetric(spec, snap, summarizePodCpu(snap.cpuSamples, 60_000, NOW), TOLERANCE);
}

function replicas(p: Proposal): number | string {
  return p.ok ? p.replicas : p.error;
}

/** Cases from kubernetes pkg/controller/podautoscaler/replica_calculator_test.go (requests 1.0 = 1000m). */
describe("HPA CPU utilization (GetResourceReplicas)", () => {
  test.each<{ name: string; current: number; pods: number; levels: number[]; target: number; options?: PodOptions; expected: number }>([
    { name: "TestReplicaCalcScaleUp", current: 3, pods: 3, levels: [300, 500, 700], target: 30, expected: 5 },
    { name: "TestReplicaCalcScaleUpUnreadyLessScale: not-ready pods count as 0% on scale-up", current: 3, pods: 3, levels: [300, 500, 700], target: 30, options: { ready: [false, true, true] }, expected: 4 },
    { name: "TestReplicaCalcScaleUpUnreadyNoScale: recompute flips direction → keep", current: 3, pods: 3, levels: [400, 500, 700], target: 30, options: { ready: [true, false, false] }, expected: 3 },
    { name: "TestReplicaCalcScaleUpIgnoresFailedPods", current: 2, pods: 4, levels: [500, 700], target: 30, options: { ready: [true, true, false, false], phase: ["Running", "Running", "Failed", "Failed"] }, expected: 4 },
    { name: "TestReplicaCalcScaleUpIgnoresDeletionPods", current: 2, pods: 4, levels: [500, 700], target: 30, options: { ready: [true, true, false, false], deleting: [false, false, true, true] }, expected: 4 },
    { name: "TestReplicaCalcScaleDown", current: 5, pods: 5, levels: [100, 300, 500, 250, 250], target: 50, expected: 3 },
    { name: "TestReplicaCalcScaleDownExcludeUnreadyPods: not-ready pods ignored on scale-down", current: 5, pods: 5, levels: [100, 300, 500, 250, 250], target: 50, options: { ready: [true, true, true, false, false] }, expected: 2 },
    { name: "TestReplicaCalcScaleDownExcludeUnscheduledPods: pending pods are not ready", current: 5, pods: 5, levels: [100], target: 50, options: { ready: [true, false, false, false, false], phase: ["Running", "Pending", "Pending", "Pending", "Pending"] }, expected: 1 },
    { name: "TestReplicaCalcScaleDownIgnoresFailedPods", current: 5, pods: 7, levels: [100, 300, 500, 250, 250], target: 50, options: { phase: ["Running", "Running", "Running", "Running", "Running", "Failed", "Failed"] }, expected: 3 },
    { name: "TestReplicaCalcTolerance: ratio 1.02 within 0.1", current: 3, pods: 3, levels: [1010, 1030, 1020], target: 100, options: { requests: [900, 1000, 1100] }, expected: 3 },
    { name: "TestReplicaCalcMissingMetrics: missing pods count as 100% of request on scale-down", current: 4, pods: 4, levels: [400, 95], target: 100, expected: 3 },
    { name: "TestReplicaCalcMissingMetricsNoChangeEq: ratio exactly 1 fills nothing", current: 2, pods: 2, levels: [1000], target: 100, expected: 2 },
    { name: "TestReplicaCalcMissingMetricsNoChangeGt: missing pods count as 0% on scale-up", current: 2, pods: 2, levels: [1900], target: 100, expected: 2 },
    { name: "TestReplicaCalcMissingMetricsNoChangeLt", current: 2, pods: 2, levels: [600], target: 100, expected: 2 },
    { name: "TestReplicaCalcMissingMetricsUnreadyChange: scale-down flips to up → keep", current: 3, pods: 3, levels: [100, 450], target: 50, options: { ready: [false, true, true] }, expected: 3 },
    { name: "TestReplicaCalcMissingMetricsUnreadyScaleUp", current: 3, pods: 3, levels: [100, 2000], target: 50, options: { ready: [false, true, true] }, expected: 4 },
    { name: "TestReplicaCalcMissingMetricsUnreadyScaleDown", current: 4, pods: 4, levels: [100, 100, 100], target: 50, options: { ready: [false, true, true, true] }, expected: 3 },
    { name: "TestReplicaCalcMissingMetricsScaleDownTargetOver100: missing pods use the target when above 100%", current: 4, pods: 4, levels: [200, 100, 100], target: 300, options: { ready: [false, true, true, true], requests: [1000, 1000, 2000, 2000] }, expected: 2 },
    { name: "TestReplicaCalcDuringRollingUpdateWithMaxSurge: count would move against the ratio → keep", current: 2, pods: 3, levels: [100, 100], target: 50, expected: 2 },
  ])("$name", ({ current, pods, levels, target, options, expected }) => {
    expect(replicas(propose(cpu(target), snapshot(current, podSamples(pods, levels, options))))).toBe(expected);
  });

  test("utilization is truncated to a whole percent, as HPA reports it", () => {
    const p = propose(cpu(100), snapshot(3, podSamples(3, [1049, 1049, 1049])));
    expect(p).toMatchObject({ ok: true, current: 104, ratio: 1.04, replicas: 3 });
    expect(p.steps.at(-1)).toMatchObject({ rule: "tolerance", detail: "resource/cpu: ratio 1.04 within tolerance 0.1" });
  });

  test.each<{ name: string; samples: ReturnType<typeof podSamples>; error: string }>([
    { name: "no pods", samples: [], error: "no pods reported for the scale target" },
    { name: "HPA: a pod without a CPU request", samples: podSamples(2, [100, 100], { requests: [1000, 0] }), error: "missing CPU request on pod p1" },
    {
      name: "HPA: no metrics for any ready pod",
      samples: podSamples(2, [100, 100], { ready: [false, false] }),
      error: "did not receive metrics for targeted pods (pods might be unready)",
    },
  ])("invalid when $name", ({ samples, error }) => {
    expect(replicas(propose(cpu(50), snapshot(2, samples)))).toBe(error);
  });

  test("explains every adjustment it makes", () => {
    const p = propose(cpu(50), snapshot(3, podSamples(4, [100, 2000], { ready: [false, true, true, true], phase: ["Running", "Running", "Running", "Failed"] })));
    expect(p.steps.map((s) => `${s.rule}: ${s.detail} → ${s.effect}`)).toEqual([
      "pods: resource/cpu: 1 with metrics, 1 not ready or pending, 1 missing metrics, 1 failed or deleting → 1 pod dropped",
      "metric: resource/cpu: utilization 200% of request over 1 pod vs target 50 → usage ratio 4",
      "missing_metrics: resource/cpu: 1 pod without metrics while scaling up → counted as using 0% of target",
      "not_ready_pods: resource/cpu: 1 pod not ready or pending while scaling up → counted as using 0% of target",
      "recompute: resource/cpu: recomputed ratio 1.32 over 3 pods → ceil(1.32 × 3) = 4 replicas",
    ]);
  });

  test("on scale-down, missing pods are explained as using their full request", () => {
    const p = propose(cpu(100), snapshot(4, podSamples(4, [400, 95])));
    expect(p.steps.find((s) => s.rule === "missing_metrics")?.effect).toBe("counted as using 100% of their request");
  });

  test("on scale-down without missing pods, not-ready pods are explained as left out", () => {
    const p = propose(cpu(50), snapshot(5, podSamples(5, [100, 300, 500, 250, 250], { ready: [true, true, true, false, false] })));
    expect(p.steps.map((s) => s.rule)).toEqual(["pods", "metric", "not_ready_pods", "tolerance"]);
    expect(p.steps.at(-1)?.effect).toBe("ceil(0.6 × 3) = 2 replicas");
  });
});

describe("HPA pods metric (calcPlainMetricReplicas)", () => {
  const qpsSnapshot = (current: number, pods: number, levels: number[], options?: PodOptions): ScaleSnapshot =>
    snapshot(current, podSamples(pods, [], options), {
      podMetrics: { qps: Object.fromEntries(levels.map((v, i) => [`p${i}`, v])) },
    });

  test.each<{ name: string; current: number; pods: number; levels: number[]; target: number; options?: PodOptions; expected: number }>([
    { name: "TestReplicaCalcScaleUpCM", current: 3, pods: 3, levels: [20000, 10000, 30000], target: 15000, expected: 4 },
    { name: "TestReplicaCalcScaleUpCMUnreadyHotCpuNoLessScale: readiness only matters for CPU", current: 3, pods: 3, levels: [50000, 10000, 30000], target: 15000, options: { ready: [true, true, false] }, expected: 6 },
    { name: "TestReplicaCalcScaleDownCM", current: 5, pods: 5, levels: [12000, 12000, 12000, 12000, 12000], target: 20000, expected: 3 },
    { name: "TestReplicaCalcToleranceCM", current: 3, pods: 3, levels: [20000, 21000, 21000], target: 20000, expected: 3 },
    { name: "TestReplicaCalcDuringRollingUpdateWithMaxSurgeCM: missing pods count as the target on scale-down", current: 2, pods: 3, levels: [10000, 10000], target: 17000, expected: 2 },
    { name: "TestPlainMetricReplicaCalcMissingMetricsNoChangeEq", current: 5, pods: 5, levels: [20000, 19000, 21000], target: 20000, expected: 5 },
    { name: "pending pods count as 0% on scale-up (without them: ceil(1.5 × 2) = 3)", current: 2, pods: 3, levels: [30000, 30000], target: 20000, options: { phase: ["Running", "Running", "Pending"] }, expected: 2 },
  ])("$name", ({ current, pods, levels, target, options, expected }) => {
    expect(replicas(propose(qps(target), qpsSnapshot(current, pods, levels, options)))).toBe(expected);
  });

  test("non-finite values are missing metrics", () => {
    const p = propose(qps(10), snapshot(2, podSamples(2, []), { podMetrics: { qps: { p0: 30, p1: Number.NaN } } }));
    expect(p.steps.find((s) => s.rule === "missing_metrics")?.detail).toBe("pods/qps: 1 pod without metrics while scaling up");
  });

  test("explains the scale-down fallback as the target", () => {
    const p = propose(qps(17000), qpsSnapshot(2, 3, [10000, 10000]));
    expect(p.steps.find((s) => s.rule === "missing_metrics")?.effect).toBe("counted as using the target (17000)");
    expect(p.steps.at(-1)?.effect).toBe("pod count would move against the ratio: keep 2 replicas");
  });

  test("invalid when the pipeline has no values for the metric", () => {
    expect(replicas(propose(qps(10), snapshot(2, podSamples(2, []))))).toBe("no values reported for the pods metric");
  });
});

describe("HPA object metric", () => {
  const object = (target: Extract<MetricSpec, { type: "object" }>["target"]): MetricSpec => ({ type: "object", name: "qps", target });
  test.each<{ name: string; current: number; value: number; spec: MetricSpec; options?: PodOptions; expected: number }>([
    { name: "TestReplicaCalcScaleUpCMObject", current: 3, value: 20000, spec: object({ type: "Value", value: 15000 }), expected: 4 },
    { name: "TestReplicaCalcScaleUpCMPerPodObject", current: 3, value: 20000, spec: object({ type: "AverageValue", averageValue: 5000 }), expected: 4 },
    { name: "TestReplicaCalcScaleUpCMObjectIgnoresUnreadyPods", current: 3, value: 50000, spec: object({ type: "Value", value: 10000 }), options: { ready: [false, true, false] }, expected: 5 },
    { name: "TestReplicaCalcScaleDownCMObject", current: 5, value: 12000, spec: object({ type: "Value", value: 20000 }), expected: 3 },
    { name: "TestReplicaCalcScaleDownPerPodCMObject", current: 5, value: 6000, spec: object({ type: "AverageValue", averageValue: 2000 }), expected: 3 },
    { name: "TestReplicaCalcToleranceCMObject", current: 3, value: 20666, spec: object({ type: "Value", value: 20000 }), expected: 3 },
    { name: "TestReplicaCalcTolerancePerPodCMObject", current: 4, value: 20166, spec: object({ type: "AverageValue", averageValue: 5000 }), expected: 4 },
  ])("$name", ({ current, value, spec, options, expected }) => {
    const snap = snapshot(current, podSamples(current, [], options), { objectMetrics: { qps: value } });
    expect(replicas(propose(spec, snap))).toBe(expected);
  });

  test.each<{ name: string; snap: ScaleSnapshot; error: string }>([
    { name: "no value", snap: snapshot(3, podSamples(3, [])), error: "no value reported for the object metric" },
    { name: "a non-finite value", snap: snapshot(3, podSamples(3, []), { objectMetrics: { qps: Number.NaN } }), error: "no value reported for the object metric" },
    { name: "no pods (Value target)", snap: snapshot(3, [], { objectMetrics: { qps: 1 } }), error: "no pods reported for the scale target" },
  ])("invalid with $name", ({ snap, error }) => {
    expect(replicas(propose(object({ type: "Value", value: 10 }), snap))).toBe(error);
  });

  test("AverageValue explains the per-pod value", () => {
    const p = propose(object({ type: "AverageValue", averageValue: 5000 }), snapshot(3, [], { objectMetrics: { qps: 20000 } }));
    expect(p.steps.map((s) => `${s.detail} → ${s.effect}`)).toEqual([
      "object/qps: value 20000 over 3 replicas = 6666.67 per pod vs target 5000 → usage ratio 1.33",
      "object/qps: ratio 1.33 outside tolerance 0.1 → ceil(20000 / 5000) = 4 replicas",
    ]);
  });
});

describe("metric keys and pipeline errors", () => {
  test.each<{ spec: MetricSpec; key: string }>([
    { spec: cpu(50), key: "resource/cpu" },
    { spec: qps(5), key: "pods/qps" },
    { spec: { type: "object", name: "queue", target: { type: "Value", value: 1 } }, key: "object/queue" },
  ])("$key", ({ spec, key }) => {
    expect(metricKey(spec)).toBe(key);
    const p = propose(spec, snapshot(2, podSamples(2, [500, 500]), { metricErrors: { [key]: "timeout" } }));
    expect(p).toMatchObject({ ok: false, error: "unable to get metric: timeout" });
  });
});

describe("HPA computeReplicasForMetrics (several metrics)", () => {
  const ok = (key: string, n: number): Proposal => ({ key, ok: true, replicas: n, current: 1, target: 1, ratio: 1, steps: [] });
  const bad = (key: string): Proposal => failed(key, "timeout");

  test.each<{ name: string; proposals: Proposal[]; current: number; expected: number | "skip" }>([
    { name: "takes the largest proposal", proposals: [ok("a", 3), ok("b", 7), ok("c", 5)], current: 4, expected: 7 },
    { name: "a proposal of 0 still counts", proposals: [ok("a", 0)], current: 2, expected: 0 },
    { name: "one invalid metric does not block a scale-up", proposals: [bad("a"), ok("b", 6)], current: 4, expected: 6 },
    { name: "one invalid metric does not block holding steady", proposals: [ok("a", 4), bad("b")], current: 4, expected: 4 },
    { name: "if one errors and the rest say down, skip", proposals: [ok("a", 2), bad("b")], current: 4, expected: "skip" },
    { name: "all invalid: skip", proposals: [bad("a"), bad("b")], current: 4, expected: "skip" },
  ])("$name", ({ proposals, current, expected }) => {
    const combined = combineProposals(proposals, current);
    expect(combined.ok ? combined.replicas : "skip").toBe(expected);
  });

  test("explains the winner and the reason to skip", () => {
    expect(combineProposals([ok("a", 3), ok("b", 7)], 4).step).toEqual({
      rule: "combine",
      detail: "largest of a → 3, b → 7",
      effect: "7 replicas from b",
      replicas: 7,
    });
    expect(combineProposals([ok("a", 2), bad("b")], 4).step.effect).toBe(
      "skip: some metrics are invalid and the rest would scale down: b (timeout)",
    );
    expect(combineProposals([bad("a")], 4).step.effect).toBe("skip: no metric could be computed: a (timeout)");
    expect(combineProposals([bad("a"), ok("b", 6)], 4).step.effect).toBe(
      "6 replicas from b (invalid metrics ignored: the valid ones do not scale down)",
    );
  });

  test("toEvaluation keeps the console's per-metric status", () => {
    expect(toEvaluation(ok("a", 3))).toEqual({ key: "a", ok: true, current: 1, target: 1, ratio: 1, proposedReplicas: 3 });
    expect(toEvaluation(bad("b"))).toEqual({ key: "b", ok: false, error: "timeout" });
  });
});
