import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Pod } from "../types";
import { nodeAffinity, REASON_NODE_AFFINITY } from "./node-affinity";

const nodes = [
  makeNode("ssd-a", { labels: { disk: "ssd", zone: "a" } }),
  makeNode("hdd-b", { labels: { disk: "hdd", zone: "b" } }),
];

describe("kube NodeAffinity filter (nodeSelector AND required terms)", () => {
  test.each<[string, Partial<Pod>, boolean[] | null]>([
    ["no selector and no required affinity: skipped", {}, null],
    ["nodeSelector must match every pair", { nodeSelector: { disk: "ssd" } }, [true, false]],
    [
      "required terms are ORed",
      {
        affinity: {
          nodeAffinity: {
            required: [
              { matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] },
              { matchExpressions: [{ key: "disk", operator: "In", values: ["ssd"] }] },
            ],
          },
        },
      },
      [true, true],
    ],
    [
      "nodeSelector and required terms must both hold",
      {
        nodeSelector: { disk: "ssd" },
        affinity: { nodeAffinity: { required: [{ matchExpressions: [{ key: "zone", operator: "In", values: ["b"] }] }] } },
      },
      [false, false],
    ],
    ["an empty required list is treated as absent", { affinity: { nodeAffinity: { required: [] } } }, null],
    [
      "preferred terms never filter",
      { affinity: { nodeAffinity: { preferred: [{ weight: 1, preference: { matchExpressions: [] } }] } } },
      null,
    ],
  ])("%s", (_, overrides, expected) => {
    const result = runFilter(nodeAffinity, makePod("p", overrides), makeState(nodes));
    expect(result?.map((reasons) => reasons.length === 0) ?? null).toEqual(expected);
    for (const reasons of result ?? []) if (reasons.length > 0) expect(reasons).toEqual([REASON_NODE_AFFINITY]);
  });
});
