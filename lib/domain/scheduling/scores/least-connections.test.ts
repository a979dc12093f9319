import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import { leastConnectionsScore } from "./least-connections";

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

describe("seed LeastConnections score (pods as connections)", () => {
  test.each<[string, boolean, number[]]>([
    ["fewest pods scores 100, most 0 (min–max)", true, [100, 50, 0, 100]],
    ["equal pod counts all score 100", false, [100, 100, 100, 100]],
  ])("%s", (_, withPods, expected) => {
    expect(runScore(leastConnectionsScore, makePod("p"), makeState(nodes, withPods ? pods : []))).toEqual(expected);
  });
});
