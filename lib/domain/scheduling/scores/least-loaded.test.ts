import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import { leastLoadedScore } from "./least-loaded";

const nodes = [
  makeNode("idle", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
  makeNode("cpu-busy", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
  makeNode("mem-busy", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
  makeNode("no-cpu", { allocatable: { cpuMillis: 0, memoryMiB: 1000, pods: 10 } }),
];
const pods = [
  makePod("c", { nodeName: "cpu-busy", requests: { cpuMillis: 600, memoryMiB: 100 } }),
  makePod("m1", { nodeName: "mem-busy", requests: { cpuMillis: 0, memoryMiB: 400 } }),
  makePod("m2", { nodeName: "mem-busy", requests: { cpuMillis: 0, memoryMiB: 400 } }),
];

describe("seed LeastLoaded score", () => {
  test("100 × (1 − dominant requested fraction), before the pod; no capacity counts as full", () => {
    const scores = runScore(leastLoadedScore, makePod("p"), makeState(nodes, pods))!;
    expect(scores.map((s) => Math.round(s))).toEqual([100, 40, 20, 0]);
  });
});
