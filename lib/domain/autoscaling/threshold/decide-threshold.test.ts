import { describe, expect, test } from "vitest";
import { decideScale } from "../decide-scale";
import { EMPTY_HISTORY } from "../history";
import { NOW, podSamples, sample, snapshot, thresholdPolicy } from "../test-fixtures";
import type { PodCpuSample, ScaleAction, ScaleHistory, ThresholdPolicy } from "../types";

const scaledAt = (at: number): ScaleHistory => ({ recommendations: [], events: [{ at, fromReplicas: 2, toReplicas: 3 }] });

describe("threshold mode (the seed's AutoScaler, bugs fixed)", () => {
  test.each<{
    name: string;
    current: number;
    samples: PodCpuSample[];
    policy?: Partial<ThresholdPolicy>;
    history?: ScaleHistory;
    desired: number;
    action: ScaleAction;
    reason: string;
  }>([
    {
      name: "seed: CPU above scaleUpThreshold adds one replica",
      current: 3,
      samples: podSamples(3, [800, 800, 800]),
      desired: 4,
      action: "scale_up",
      reason: "average CPU 80% above 70%",
    },
    {
      name: "seed: CPU below scaleDownThreshold removes one replica",
      current: 3,
      samples: podSamples(3, [100, 200, 300]),
      desired: 2,
      action: "scale_down",
      reason: "average CPU 20% below 30%",
    },
    {
      name: "seed: CPU between the thresholds changes nothing",
      current: 3,
      samples: podSamples(3, [500, 500, 500]),
      desired: 3,
      action: "none",
      reason: "average CPU 50% within thresholds",
    },
    {
      name: "seed: comparisons are strict (exactly at scaleUpThreshold is not above it)",
      current: 3,
      samples: podSamples(1, [700]),
      desired: 3,
      action: "none",
      reason: "average CPU 70% within thresholds",
    },
    {
      name: "seed: never above maxInstances",
      current: 10,
      samples: podSamples(2, [990, 990]),
      desired: 10,
      action: "none",
      reason: "CPU above threshold but already at maxReplicas 10",
    },
    {
      name: "seed: never below minInstances",
      current: 1,
      samples: podSamples(1, [0]),
      desired: 1,
      action: "none",
      reason: "CPU below threshold but already at minReplicas 1",
    },
    {
      name: "step adds several replicas but stops at maxReplicas",
      current: 8,
      samples: podSamples(2, [900, 900]),
      policy: { step: 5 },
      desired: 10,
      action: "scale_up",
      reason: "average CPU 90% above 70%",
    },
    {
      name: "step removes several replicas but stops at minReplicas",
      current: 3,
      samples: podSamples(2, [0, 0]),
      policy: { step: 5, minReplicas: 2 },
      desired: 2,
      action: "scale_down",
      reason: "average CPU 0% below 30%",
    },
    {
      name: "Lean shouldScale: nothing while now − lastScale < cooldown",
      current: 3,
      samples: podSamples(3, [900, 900, 900]),
      history: scaledAt(NOW - 10_000),
      desired: 3,
      action: "none",
      reason: "in cooldown for another 290 s",
    },
    {
      name: "Lean shouldScale: acting is allowed at exactly the cooldown",
      current: 3,
      samples: podSamples(3, [900, 900, 900]),
      history: scaledAt(NOW - 300_000),
      desired: 4,
      action: "scale_up",
      reason: "average CPU 90% above 70%",
    },
    {
      name: "seed fix: a clock that went backwards keeps the cooldown (Rust u64 underflow)",
      current: 3,
      samples: podSamples(3, [900, 900, 900]),
      history: scaledAt(NOW + 60_000),
      desired: 3,
      action: "none",
      reason: "in cooldown for another 360 s",
    },
    {
      name: "seed fix: no readings is insufficient data, not 0% CPU (AWS: no scale-in on insufficient data)",
      current: 3,
      samples: podSamples(3, []),
      desired: 3,
      action: "none",
      reason: "insufficient data: no CPU readings in the window",
    },
    {
      name: "readings older than windowMs are not averaged",
      current: 3,
      samples: [sample("a", 900, { at: NOW - 120_000 }), sample("a", 500, { at: NOW - 1_000 })],
      desired: 3,
      action: "none",
      reason: "average CPU 50% within thresholds",
    },
    {
      name: "HPA: failed and deleting pods are left out of the average",
      current: 3,
      samples: podSamples(3, [500, 0, 0], { phase: ["Running", "Failed", "Running"], deleting: [false, false, true] }),
      desired: 3,
      action: "none",
      reason: "average CPU 50% within thresholds",
    },
    {
      name: "the average is weighted by request (Σ usage / Σ request)",
      current: 3,
      samples: podSamples(2, [100, 1900], { requests: [1000, 3000] }),
      desired: 3,
      action: "none",
      reason: "average CPU 50% within thresholds",
    },
    {
      name: "a pod without a CPU request makes utilization undefined",
      current: 3,
      samples: podSamples(2, [100, 100], { requests: [1000, 0] }),
      desired: 3,
      action: "none",
      reason: "pod p1 has no CPU request, so utilization is undefined",
    },
    {
      name: "current above maxReplicas goes straight to maxReplicas",
      current: 14,
      samples: podSamples(2, [100, 100]),
      desired: 10,
      action: "scale_down",
      reason: "current replicas above maxReplicas",
    },
    {
      name: "current below minReplicas goes straight to minReplicas, even without readings",
      current: 0,
      samples: [],
      policy: { minReplicas: 2 },
      desired: 2,
      action: "scale_up",
      reason: "current replicas below minReplicas",
    },
    {
      name: "out-of-range correction still waits for the cooldown",
      current: 14,
      samples: [],
      history: scaledAt(NOW - 1_000),
      desired: 14,
      action: "none",
      reason: "in cooldown for another 299 s",
    },
  ])("$name", ({ current, samples, policy, history, desired, action, reason }) => {
    const decision = decideScale(snapshot(current, samples), thresholdPolicy(policy), history ?? EMPTY_HISTORY, NOW);
    expect(decision.result).toEqual({ desiredReplicas: desired, action, reason });
    expect(decision.persist.recommendations).toEqual([]);
    // Seed fix (Haskell reset lastScaleTime on every evaluation): only a real scale starts a cooldown.
    expect(decision.persist.events).toEqual(
      action === "none" ? [] : [{ at: NOW, fromReplicas: current, toReplicas: desired }],
    );
  });

  test("targetCpu is shown in the explanation", () => {
    const decision = decideScale(snapshot(3, podSamples(3, [500, 500, 500])), thresholdPolicy(), EMPTY_HISTORY, NOW);
    expect(decision.steps.at(-1)).toEqual({ rule: "threshold", detail: "50% within [30%, 70%], target 50%", effect: "no change" });
  });

  test("the explanation replays cooldown, average and threshold in order", () => {
    const decision = decideScale(
      snapshot(3, podSamples(4, [900, 900, 900], { phase: ["Running", "Running", "Running", "Failed"] })),
      thresholdPolicy({ targetCpu: undefined }),
      scaledAt(NOW - 400_000),
      NOW,
    );
    expect(decision.steps.map((s) => s.rule)).toEqual(["cooldown", "average", "threshold"]);
    expect(decision.steps[0]).toMatchObject({ detail: "last scale 400 s ago, cooldown 300 s", effect: "cooldown over" });
    expect(decision.steps[1]?.detail).toBe("2700m used of 3000m requested over 3 pods (1 pod without reading, failed or deleting left out)");
    expect(decision.steps[2]).toEqual({ rule: "threshold", detail: "90% > 70%", effect: "add 1 (step 1, max 10)", replicas: 4 });
    expect(decision.explanation.at(-1)).toBe("Result: scale up 3 → 4 (average CPU 90% above 70%).");
  });
});
