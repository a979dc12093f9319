import { describe, expect, test } from "vitest";
import { seededRng } from "../random";
import type { SchedulingProfile } from "./profiles";
import { schedule } from "./schedule";
import { makeNode, makePod } from "./test-fixtures";
import type { Cluster, ScheduleResult } from "./types";

const nameOf = (result: ScheduleResult) => (result.unschedulable ? null : result.nodeName);

describe("schedule: filters first, then the profile's choice", () => {
  const cluster: Cluster = {
    nodes: [
      makeNode("small", { allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
      makeNode("big", { allocatable: { cpuMillis: 8000, memoryMiB: 8000, pods: 10 } }),
      makeNode("cordoned", { unschedulable: true, allocatable: { cpuMillis: 64_000, memoryMiB: 64_000, pods: 10 } }),
    ],
    pods: [makePod("old", { nodeName: "big", requests: { cpuMillis: 1000, memoryMiB: 1000 } })],
  };
  const pod = makePod("p", { requests: { cpuMillis: 500, memoryMiB: 500 } });

  test.each<[string, SchedulingProfile, string]>([
    ["default (LeastAllocated) prefers the freer node", { kind: "default" }, "big"],
    ["default MostAllocated bin-packs onto the fuller node", { kind: "default", scoringStrategy: "MostAllocated" }, "small"],
    ["least_loaded picks the lowest requested fraction", { kind: "least_loaded" }, "small"],
    ["least_connections picks the node with fewest pods", { kind: "least_connections" }, "small"],
    ["round_robin starts at the first feasible node", { kind: "round_robin" }, "small"],
    ["custom mixes named scores", { kind: "custom", weights: { NodeResourcesMostAllocated: 1 } }, "small"],
  ])("%s", (_, profile, expected) => {
    expect(nameOf(schedule(pod, cluster, profile, seededRng(1)))).toBe(expected);
  });

  test.each<[SchedulingProfile]>([[{ kind: "weighted_round_robin" }], [{ kind: "ip_hash" }]])(
    "%j never picks a cordoned node",
    (profile) => {
      for (let i = 0; i < 20; i++) {
        expect(nameOf(schedule(makePod(`p${i}`), cluster, profile, seededRng(i)))).not.toBe("cordoned");
      }
    },
  );

  test("state is passed in and out: round_robin continues where it stopped", () => {
    const first = schedule(pod, cluster, { kind: "round_robin" }, seededRng(1));
    const second = schedule(pod, cluster, { kind: "round_robin" }, seededRng(1), first.state);
    expect([nameOf(first), nameOf(second)]).toEqual(["small", "big"]);
    expect(second.state.lastNode).toBe("big");
  });

  test("an unschedulable pod gets the per-node table and kube's summary", () => {
    const huge = makePod("huge", { requests: { cpuMillis: 10_000, memoryMiB: 1 } });
    const result = schedule(huge, cluster, { kind: "default" }, seededRng(1));
    expect(result).toMatchObject({
      unschedulable: true,
      table: [
        { node: "small", filter: "NodeResourcesFit", reason: "Insufficient cpu" },
        { node: "big", filter: "NodeResourcesFit", reason: "Insufficient cpu" },
        { node: "cordoned", filter: "NodeUnschedulable", reason: "node(s) were unschedulable" },
      ],
      summary: "0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.",
    });
  });

  test.each<[string, Cluster, string | null]>([
    ["a pod with nodeName is returned as bound", { nodes: cluster.nodes, pods: [] }, "small"],
    ["a pod bound in the cluster under the same name is returned as bound", cluster, "big"],
  ])("%s, never placed twice", (_, given, nodeName) => {
    const candidate = given === cluster ? makePod("old") : makePod("x", { nodeName });
    expect(schedule(candidate, given, { kind: "default" }, seededRng(1))).toMatchObject({
      unschedulable: false,
      nodeName,
      alreadyBound: true,
    });
  });

  test("an empty cluster: kube's 'no nodes available'", () => {
    expect(schedule(pod, { nodes: [], pods: [] }, { kind: "default" }, seededRng(1))).toMatchObject({
      unschedulable: true,
      table: [],
      summary: "no nodes available to schedule pods",
    });
  });

  test("the caller's cluster is not mutated", () => {
    const snapshot = JSON.stringify(cluster);
    schedule(pod, cluster, { kind: "default" }, seededRng(1));
    expect(JSON.stringify(cluster)).toBe(snapshot);
  });
});
