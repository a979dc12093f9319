import { describe, expect, test } from "vitest";
import { seededRng } from "../random";
import { planDrain } from "./drain";
import { makeNode, makePod } from "./test-fixtures";
import type { Cluster } from "./types";

describe("planDrain: cordon, then re-place the node's pods in order", () => {
  const small = { cpuMillis: 1000, memoryMiB: 1000, pods: 10 };
  const cluster: Cluster = {
    nodes: [makeNode("old", { allocatable: small }), makeNode("a", { allocatable: small }), makeNode("b", { allocatable: small })],
    pods: [
      makePod("big1", { nodeName: "old", requests: { cpuMillis: 600, memoryMiB: 10 } }),
      makePod("big2", { nodeName: "old", requests: { cpuMillis: 600, memoryMiB: 10 } }),
      makePod("big3", { nodeName: "old", requests: { cpuMillis: 600, memoryMiB: 10 } }),
      makePod("stay", { nodeName: "a", requests: { cpuMillis: 100, memoryMiB: 10 } }),
    ],
  };

  test("each move is accounted before the next; what fits nowhere is reported with reasons", () => {
    const plan = planDrain("old", cluster, { kind: "default" }, seededRng(1));
    expect(plan.node).toBe("old");
    expect(plan.moves.map((m) => m.pod)).toEqual(["big1", "big2"]);
    expect(new Set(plan.moves.map((m) => m.to))).toEqual(new Set(["a", "b"]));
    for (const move of plan.moves) expect(move.from).toBe("old");
    expect(plan.unplaced).toEqual([
      expect.objectContaining({
        pod: "big3",
        summary: "0/3 nodes are available: 1 node(s) were being drained, 2 Insufficient cpu.",
      }),
    ]);
  });

  test.each<[string, Cluster]>([
    ["pods tolerating cordons are still not put back on the drained node", {
      nodes: [makeNode("old"), makeNode("other", { unschedulable: true })],
      pods: [makePod("ds", { nodeName: "old", tolerations: [{ operator: "Exists" }] })],
    }],
  ])("%s", (_, given) => {
    const plan = planDrain("old", given, { kind: "least_connections" }, seededRng(1));
    expect(plan.moves).toEqual([{ pod: "ds", from: "old", to: "other" }]);
  });

  test("a node with no pods gives an empty plan; an unknown node throws", () => {
    expect(planDrain("b", cluster, { kind: "default" }, seededRng(1))).toMatchObject({ moves: [], unplaced: [] });
    expect(() => planDrain("nope", cluster, { kind: "default" }, seededRng(1))).toThrow(/unknown node/);
  });
});
