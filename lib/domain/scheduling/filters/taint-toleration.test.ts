import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Taint, Toleration } from "../types";
import { taintToleration } from "./taint-toleration";

const hard: Taint = { key: "gpu", value: "true", effect: "NoSchedule" };
const execute: Taint = { key: "maintenance", effect: "NoExecute" };
const soft: Taint = { key: "spot", value: "yes", effect: "PreferNoSchedule" };

describe("kube TaintToleration filter", () => {
  test.each<[string, Taint[], Toleration[], string[]]>([
    ["untainted node fits", [], [], []],
    ["NoSchedule must be tolerated", [hard], [], ["node(s) had untolerated taint {gpu: true}"]],
    ["NoExecute must be tolerated", [execute], [], ["node(s) had untolerated taint {maintenance: }"]],
    ["PreferNoSchedule only scores: the node fits", [soft], [], []],
    ["tolerated NoSchedule fits", [hard], [{ key: "gpu", operator: "Equal", value: "true" }], []],
    [
      "the first untolerated taint is reported",
      [soft, hard, execute],
      [{ key: "gpu", operator: "Exists" }],
      ["node(s) had untolerated taint {maintenance: }"],
    ],
  ])("%s", (_, taints, tolerations, expected) => {
    const state = makeState([makeNode("n", { taints })]);
    expect(runFilter(taintToleration, makePod("p", { tolerations }), state)).toEqual([expected]);
  });

  test("nodes with the same taints share one verdict", () => {
    const state = makeState([makeNode("a", { taints: [hard] }), makeNode("b", { taints: [hard] }), makeNode("c")]);
    expect(state.taints.sets).toHaveLength(2);
    expect(runFilter(taintToleration, makePod("p"), state)?.map((r) => r.length)).toEqual([1, 1, 0]);
  });
});
