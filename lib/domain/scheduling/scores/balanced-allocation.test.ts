import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import { balancedAllocation, balancedScore } from "./balanced-allocation";

describe("kube NodeResourcesBalancedAllocation: (1 − std(req_i/alloc_i)) · 100", () => {
  test.each<[string, number | null, number | null, number]>([
    ["equal fractions are perfectly balanced", 0.5, 0.5, 100],
    ["std of two values is half their distance", 0.2, 0.8, 70],
    ["one resource missing: std 0", 0.9, null, 100],
    ["fully skewed", 1, 0, 50],
  ])("%s", (_, cpu, memory, expected) => {
    expect(balancedScore(cpu, memory)).toBe(expected);
  });

  test("counts the pod's request and caps each fraction at 1; a resource the node lacks is skipped", () => {
    const nodes = [
      makeNode("n", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
      makeNode("no-memory", { allocatable: { cpuMillis: 1000, memoryMiB: 0, pods: 10 } }),
      makeNode("tiny", { allocatable: { cpuMillis: 100, memoryMiB: 1000, pods: 10 } }),
    ];
    const pod = makePod("p", { requests: { cpuMillis: 200, memoryMiB: 600 } });
    // n: cpu 0.2, mem 0.6 → std 0.2 → 80. no-memory: only cpu → 100. tiny: cpu capped 1, mem 0.6 → 80.
    expect(runScore(balancedAllocation, pod, makeState(nodes))).toEqual([80, 100, 80]);
  });
});
