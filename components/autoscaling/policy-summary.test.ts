import { expect, test } from "vitest";
import { policyLong, policyShort, shortenIds } from "./policy-summary";

const threshold = { mode: "threshold" as const, minReplicas: 1, maxReplicas: 5, scaleUpThreshold: 50, scaleDownThreshold: 10, cooldownMs: 60_000, windowMs: 30_000 };
const target = {
  mode: "target" as const,
  minReplicas: 2,
  maxReplicas: 10,
  metrics: [
    { type: "resource" as const, resource: "cpu" as const, targetAverageUtilization: 60 },
    { type: "object" as const, name: "queue", target: { type: "Value" as const, value: 30 } },
  ],
};

test("policyShort says what moves the replica count", () => {
  expect(policyShort({ ...threshold, step: 2 })).toBe("CPU > 50% → +2, < 10% → −2");
  expect(policyShort(target)).toBe("keep CPU at 60% of request, queue at 30");
});

test("policyLong spells out the defaults", () => {
  expect(policyLong(threshold)).toEqual([
    "Keeps between 1 and 5 replicas.",
    "Averages CPU utilization (% of each pod's request) over the last 30 s.",
    "Above 50% it adds 1; below 10% it removes 1.",
    "After a scale it waits 60 s (cooldown) before acting again.",
  ]);
  expect(policyLong(target).slice(2)).toEqual([
    "Ignores changes within ±10% of the target; averages CPU over 60 s.",
    "Stabilization: scales up on the lowest recommendation of the last 0 s, down on the highest of the last 300 s.",
  ]);
});

test("shortenIds keeps the first 8 characters of each UUID", () => {
  expect(shortenIds("Pods: 0190f5a0-0000-7000-8000-000000000000 Running, ready")).toBe("Pods: 0190f5a0… Running, ready");
});
