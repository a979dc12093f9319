import { describe, expect, test } from "vitest";
import { makeNode, makePod, makeState, runScore } from "../test-fixtures";
import type { Affinity, Pod } from "../types";
import { interPodAffinityScore } from "./inter-pod-affinity";

const ZONE = "topology.kubernetes.io/zone";
const nodes = [
  makeNode("a1", { labels: { [ZONE]: "a" } }),
  makeNode("b1", { labels: { [ZONE]: "b" } }),
  makeNode("bare", { labels: {} }),
];
const cache = makePod("cache", { labels: { app: "cache" }, nodeName: "a1" });

describe("kube InterPodAffinity score", () => {
  test.each<[string, Affinity, Pod[], number[] | null]>([
    ["nothing preferred and no existing terms: skipped", {}, [cache], null],
    [
      "preferred affinity pulls towards the matching domain",
      { podAffinity: { preferred: [{ weight: 10, term: { labelSelector: { app: "cache" }, topologyKey: ZONE } }] } },
      [cache],
      [100, 0, 0],
    ],
    [
      "preferred anti-affinity pushes away from it",
      { podAntiAffinity: { preferred: [{ weight: 10, term: { labelSelector: { app: "cache" }, topologyKey: ZONE } }] } },
      [cache],
      [0, 100, 100],
    ],
  ])("%s", (_, affinity, pods, expected) => {
    expect(runScore(interPodAffinityScore, makePod("p", { labels: { app: "web" }, affinity }), makeState(nodes, pods))).toEqual(
      expected,
    );
  });

  test("existing pods' terms that select the pending pod count too (preferred ±weight, required affinity +1)", () => {
    const likesWeb = makePod("likes", {
      nodeName: "b1",
      affinity: { podAffinity: { required: [{ labelSelector: { app: "web" }, topologyKey: ZONE }] } },
    });
    const avoidsWeb = makePod("avoids", {
      nodeName: "a1",
      affinity: { podAntiAffinity: { preferred: [{ weight: 5, term: { labelSelector: { app: "web" }, topologyKey: ZONE } }] } },
    });
    // raw: a1 = −5, b1 = +1, bare = 0 → min–max: 0, 100, 83.
    const state = makeState(nodes, [likesWeb, avoidsWeb]);
    expect(runScore(interPodAffinityScore, makePod("p", { labels: { app: "web" } }), state)).toEqual([0, 100, 83]);
    expect(runScore(interPodAffinityScore, makePod("q", { labels: { app: "api" } }), state)).toBeNull();
  });
});
