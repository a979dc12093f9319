import { describe, expect, test } from "vitest";
import { decideScale } from "../decide-scale";
import { EMPTY_HISTORY } from "../history";
import { NOW, cpuPolicy, podSamples, snapshot } from "../test-fixtures";
import type { ScaleAction, ScaleHistory, ScaleSnapshot, TargetPolicy } from "../types";

const longAgo: ScaleHistory = { recommendations: [{ at: NOW - 3_600_000, replicas: 1 }], events: [] };
const cpuAt = (current: number, level: number): ScaleSnapshot => snapshot(current, podSamples(current, Array(current).fill(level)));

describe("target mode (HPA reconcileAutoscaler)", () => {
  test.each<{
    name: string;
    snap: ScaleSnapshot;
    policy: TargetPolicy;
    history?: ScaleHistory;
    desired: number;
    action: ScaleAction;
    reason: string;
  }>([
    {
      name: "HPA: scaling is disabled when the target has 0 replicas, even with minReplicas > 0",
      snap: snapshot(0, []),
      policy: cpuPolicy(50, { minReplicas: 2 }),
      desired: 0,
      action: "none",
      reason: "scaling is disabled since the replica count of the target is zero",
    },
    {
      name: "HPA: above maxReplicas goes straight to maxReplicas without metrics",
      snap: cpuAt(12, 1000),
      policy: cpuPolicy(50, { maxReplicas: 8 }),
      desired: 8,
      action: "scale_down",
      reason: "Current number of replicas above Spec.MaxReplicas",
    },
    {
      name: "HPA: below minReplicas goes straight to minReplicas without metrics",
      snap: cpuAt(1, 0),
      policy: cpuPolicy(50, { minReplicas: 3 }),
      desired: 3,
      action: "scale_up",
      reason: "Current number of replicas below Spec.MinReplicas",
    },
    {
      name: "HPA: scale-up reason names the metric",
      snap: cpuAt(3, 900),
      policy: cpuPolicy(50),
      history: longAgo,
      desired: 6,
      action: "scale_up",
      reason: "resource/cpu above target",
    },
    {
      name: "HPA: scale-down once the stabilization window holds no higher recommendation",
      snap: cpuAt(4, 100),
      policy: cpuPolicy(50),
      history: longAgo,
      desired: 1,
      action: "scale_down",
      reason: "All metrics below target",
    },
    {
      name: "HPA recordInitialRecommendation: the first run does not scale down (current counts as a recent recommendation)",
      snap: cpuAt(4, 100),
      policy: cpuPolicy(50),
      desired: 4,
      action: "none",
      reason: "scale-down stabilized: recent recommendations were higher",
    },
    {
      name: "HPA: tolerance 0.1 skips a 4% change",
      snap: cpuAt(3, 520),
      policy: cpuPolicy(50),
      history: longAgo,
      desired: 3,
      action: "none",
      reason: "the metrics propose the current replica count",
    },
    {
      name: "KEP-4951: a per-direction scale-up tolerance of 0.5 skips a 30% rise",
      snap: cpuAt(3, 650),
      policy: cpuPolicy(50, { behavior: { scaleUp: { tolerance: 0.5 } } }),
      history: longAgo,
      desired: 3,
      action: "none",
      reason: "the metrics propose the current replica count",
    },
    {
      name: "HPA defaults: scale-up limited to max(Pods 4, Percent 100) per 15 s",
      snap: cpuAt(2, 1000),
      policy: cpuPolicy(10),
      history: longAgo,
      desired: 6,
      action: "scale_up",
      reason: "resource/cpu above target",
    },
    {
      name: "HPA: selectPolicy Disabled blocks scale-up",
      snap: cpuAt(2, 1000),
      policy: cpuPolicy(10, { behavior: { scaleUp: { selectPolicy: "Disabled" } } }),
      history: longAgo,
      desired: 2,
      action: "none",
      reason: "ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate; capped at 2",
    },
    {
      name: "HPA: all metrics invalid → no scaling",
      snap: snapshot(3, podSamples(3, [])),
      policy: cpuPolicy(50, { metrics: [{ type: "pods", name: "qps", targetAverageValue: 5 }] }),
      desired: 3,
      action: "none",
      reason: "no metric could be computed: pods/qps (no values reported for the pods metric)",
    },
    {
      name: "HPA: several metrics → the largest proposal",
      snap: snapshot(4, podSamples(4, [500, 500, 500, 500]), { objectMetrics: { queue: 60 } }),
      policy: cpuPolicy(50, { metrics: [{ type: "resource", resource: "cpu", targetAverageUtilization: 50 }, { type: "object", name: "queue", target: { type: "AverageValue", averageValue: 10 } }] }),
      history: longAgo,
      desired: 6,
      action: "scale_up",
      reason: "object/queue above target",
    },
  ])("$name", ({ snap, policy, history, desired, action, reason }) => {
    const decision = decideScale(snap, policy, history ?? EMPTY_HISTORY, NOW);
    expect(decision.result).toEqual({ desiredReplicas: desired, action, reason });
    expect(decision.persist.events).toEqual(action === "none" ? [] : [{ at: NOW, fromReplicas: snap.currentReplicas, toReplicas: desired }]);
  });

  test("persists the unstabilized recommendation, plus the initial one on the first run", () => {
    expect(decideScale(cpuAt(4, 100), cpuPolicy(50), EMPTY_HISTORY, NOW).persist).toEqual({
      recommendations: [
        { at: NOW, replicas: 4 },
        { at: NOW, replicas: 1 },
      ],
      events: [],
    });
    expect(decideScale(cpuAt(4, 100), cpuPolicy(50), longAgo, NOW).persist.recommendations).toEqual([{ at: NOW, replicas: 1 }]);
  });

  test("out-of-range and disabled runs record no recommendation besides the initial one", () => {
    expect(decideScale(cpuAt(12, 1000), cpuPolicy(50, { maxReplicas: 8 }), longAgo, NOW).persist.recommendations).toEqual([]);
    expect(decideScale(snapshot(0, []), cpuPolicy(50), EMPTY_HISTORY, NOW).persist.recommendations).toEqual([{ at: NOW, replicas: 0 }]);
  });

  test("the scale-up limit counts events from the stored history", () => {
    const history: ScaleHistory = { recommendations: longAgo.recommendations, events: [{ at: NOW - 5_000, fromReplicas: 2, toReplicas: 6 }] };
    // Period start 2: max(2 + 4, 2 × 2) = 6, so nothing more within 15 s of the last scale.
    expect(decideScale(cpuAt(6, 1000), cpuPolicy(10), history, NOW).result.desiredReplicas).toBe(6);
    expect(decideScale(cpuAt(6, 1000), cpuPolicy(10), history, NOW + 15_000).result.desiredReplicas).toBe(12);
  });

  test("replays metrics and every rule in order", () => {
    const decision = decideScale(cpuAt(3, 900), cpuPolicy(50), longAgo, NOW);
    expect(decision.metrics).toEqual([{ key: "resource/cpu", ok: true, current: 90, target: 50, ratio: 1.8, proposedReplicas: 6 }]);
    expect(decision.steps.map((s) => s.rule)).toEqual(["pods", "metric", "tolerance", "combine", "stabilization", "rate_limit"]);
    expect(decision.explanation).toEqual([
      "Target (HPA) mode: 3 current replicas, 3 pods observed over the last 60 s.",
      "Pods: p0 Running, ready, 900m of 1000m (90%); p1 Running, ready, 900m of 1000m (90%); p2 Running, ready, 900m of 1000m (90%).",
      "1. pods: resource/cpu: 3 with metrics, 0 not ready or pending, 0 missing metrics, 0 failed or deleting → no pod dropped.",
      "2. metric: resource/cpu: utilization 90% of request over 3 pods vs target 50 → usage ratio 1.8.",
      "3. tolerance: resource/cpu: ratio 1.8 outside tolerance 0.1 → ceil(1.8 × 3) = 6 replicas.",
      "4. combine: resource/cpu → 6 → 6 replicas from resource/cpu.",
      "5. stabilization: recommendation 6; lowest in the 0 s scale-up window 6, highest in the 300 s scale-down window 6 → unchanged.",
      "6. rate_limit: 6 replicas → unchanged: the desired count is within the acceptable range.",
      "Result: scale up 3 → 6 (resource/cpu above target).",
    ]);
  });

  test("metricWindowMs chooses which readings count", () => {
    const snap = snapshot(2, [
      ...podSamples(2, [1000, 1000]).map((s) => ({ ...s, at: NOW - 50_000 })),
      ...podSamples(2, [500, 500]).map((s) => ({ ...s, at: NOW - 1_000 })),
    ]);
    expect(decideScale(snap, cpuPolicy(50), longAgo, NOW).result.desiredReplicas).toBe(3);
    expect(decideScale(snap, cpuPolicy(50, { metricWindowMs: 10_000 }), longAgo, NOW).result.desiredReplicas).toBe(2);
  });
});
