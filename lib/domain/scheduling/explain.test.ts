import { describe, expect, test } from "vitest";
import { explainUnschedulable, fitErrorSummary, NO_NODES_AVAILABLE } from "./explain";
import { prepareFilters } from "./filters";
import { podInfo } from "./pod-info";
import { makeNode, makePod, makeState } from "./test-fixtures";

describe("kube FitError summary", () => {
  test.each<[string, number, [string, number][], string]>([
    [
      "reasons as '<count> <reason>', sorted as strings, joined, with a final period",
      5,
      [
        ["Insufficient cpu", 3],
        ["node(s) had untolerated taint {k: v}", 2],
      ],
      "0/5 nodes are available: 2 node(s) had untolerated taint {k: v}, 3 Insufficient cpu.",
    ],
    ["no nodes at all: kube's ErrNoNodesAvailable", 0, [], NO_NODES_AVAILABLE],
  ])("%s", (_, nodes, reasons, expected) => {
    expect(fitErrorSummary(nodes, new Map(reasons))).toBe(expected);
  });
});

describe("explainUnschedulable: the 'why is this pod pending' table", () => {
  test("one row per node with the first refusing filter; resource reasons counted separately", () => {
    const nodes = [
      makeNode("cordoned", { unschedulable: true }),
      makeNode("tainted", { taints: [{ key: "k", value: "v", effect: "NoSchedule" }] }),
      makeNode("small", { allocatable: { cpuMillis: 10, memoryMiB: 10, pods: 10 } }),
      makeNode("full", { allocatable: { cpuMillis: 10_000, memoryMiB: 10_000, pods: 0 } }),
    ];
    const state = makeState(nodes);
    const pod = makePod("p", { requests: { cpuMillis: 100, memoryMiB: 100 } });
    const { table, summary } = explainUnschedulable(state, prepareFilters(podInfo(pod, state), state).all);
    expect(table).toEqual([
      { node: "cordoned", filter: "NodeUnschedulable", reason: "node(s) were unschedulable" },
      { node: "tainted", filter: "TaintToleration", reason: "node(s) had untolerated taint {k: v}" },
      { node: "small", filter: "NodeResourcesFit", reason: "Insufficient cpu, Insufficient memory" },
      { node: "full", filter: "NodeResourcesFit", reason: "Too many pods" },
    ]);
    expect(summary).toBe(
      "0/4 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods, " +
        "1 node(s) had untolerated taint {k: v}, 1 node(s) were unschedulable.",
    );
  });
});
