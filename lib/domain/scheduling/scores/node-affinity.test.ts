import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import type { PreferredSchedulingTerm } from "../types";
import { nodeAffinityScore } from "./node-affinity";

const term = (weight: number, key: string, value: string): PreferredSchedulingTerm => ({
  weight,
  preference: { matchExpressions: [{ key, operator: "In", values: [value] }] },
});

describe("kube NodeAffinity score: Σ weights of matching preferred terms, normalized by the maximum", () => {
  const nodes = [
    makeNode("ssd-a", { labels: { disk: "ssd", zone: "a" } }),
    makeNode("ssd-b", { labels: { disk: "ssd", zone: "b" } }),
    makeNode("hdd-b", { labels: { disk: "hdd", zone: "b" } }),
  ];
  test.each<[string, PreferredSchedulingTerm[], number[] | null]>([
    ["no preferred terms: skipped", [], null],
    ["weights add up, best node 100", [term(80, "disk", "ssd"), term(20, "zone", "a")], [100, 80, 0]],
    ["nothing matches: all 0", [term(10, "disk", "nvme")], [0, 0, 0]],
  ])("%s", (_, preferred, expected) => {
    const pod = makePod("p", { affinity: { nodeAffinity: { preferred } } });
    expect(runScore(nodeAffinityScore, pod, makeState(nodes))).toEqual(expected);
  });
});
