import { describe, expect, test } from "vitest";
import type { PodCpuSummary } from "@/lib/domain/autoscaling";
import { averageCpuPercent, cpuAxisMax, cpuTicks, policyGuides, replicaAxisMax, replicaTicks, toScalingPoints, decisionStep, type DecisionSample } from "./scaling-data";

const pod = (cpuMillis: number | undefined, extra: Partial<PodCpuSummary> = {}): PodCpuSummary => ({
  podId: "p",
  phase: "Running",
  ready: true,
  deleting: false,
  requestMillis: 250,
  cpuMillis,
  utilizationPercent: undefined,
  samplesInWindow: 1,
  lastSeenAt: 0,
  ...extra,
});
const decision = (at: string, pods: PodCpuSummary[], desiredReplicas = 2, metrics: DecisionSample["metrics"] = []): DecisionSample => ({
  at,
  desiredReplicas,
  metrics,
  inputs: { mode: "threshold", now: Date.parse(at), currentReplicas: 2, windowMs: 30_000, pods },
});

describe("averageCpuPercent", () => {
  test("threshold mode: Σ usage / Σ request over pods with a reading, failed and deleting pods left out", () => {
    const pods = [pod(100), pod(50, { requestMillis: 500 }), pod(undefined), pod(900, { phase: "Failed" }), pod(900, { deleting: true })];
    expect(averageCpuPercent(decision("2030-01-01T00:00:00Z", pods))).toBe(20); // 150 / 750
  });

  test("target mode: the CPU metric's current value, as HPA compared it", () => {
    const metrics = [{ key: "resource/cpu", ok: true as const, current: 73.456, target: 60, ratio: 1.22, proposedReplicas: 3 }];
    expect(averageCpuPercent(decision("2030-01-01T00:00:00Z", [pod(10)], 3, metrics))).toBe(73.5);
  });

  test("no readings (or no inputs, or a failed metric without pods) is null: a gap, not 0%", () => {
    expect(averageCpuPercent(decision("2030-01-01T00:00:00Z", [pod(undefined)]))).toBeNull();
    expect(averageCpuPercent({ inputs: null, metrics: [{ key: "resource/cpu", ok: false, error: "no pods" }] })).toBeNull();
  });
});

test("toScalingPoints: oldest first, the replica count each decision left", () => {
  const points = toScalingPoints([decision("2030-01-01T00:00:10Z", [pod(250)], 3), decision("2030-01-01T00:00:05Z", [pod(25)], 2)]);
  expect(points).toEqual([
    { at: Date.parse("2030-01-01T00:00:05Z"), cpu: 10, replicas: 2 },
    { at: Date.parse("2030-01-01T00:00:10Z"), cpu: 100, replicas: 3 },
  ]);
});

test("policyGuides: thresholds and target line, or the HPA CPU target", () => {
  const threshold = { mode: "threshold" as const, minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10, cooldownMs: 0, windowMs: 1000 };
  expect(policyGuides(threshold).map((g) => [g.kind, g.value])).toEqual([["up", 50], ["down", 10]]);
  expect(policyGuides({ ...threshold, targetCpu: 30 }).map((g) => g.kind)).toEqual(["up", "target", "down"]);
  const target = { mode: "target" as const, minReplicas: 1, maxReplicas: 5, metrics: [{ type: "pods" as const, name: "qps", targetAverageValue: 1 }, { type: "resource" as const, resource: "cpu" as const, targetAverageUtilization: 60 }] };
  expect(policyGuides(target)).toEqual([{ value: 60, label: "target 60%", kind: "target" }]);
});

test("decisionStep: every decision (one per 5 s) in a short window, at most 300 steps in a long one", () => {
  expect(decisionStep(15 * 60_000)).toBe(5);
  expect(decisionStep(3_600_000)).toBe(12);
  expect(decisionStep(86_400_000)).toBe(288);
});

test("axes: CPU up to a round number above everything; replicas above the max", () => {
  const points = [{ at: 1_000_000, cpu: 240, replicas: 6 }, { at: 900_000, cpu: null, replicas: 2 }];
  expect(cpuAxisMax(points, [])).toBe(275);
  expect(cpuAxisMax([], [{ value: 50, label: "", kind: "up" }])).toBe(125);
  expect(replicaAxisMax(points, 5)).toBe(7);
  expect(replicaAxisMax([], 5)).toBe(6);
});

test("cpuTicks: about five round steps up to the axis maximum", () => {
  expect(cpuTicks(125)).toEqual([0, 25, 50, 75, 100, 125]);
  expect(cpuTicks(275)).toEqual([0, 50, 100, 150, 200, 250]);
  expect(cpuTicks(50)).toEqual([0, 10, 20, 30, 40, 50]);
  expect(cpuTicks(12_000)).toEqual([0, 2400, 4800, 7200, 9600, 12000]);
});

test("replicaTicks: whole numbers, at most seven", () => {
  expect(replicaTicks(5)).toEqual([0, 1, 2, 3, 4, 5]);
  expect(replicaTicks(11)).toEqual([0, 2, 4, 6, 8, 10]);
  expect(replicaTicks(1)).toEqual([0, 1]);
});
