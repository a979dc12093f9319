import { describe, expect, test } from "vitest";
import { NOW } from "../test-fixtures";
import type { Recommendation } from "../types";
import { stabilize } from "./stabilize";

const rec = (secondsAgo: number, replicas: number): Recommendation => ({ at: NOW - secondsAgo * 1000, replicas });

describe("HPA stabilizeRecommendationWithBehaviors", () => {
  test.each<{ name: string; current: number; desired: number; recs: Recommendation[]; up?: number; down?: number; expected: number }>([
    { name: "scale-down uses the highest recommendation of the last 300 s", current: 10, desired: 4, recs: [rec(200, 8), rec(100, 6)], expected: 8 },
    { name: "recommendations older than the window are ignored", current: 10, desired: 4, recs: [rec(301, 9), rec(100, 6)], expected: 6 },
    { name: "the window is strict: a recommendation exactly 300 s old is out", current: 10, desired: 4, recs: [rec(300, 9)], expected: 4 },
    { name: "never scales down when a recent recommendation was at least the current count", current: 10, desired: 4, recs: [rec(10, 12)], expected: 10 },
    { name: "scale-up window 0 s: scale up immediately", current: 3, desired: 7, recs: [rec(1, 2)], expected: 7 },
    { name: "scale-up uses the lowest recommendation of its window", current: 3, desired: 7, recs: [rec(30, 5), rec(10, 6)], up: 60, expected: 5 },
    { name: "never scales up when a recent recommendation was at most the current count", current: 3, desired: 7, recs: [rec(30, 2)], up: 60, expected: 3 },
    { name: "no scale-down window: follow the recommendation at once", current: 10, desired: 4, recs: [rec(10, 12)], down: 0, expected: 4 },
  ])("$name", ({ current, desired, recs, up = 0, down = 300, expected }) => {
    const result = stabilize({ currentReplicas: current, desiredReplicas: desired, recommendations: recs, now: NOW, upWindowSeconds: up, downWindowSeconds: down });
    expect(result.replicas).toBe(expected);
  });

  test("explains whether the recommendation was held back", () => {
    const base = { recommendations: [rec(100, 8)], now: NOW, upWindowSeconds: 0, downWindowSeconds: 300 };
    expect(stabilize({ ...base, currentReplicas: 10, desiredReplicas: 4 }).step).toEqual({
      rule: "stabilization",
      detail: "recommendation 4; lowest in the 0 s scale-up window 4, highest in the 300 s scale-down window 8",
      effect: "scale-down stabilized at 8: recent recommendations were higher",
      replicas: 8,
    });
    expect(stabilize({ ...base, recommendations: [rec(30, 8)], currentReplicas: 3, desiredReplicas: 9, upWindowSeconds: 60 }).step.effect).toBe(
      "scale-up stabilized at 8: recent recommendations were lower",
    );
    expect(stabilize({ ...base, currentReplicas: 3, desiredReplicas: 9 }).step.effect).toBe("unchanged");
  });
});
