import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runFilter } from "../test-fixtures";
import type { ClusterNode, Pod, TopologySpreadConstraint } from "../types";
import { podTopologySpread, REASON_SPREAD, REASON_SPREAD_MISSING_LABEL } from "./pod-topology-spread";

const ZONE = "topology.kubernetes.io/zone";
const zoned = (name: string, zone: string, extra: Record<string, string> = {}): ClusterNode =>
  makeNode(name, { labels: { [ZONE]: zone, ...extra } });
const web = (name: string, nodeName: string): Pod => makePod(name, { labels: { app: "web" }, nodeName });
const spread = (overrides: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: ZONE,
  whenUnsatisfiable: "DoNotSchedule",
  labelSelector: { app: "web" },
  ...overrides,
});
const pending = (constraints: TopologySpreadConstraint[], overrides: Partial<Pod> = {}) =>
  makePod("p", { labels: { app: "web" }, affinity: { topologySpread: constraints }, ...overrides });

describe("kube PodTopologySpread filter: count(domain) + selfMatch − global min ≤ maxSkew", () => {
  const nodes = [zoned("a1", "a"), zoned("a2", "a"), zoned("b1", "b"), makeNode("bare")];
  const existing = [web("w1", "a1"), web("w2", "a2")]; // zone a: 2, zone b: 0

  test.each<[string, TopologySpreadConstraint[], Partial<Pod>, string[][] | null]>([
    [
      "zone a is 2 ahead of b: only b fits; a node without the key is refused with 'missing required label'",
      [spread()],
      {},
      [[REASON_SPREAD], [REASON_SPREAD], [], [REASON_SPREAD_MISSING_LABEL]],
    ],
    ["maxSkew 3 allows a (2 + 1 − 0 = 3)", [spread({ maxSkew: 3 })], {}, [[], [], [], [REASON_SPREAD_MISSING_LABEL]]],
    [
      "a pod that does not match its own selector adds no self match (2 + 0 − 0 ≤ 2)",
      [spread({ maxSkew: 2 })],
      { labels: { app: "other" } },
      [[], [], [], [REASON_SPREAD_MISSING_LABEL]],
    ],
    ["ScheduleAnyway constraints never filter", [spread({ whenUnsatisfiable: "ScheduleAnyway" })], {}, null],
    ["no constraints: skipped", [], {}, null],
  ])("%s", (_, constraints, overrides, expected) => {
    expect(runFilter(podTopologySpread, pending(constraints, overrides), makeState(nodes, existing))).toEqual(expected);
  });

  test("nodeAffinityPolicy Honor: domains of nodes the pod cannot use do not set the global minimum", () => {
    // Zone b's only node is hdd; an ssd-only pod counts zones a (2) and c (1): min is 1, so a (2+1−1=2) fails.
    const cluster = [
      zoned("a1", "a", { disk: "ssd" }),
      zoned("b1", "b", { disk: "hdd" }),
      zoned("c1", "c", { disk: "ssd" }),
    ];
    const pods = [web("w1", "a1"), web("w2", "a1"), web("w3", "c1")];
    const result = runFilter(podTopologySpread, pending([spread()], { nodeSelector: { disk: "ssd" } }), makeState(cluster, pods));
    expect(result).toEqual([[REASON_SPREAD], [], []]);
    // Without the selector zone b (0) is the minimum and only b fits.
    expect(runFilter(podTopologySpread, pending([spread()]), makeState(cluster, pods))).toEqual([[REASON_SPREAD], [], [REASON_SPREAD]]);
  });

  test("constraints are ANDed, and a node must carry every constraint's key", () => {
    const cluster = [
      makeNode("h1", { labels: { [ZONE]: "a", "kubernetes.io/hostname": "h1" } }),
      makeNode("h2", { labels: { [ZONE]: "a", "kubernetes.io/hostname": "h2" } }),
      makeNode("h3", { labels: { [ZONE]: "b" } }),
    ];
    const constraints = [spread({ maxSkew: 5 }), spread({ topologyKey: "kubernetes.io/hostname" })];
    const result = runFilter(podTopologySpread, pending(constraints), makeState(cluster, [web("w1", "h1")]));
    expect(result).toEqual([[REASON_SPREAD], [], [REASON_SPREAD_MISSING_LABEL]]);
  });
});
