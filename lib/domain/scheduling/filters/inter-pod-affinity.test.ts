import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { Affinity, Pod } from "../types";
import {
  interPodAffinity,
  REASON_AFFINITY,
  REASON_ANTI_AFFINITY,
  REASON_EXISTING_ANTI_AFFINITY,
} from "./inter-pod-affinity";

const ZONE = "topology.kubernetes.io/zone";
const HOST = "kubernetes.io/hostname";
const nodes = [
  makeNode("a1", { labels: { [ZONE]: "a", [HOST]: "a1" } }),
  makeNode("a2", { labels: { [ZONE]: "a", [HOST]: "a2" } }),
  makeNode("b1", { labels: { [ZONE]: "b", [HOST]: "b1" } }),
  makeNode("bare", { labels: {} }),
];
const db = makePod("db", { labels: { app: "db" }, nodeName: "a1" });

describe("kube InterPodAffinity filter", () => {
  test.each<[string, Affinity, Pod[], string[][] | null]>([
    ["no terms and no existing anti-affinity: skipped", {}, [db], null],
    [
      "required anti-affinity by hostname keeps off the node with a match",
      { podAntiAffinity: { required: [{ labelSelector: { app: "db" }, topologyKey: HOST }] } },
      [db],
      [[REASON_ANTI_AFFINITY], [], [], []],
    ],
    [
      "required anti-affinity by zone keeps off the whole zone; a node without the key passes",
      { podAntiAffinity: { required: [{ labelSelector: { app: "db" }, topologyKey: ZONE }] } },
      [db],
      [[REASON_ANTI_AFFINITY], [REASON_ANTI_AFFINITY], [], []],
    ],
    [
      "required affinity by zone needs a match in the domain, and the key on the node",
      { podAffinity: { required: [{ labelSelector: { app: "db" }, topologyKey: ZONE }] } },
      [db],
      [[], [], [REASON_AFFINITY], [REASON_AFFINITY]],
    ],
    [
      "required affinity with no match anywhere: refused unless the pod matches its own term",
      { podAffinity: { required: [{ labelSelector: { app: "cache" }, topologyKey: ZONE }] } },
      [db],
      [[REASON_AFFINITY], [REASON_AFFINITY], [REASON_AFFINITY], [REASON_AFFINITY]],
    ],
  ])("%s", (_, affinity, pods, expected) => {
    expect(runFilter(interPodAffinity, makePod("p", { labels: { app: "web" }, affinity }), makeState(nodes, pods))).toEqual(
      expected,
    );
  });

  test("the first pod of a self-affine group may go anywhere that has the topology key", () => {
    const pod = makePod("p", {
      labels: { app: "cache" },
      affinity: { podAffinity: { required: [{ labelSelector: { app: "cache" }, topologyKey: ZONE }] } },
    });
    expect(runFilter(interPodAffinity, pod, makeState(nodes, [db]))).toEqual([[], [], [], [REASON_AFFINITY]]);
  });

  test("existing pods' required anti-affinity that selects the pending pod is honoured (symmetry)", () => {
    const guard = makePod("guard", {
      nodeName: "a2",
      affinity: { podAntiAffinity: { required: [{ labelSelector: { app: "web" }, topologyKey: ZONE }] } },
    });
    const web = makePod("p", { labels: { app: "web" } });
    expect(runFilter(interPodAffinity, web, makeState(nodes, [guard]))).toEqual([
      [REASON_EXISTING_ANTI_AFFINITY],
      [REASON_EXISTING_ANTI_AFFINITY],
      [],
      [],
    ]);
    // A pod the guard does not select is unaffected.
    expect(runFilter(interPodAffinity, makePod("q", { labels: { app: "api" } }), makeState(nodes, [guard]))).toBeNull();
  });
});
