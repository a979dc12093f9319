import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Toleration } from "../types";
import { nodeUnschedulable, REASON_DRAINING, REASON_UNSCHEDULABLE } from "./node-unschedulable";

describe("kube NodeUnschedulable", () => {
  const nodes = [makeNode("open"), makeNode("cordoned", { unschedulable: true })];
  test.each<[string, Toleration[], string[][]]>([
    ["a cordoned node refuses pods", [], [[], [REASON_UNSCHEDULABLE]]],
    [
      "tolerating node.kubernetes.io/unschedulable:NoSchedule lets the pod onto a cordoned node",
      [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }],
      [[], []],
    ],
    ["a toleration for another taint does not", [{ key: "gpu", operator: "Exists" }], [[], [REASON_UNSCHEDULABLE]]],
  ])("%s", (_, tolerations, expected) => {
    expect(runFilter(nodeUnschedulable, makePod("p", { tolerations }), makeState(nodes))).toEqual(expected);
  });

  test("a node being drained refuses even pods that tolerate cordons (drain must empty it)", () => {
    const pod = makePod("p", { tolerations: [{ operator: "Exists" }] });
    const state = makeState(nodes, [], { drainedNode: "open" });
    expect(runFilter(nodeUnschedulable, pod, state)).toEqual([[REASON_DRAINING], []]);
  });

  test("draining a node the cluster does not list refuses nothing extra", () => {
    const state = makeState(nodes, [], { drainedNode: "gone" });
    expect(state.drainedNode).toBe(-1);
    expect(runFilter(nodeUnschedulable, makePod("p"), state)).toEqual([[], [REASON_UNSCHEDULABLE]]);
  });
});
