import { describe, expect, test } from "vitest";
import { NOW } from "../test-fixtures";
import type { HpaRatePolicy, ScaleEvent } from "../types";
import { resolveBehavior, type ResolvedRules } from "./defaults";
import { applyRateLimits, directionLimit, replicasChangedInPeriod } from "./rate-limit";

const rules = (policies: HpaRatePolicy[], selectPolicy: ResolvedRules["selectPolicy"] = "Max"): ResolvedRules => ({
  stabilizationWindowSeconds: 0,
  selectPolicy,
  policies,
  tolerance: 0.1,
});
const up = (secondsAgo: number, from: number, to: number): ScaleEvent => ({ at: NOW - secondsAgo * 1000, fromReplicas: from, toReplicas: to });
const pods = (value: number, periodSeconds = 60): HpaRatePolicy => ({ type: "Pods", value, periodSeconds });
const percent = (value: number, periodSeconds = 60): HpaRatePolicy => ({ type: "Percent", value, periodSeconds });

describe("HPA getReplicasChangePerPeriod", () => {
  const events = [up(10, 2, 5), up(20, 5, 4), up(70, 4, 8), up(60, 8, 9)];
  test.each([
    { direction: "up" as const, expected: 3 },
    { direction: "down" as const, expected: 1 },
  ])("sums $direction changes strictly newer than the period", ({ direction, expected }) => {
    expect(replicasChangedInPeriod(events, direction, 60, NOW)).toBe(expected);
  });
});

describe("HPA calculateScaleUpLimitWithScalingRules", () => {
  test.each<{ name: string; current: number; events: ScaleEvent[]; rules: ResolvedRules; expected: number }>([
    { name: "no previous events: Pods 4 → 5 + 4", current: 5, events: [], rules: rules([pods(4)]), expected: 9 },
    { name: "a scale-up 30 s ago counts against the period: start 3 → 7", current: 5, events: [up(30, 3, 5)], rules: rules([pods(4)]), expected: 7 },
    { name: "a scale-down in the period raises the start", current: 5, events: [up(30, 7, 5)], rules: rules([pods(4)]), expected: 11 },
    { name: "selectPolicy Disabled: no scale-up", current: 5, events: [], rules: rules([pods(4)], "Disabled"), expected: 5 },
    { name: "selectPolicy Min picks the smallest change", current: 5, events: [], rules: rules([pods(4), pods(2)], "Min"), expected: 7 },
    { name: "Percent 50 of 10 → 15", current: 10, events: [], rules: rules([percent(50)]), expected: 15 },
    { name: "Percent rounds up: 100% of 3 by ceil → 6; 10% of 3 → ceil(3.3) = 4", current: 3, events: [], rules: rules([percent(10)]), expected: 4 },
    { name: "defaults: max(Pods 4, Percent 100) per 15 s → 2 becomes 6", current: 2, events: [], rules: resolveBehavior({ mode: "target", minReplicas: 1, maxReplicas: 9, metrics: [] }).scaleUp, expected: 6 },
    { name: "defaults: … and 10 becomes 20", current: 10, events: [], rules: resolveBehavior({ mode: "target", minReplicas: 1, maxReplicas: 9, metrics: [] }).scaleUp, expected: 20 },
  ])("$name", ({ current, events, rules, expected }) => {
    expect(directionLimit("up", current, events, rules, NOW).limit).toBe(expected);
  });
});

describe("HPA calculateScaleDownLimitWithBehaviors", () => {
  test.each<{ name: string; current: number; events: ScaleEvent[]; rules: ResolvedRules; expected: number }>([
    { name: "no previous events: Percent 20 of 10 → 8", current: 10, events: [], rules: rules([percent(20)]), expected: 8 },
    { name: "a scale-down in the period: start 11 → trunc(8.8) = 8", current: 10, events: [up(30, 11, 10)], rules: rules([percent(20)]), expected: 8 },
    { name: "several policies: Max picks the largest change", current: 100, events: [], rules: rules([percent(10), pods(5)]), expected: 90 },
    { name: "selectPolicy Min picks the smallest change", current: 100, events: [], rules: rules([percent(10), pods(15)], "Min"), expected: 90 },
    { name: "selectPolicy Disabled: no scale-down", current: 10, events: [], rules: rules([percent(20)], "Disabled"), expected: 10 },
    { name: "HPA docs: Pods 4 + Percent 10 per 60 s remove 8 of 80", current: 80, events: [], rules: rules([pods(4), percent(10)]), expected: 72 },
    { name: "HPA docs: … once the period has passed, 72 → 64 (7.2 rounds to 8)", current: 72, events: [up(61, 80, 72)], rules: rules([pods(4), percent(10)]), expected: 64 },
    { name: "HPA docs: … and with 40 or fewer replicas the Pods policy wins", current: 30, events: [], rules: rules([pods(4), percent(10)]), expected: 26 },
  ])("$name", ({ current, events, rules, expected }) => {
    expect(directionLimit("down", current, events, rules, NOW).limit).toBe(expected);
  });
});

describe("HPA convertDesiredReplicasWithBehaviorRate", () => {
  const base = {
    minReplicas: 2,
    maxReplicas: 10,
    scaleUp: rules([pods(2)]),
    scaleDown: rules([pods(1)]),
    events: [] as ScaleEvent[],
    now: NOW,
  };
  test.each<{ name: string; current: number; desired: number; events?: ScaleEvent[]; expected: number; reason: string }>([
    { name: "within the scale-up limit", current: 4, desired: 6, expected: 6, reason: "DesiredWithinRange" },
    { name: "capped by the scale-up policy", current: 4, desired: 9, expected: 6, reason: "ScaleUpLimit" },
    { name: "capped by maxReplicas", current: 9, desired: 14, expected: 10, reason: "TooManyReplicas" },
    { name: "events beyond the limit never force a scale-down", current: 6, desired: 9, events: [up(5, 2, 6)], expected: 6, reason: "ScaleUpLimit" },
    { name: "capped by the scale-down policy", current: 6, desired: 2, expected: 5, reason: "ScaleDownLimit" },
    { name: "capped by minReplicas", current: 3, desired: 1, expected: 2, reason: "TooFewReplicas" },
    { name: "scale-down events beyond the limit never force a scale-up", current: 4, desired: 2, events: [up(5, 7, 4)], expected: 4, reason: "ScaleDownLimit" },
    { name: "no change", current: 4, desired: 4, expected: 4, reason: "DesiredWithinRange" },
  ])("$name", ({ current, desired, events, expected, reason }) => {
    const result = applyRateLimits({ ...base, events: events ?? [], currentReplicas: current, desiredReplicas: desired });
    expect([result.replicas, result.reason]).toEqual([expected, reason]);
  });

  test("explains each policy's period start and proposal", () => {
    const result = applyRateLimits({ ...base, currentReplicas: 4, desiredReplicas: 9, events: [up(10, 3, 4)] });
    expect(result.step).toEqual({
      rule: "rate_limit",
      detail: "scale-up policies Pods 2/60s from 3 → 5; selectPolicy Max → 5; allowed 5",
      effect: "ScaleUpLimit: the desired replica count is increasing faster than the maximum scale rate; capped at 5",
      replicas: 5,
    });
    const disabled = applyRateLimits({ ...base, scaleDown: rules([pods(1)], "Disabled"), currentReplicas: 4, desiredReplicas: 2 });
    expect(disabled.step.detail).toBe("scale-down is disabled (selectPolicy Disabled); allowed 4");
    expect(applyRateLimits({ ...base, currentReplicas: 4, desiredReplicas: 5 }).step.effect).toBe(
      "unchanged: the desired count is within the acceptable range",
    );
  });
});
