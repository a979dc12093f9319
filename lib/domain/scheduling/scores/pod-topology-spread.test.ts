import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import type { TopologySpreadConstraint } from "../types";
import { podTopologySpreadScore } from "./pod-topology-spread";

const ZONE = "topology.kubernetes.io/zone";
const soft = (overrides: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint => ({
  maxSkew: 1,
  topologyKey: ZONE,
  whenUnsatisfiable: "ScheduleAnyway",
  labelSelector: { app: "web" },
  ...overrides,
});

describe("kube PodTopologySpread score (ScheduleAnyway): emptier domains score higher", () => {
  const nodes = [
    makeNode("a1", { labels: { [ZONE]: "a" } }),
    makeNode("b1", { labels: { [ZONE]: "b" } }),
    makeNode("c1", { labels: { [ZONE]: "c" } }),
    makeNode("bare", { labels: {} }),
  ];
  const web = (name: string, nodeName: string) => makePod(name, { labels: { app: "web" }, nodeName });
  const existing = [web("w1", "a1"), web("w2", "a1"), web("w3", "b1")];

  test.each<[string, TopologySpreadConstraint[], number[] | null]>([
    // counts a=2, b=1, c=0; weight log(3+2); raw = round(count·1.609): a=3, b=2, c=0; max 3, min 0.
    // normalized 100·(3+0−raw)/3: a=0, b=33, c=100; nodes without the key are ignored (0).
    ["counts weighted by log(domains+2), reversed against the max", [soft()], [0, 33, 100, 0]],
    ["DoNotSchedule constraints do not score", [soft({ whenUnsatisfiable: "DoNotSchedule" })], null],
    // maxSkew adds (maxSkew − 1) to every node: raw a=5, b=4, c=2; 100·(5+2−raw)/5 → 40, 60, 100.
    ["maxSkew − 1 is added to every raw score", [soft({ maxSkew: 3 })], [40, 60, 100, 0]],
  ])("%s", (_, constraints, expected) => {
    const pod = makePod("p", { labels: { app: "web" }, affinity: { topologySpread: constraints } });
    expect(runScore(podTopologySpreadScore, pod, makeState(nodes, existing))).toEqual(expected);
  });

  test("no matching pods anywhere: every candidate scores 100", () => {
    const pod = makePod("p", { affinity: { topologySpread: [soft({ labelSelector: { app: "none" } })] } });
    expect(runScore(podTopologySpreadScore, pod, makeState(nodes, existing))).toEqual([100, 100, 100, 0]);
  });
});
