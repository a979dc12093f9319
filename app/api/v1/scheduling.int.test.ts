import { beforeEach, expect, test } from "vitest";
import { db } from "@/lib/server/db";
import { call } from "@/lib/testing/api";
import { resetDatabase } from "@/lib/testing/database";
import * as drain from "./nodes/[id]/drain/route";
import * as placement from "./pods/[id]/placement/route";

beforeEach(resetDatabase);

const node = (name: string, cpu: number, extra: object = {}) =>
  db.node.create({
    data: { name, capacity: { cpuMillis: cpu, memoryMiB: 4096, pods: 10 }, allocatable: { cpuMillis: cpu, memoryMiB: 4096, pods: 10 }, conditions: [{ type: "Ready", status: "True" }], ...extra },
  });
const pod = (name: string, cpu: number, nodeName: string | null, extra: object = {}) =>
  db.pod.create({ data: { name, requests: { cpuMillis: cpu, memoryMiB: 64 }, containers: [{ name: "c", image: "stratus/demo-http" }], nodeName, ...extra } });

test("GET /api/v1/pods/{id}/placement explains, node by node, why a pod is pending", async () => {
  await node("small", 500);
  await node("tainted", 8000, { taints: [{ key: "gpu", value: "true", effect: "NoSchedule" }] });
  await node("cordoned", 8000, { unschedulable: true });
  const big = await pod("big", 2000, null);
  const res = await call(placement.GET, "GET", "/x", { params: { id: big.id } });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({ fits: false, summary: expect.stringMatching(/^0\/3 nodes are available/) });
  const table = res.json!.table as Array<{ node: string; filter: string }>;
  expect(Object.fromEntries(table.map((r) => [r.node, r.filter]))).toEqual({
    small: "NodeResourcesFit",
    tainted: "TaintToleration",
    cordoned: "NodeUnschedulable",
  });

  const small = await pod("tiny", 100, null);
  expect((await call(placement.GET, "GET", "/x", { params: { id: small.id } })).json).toMatchObject({ fits: true, nodeName: "small" });
});

test("POST /api/v1/nodes/{id}/drain cordons, evicts what can move, and reports what cannot", async () => {
  const a = await node("a", 4000);
  await node("b", 1000);
  const web = await db.resource.create({ data: { name: "web", kind: "container", spec: { image: "stratus/demo-http", replicas: 1, resources: { cpuMillis: 500, memoryMiB: 64 } } } });
  const owned = await pod("web-1", 500, "a", { ownerId: web.id, phase: "running" });
  const standalone = await pod("solo", 300, "a", { phase: "running" });
  const huge = await pod("huge", 3000, "a", { phase: "running" });

  const res = await call(drain.POST, "POST", "/x", { params: { id: a.id } });
  expect(res.status).toBe(200);
  expect(res.json).toMatchObject({
    node: "a",
    moved: expect.arrayContaining([{ pod: "web-1", to: "b" }, { pod: "solo", to: "b" }]),
    unplaced: [{ pod: "huge", summary: expect.stringContaining("Insufficient cpu") }],
  });
  expect((await db.node.findUniqueOrThrow({ where: { id: a.id } })).unschedulable).toBe(true);
  expect(await db.pod.findUnique({ where: { id: owned.id } })).toBeNull(); // its workload re-creates it elsewhere
  expect(await db.pod.findUniqueOrThrow({ where: { id: standalone.id } })).toMatchObject({ nodeName: null, phase: "pending" });
  expect(await db.pod.findUniqueOrThrow({ where: { id: huge.id } })).toMatchObject({ nodeName: "a" });
  expect(await db.auditEvent.count({ where: { verb: "evict" } })).toBe(2);
});
