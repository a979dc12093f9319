import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import { leastAllocated, leastRequestedScore, mostAllocated, mostRequestedScore } from "./node-resources-fit";

describe("kube NodeResourcesFit scoring strategies", () => {
  test.each<[string, number, number, number, number]>([
    // requested (incl. the pod), capacity, LeastAllocated, MostAllocated
    ["empty node", 0, 1000, 100, 0],
    ["a quarter used", 250, 1000, 75, 25],
    ["truncates like kube's integer math", 333, 1000, 66, 33],
    ["full", 1000, 1000, 0, 100],
    ["over capacity: Least gives 0, Most caps at 100", 1500, 1000, 0, 100],
    ["zero capacity scores 0", 10, 0, 0, 0],
  ])("%s", (_, requested, capacity, least, most) => {
    expect(leastRequestedScore(requested, capacity)).toBe(least);
    expect(mostRequestedScore(requested, capacity)).toBe(most);
  });

  test("LeastAllocated averages cpu and memory including the pod; MostAllocated bin-packs", () => {
    const nodes = [
      makeNode("empty", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
      makeNode("busy", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
    ];
    const busy = makePod("b", { nodeName: "busy", requests: { cpuMillis: 500, memoryMiB: 300 } });
    const pod = makePod("p", { requests: { cpuMillis: 100, memoryMiB: 100 } });
    const state = makeState(nodes, [busy]);
    // empty: cpu 90, mem 90 → 90; busy: cpu (1000−600)/10 = 40, mem 60 → 50.
    expect(runScore(leastAllocated, pod, state)).toEqual([90, 50]);
    expect(runScore(mostAllocated, pod, state)).toEqual([10, 50]);
  });
});
