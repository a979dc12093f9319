import { describe, expect, test } from "vitest";
import { seededRng } from "../random";
import { scheduleBatch } from "./batch";
import { makeNode, makePod } from "./test-fixtures";
import type { Cluster } from "./types";

const HOST = "kubernetes.io/hostname";

describe("scheduleBatch: sequential placement with incremental accounting", () => {
  const nodes = ["a", "b"].map((name) =>
    makeNode(name, { labels: { [HOST]: name }, allocatable: { cpuMillis: 1000, memoryMiB: 1000, pods: 10 } }),
  );

  test("later pods see earlier ones: a node is never over-committed", () => {
    const pods = Array.from({ length: 5 }, (_, i) => makePod(`p${i}`, { requests: { cpuMillis: 400, memoryMiB: 10 } }));
    const result = scheduleBatch(pods, { nodes, pods: [] }, { kind: "default" }, seededRng(1));
    expect(result.bindings).toHaveLength(4);
    const perNode = new Map<string, number>();
    for (const b of result.bindings) perNode.set(b.nodeName, (perNode.get(b.nodeName) ?? 0) + 1);
    expect([...perNode.values()]).toEqual([2, 2]);
    expect(result.unschedulable).toEqual([
      expect.objectContaining({ pod: "p4", summary: "0/2 nodes are available: 2 Insufficient cpu." }),
    ]);
    expect(result.unschedulable[0]!.table).toHaveLength(2);
  });

  test("anti-affinity sees pods placed earlier in the same batch", () => {
    const replica = (name: string) =>
      makePod(name, {
        labels: { app: "web" },
        affinity: { podAntiAffinity: { required: [{ labelSelector: { app: "web" }, topologyKey: HOST }] } },
      });
    const result = scheduleBatch([replica("r1"), replica("r2"), replica("r3")], { nodes, pods: [] }, { kind: "default" }, seededRng(2));
    expect(new Set(result.bindings.map((b) => b.nodeName)).size).toBe(2);
    expect(result.unschedulable.map((u) => u.pod)).toEqual(["r3"]);
    expect(result.unschedulable[0]!.summary).toBe("0/2 nodes are available: 2 node(s) didn't match pod anti-affinity rules.");
  });

  test.each<[string, Cluster, string[], string[]]>([
    ["pods with a nodeName are skipped", { nodes, pods: [] }, ["bound"], ["already bound"]],
    ["names already bound in the cluster are skipped", { nodes, pods: [makePod("p0", { nodeName: "a" })] }, ["p0"], ["already bound"]],
    ["a name repeated in the batch is placed once", { nodes, pods: [] }, ["dup"], ["duplicate in batch"]],
  ])("%s: never bound twice", (_, cluster, skippedPods, reasons) => {
    const pods = [makePod("p0"), makePod("bound", { nodeName: "b" }), makePod("dup"), makePod("dup")];
    const result = scheduleBatch(pods, cluster, { kind: "default" }, seededRng(3));
    const relevant = result.skipped.filter((s) => skippedPods.includes(s.pod));
    expect(relevant.map((s) => s.reason)).toEqual(reasons);
    const bound = result.bindings.map((b) => b.pod);
    expect(new Set(bound).size).toBe(bound.length);
  });

  test("explain 'summary' drops the tables; the state is threaded through and returned", () => {
    const huge = makePod("huge", { requests: { cpuMillis: 5000, memoryMiB: 1 } });
    const result = scheduleBatch([makePod("x"), huge, makePod("y")], { nodes, pods: [] }, { kind: "round_robin" }, seededRng(4), {
      explain: "summary",
    });
    expect(result.unschedulable).toEqual([{ pod: "huge", table: [], summary: "0/2 nodes are available: 2 Insufficient cpu." }]);
    expect(result.bindings.map((b) => b.nodeName)).toEqual(["a", "b"]);
    const next = scheduleBatch([makePod("z")], { nodes, pods: [] }, { kind: "round_robin" }, seededRng(4), { state: result.state });
    expect(next.bindings.map((b) => b.nodeName)).toEqual(["a"]);
  });
});
