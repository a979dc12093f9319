import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Toleration } from "../types";
import { nodeReady, REASON_NOT_READY } from "./node-ready";

describe("NodeReady (kube: node.kubernetes.io/not-ready:NoSchedule taint)", () => {
  const nodes = [makeNode("ready"), makeNode("not-ready", { ready: false })];
  test.each<[string, Toleration[], string[][] | null]>([
    ["a NotReady node refuses pods", [], [[], [REASON_NOT_READY]]],
    ["tolerating the not-ready taint skips the check", [{ key: "node.kubernetes.io/not-ready", operator: "Exists" }], null],
  ])("%s", (_, tolerations, expected) => {
    expect(runFilter(nodeReady, makePod("p", { tolerations }), makeState(nodes))).toEqual(expected);
  });
});
