import { describe, expect, test } from "vitest";
import { podInfo } from "../pod-info";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import type { Taint, Toleration } from "../types";
import { taintTolerationScore } from "./taint-toleration";

const soft = (key: string): Taint => ({ key, effect: "PreferNoSchedule" });

describe("kube TaintToleration score: fewer intolerable PreferNoSchedule taints is better", () => {
  const nodes = [
    makeNode("clean"),
    makeNode("one", { taints: [soft("spot")] }),
    makeNode("two", { taints: [soft("spot"), soft("old")] }),
    makeNode("hard-only", { taints: [{ key: "gpu", effect: "NoSchedule" }] }),
  ];
  test.each<[string, Toleration[], number[]]>([
    ["normalized by the worst node, reversed; NoSchedule taints do not count", [], [100, 50, 0, 100]],
    ["tolerated PreferNoSchedule taints do not count", [{ key: "spot", operator: "Exists" }], [100, 100, 0, 100]],
    ["a toleration for another effect does not help", [{ key: "spot", operator: "Exists", effect: "NoSchedule" }], [100, 50, 0, 100]],
    ["everything tolerated: all 100", [{ operator: "Exists" }], [100, 100, 100, 100]],
  ])("%s", (_, tolerations, expected) => {
    expect(runScore(taintTolerationScore, makePod("p", { tolerations }), makeState(nodes))).toEqual(expected);
  });
});

test("kube TaintToleration score: with fewer candidates than taint sets, only the candidates are scored", () => {
  const nodes = [makeNode("one", { taints: [soft("spot")] }), makeNode("two", { taints: [soft("spot"), soft("old")] }), makeNode("clean")];
  const state = makeState(nodes);
  const out = new Float64Array(3);
  taintTolerationScore.score(podInfo(makePod("p"), state), state, Int32Array.from([1, 0]), 2, out);
  expect(Array.from(out.subarray(0, 2))).toEqual([0, 50]);
});
