import { describe, expect, test } from "vitest";
import { decideScale } from "./decide-scale";
import { EMPTY_HISTORY } from "./history";
import { NOW, cpuPolicy, podSamples, sample, snapshot, thresholdPolicy } from "./test-fixtures";
import type { AutoscalingPolicy, ScaleSnapshot } from "./types";

describe("decideScale input checks", () => {
  test.each<{ name: string; snap: ScaleSnapshot; policy: AutoscalingPolicy; now?: number; reason: string }>([
    { name: "an invalid policy", snap: snapshot(3, []), policy: thresholdPolicy({ maxReplicas: 0, minReplicas: 0 }), reason: "invalid input: maxReplicas must be an integer ≥ 1" },
    { name: "a negative replica count", snap: snapshot(-1, []), policy: cpuPolicy(50), reason: "invalid input: currentReplicas must be an integer ≥ 0" },
    { name: "a fractional replica count", snap: snapshot(1.5, []), policy: thresholdPolicy(), reason: "invalid input: currentReplicas must be an integer ≥ 0" },
    { name: "a clock that is not a number", snap: snapshot(2, []), policy: cpuPolicy(50), now: Number.NaN, reason: "invalid input: now must be a finite time in ms" },
  ])("decides nothing for $name", ({ snap, policy, now, reason }) => {
    const decision = decideScale(snap, policy, EMPTY_HISTORY, now ?? NOW);
    expect(decision.result).toEqual({ desiredReplicas: snap.currentReplicas, action: "none", reason });
    expect(decision.steps).toEqual([{ rule: "validation", detail: reason.replace("invalid input: ", ""), effect: "no decision" }]);
    expect(decision.persist).toEqual({ recommendations: [], events: [] });
  });

  test("the inputs record the window and the per-pod summary", () => {
    const decision = decideScale(snapshot(2, podSamples(2, [300])), thresholdPolicy({ windowMs: 30_000 }), EMPTY_HISTORY, NOW);
    expect(decision.inputs).toMatchObject({ mode: "threshold", now: NOW, currentReplicas: 2, windowMs: 30_000 });
    expect(decision.inputs.pods.map((p) => [p.podId, p.cpuMillis])).toEqual([["p0", 300], ["p1", undefined]]);
  });

  test("the explanation lists at most 20 pods and marks deleting and not-ready pods", () => {
    const samples = [
      sample("a-deleting", 100, { deleting: true, ready: false }),
      sample("b-no-request", 100, { requestMillis: 0 }),
      ...podSamples(25, []),
    ];
    const lines = decideScale(snapshot(27, samples), thresholdPolicy({ maxReplicas: 30 }), EMPTY_HISTORY, NOW).explanation;
    expect(lines[0]).toBe("Threshold mode: 27 current replicas, 27 pods observed over the last 60 s.");
    expect(lines[1]).toMatch(/^Pods: a-deleting Running deleting, not ready, 100m of 1000m \(10%\); b-no-request Running, ready, 100m of 0m; p0 Running, ready, no CPU reading; .*; and 7 more\.$/);
    expect(lines.at(-1)).toBe("Result: keep 27 replicas (pod b-no-request has no CPU request, so utilization is undefined).");
  });

  test("no pods, no pod line; scale-down is worded as such", () => {
    const lines = decideScale(snapshot(0, []), thresholdPolicy({ minReplicas: 0 }), EMPTY_HISTORY, NOW).explanation;
    expect(lines).toEqual([
      "Threshold mode: 0 current replicas, 0 pods observed over the last 60 s.",
      "1. average: 0 pods, none with a usable CPU reading in the window → no decision.",
      "Result: keep 0 replicas (insufficient data: no CPU readings in the window).",
    ]);
    const down = decideScale(snapshot(3, podSamples(3, [0, 0, 0])), thresholdPolicy(), EMPTY_HISTORY, NOW);
    expect(down.explanation.at(-1)).toBe("Result: scale down 3 → 2 (average CPU 0% below 30%).");
  });
});
