import "server-only";
import { authorize, type Ctx } from "../auth/principal";
import { db } from "../db";
import { getResourceQuota } from "./quota";
import { isReady, type NodeCondition } from "./nodes";

export interface NodeAllocation {
  name: string;
  allocatableCpuMillis: number;
  requestedCpuMillis: number;
  allocatableMemoryMiB: number;
  requestedMemoryMiB: number;
  pods: number;
  ready: boolean;
  unschedulable: boolean;
}

export interface Overview {
  resourcesByKind: Record<string, number>;
  quota: { used: number; maxInstances: number };
  nodes: { total: number; ready: number; cordoned: number };
  podsByPhase: Record<string, number>;
  pools: number;
  backendsByHealth: Record<string, number>;
  allocation: NodeAllocation[];
  recentEvents: Array<{ id: string; at: string; actor: string; verb: string; objectType: string; objectName: string | null }>;
}

const countBy = <K extends string>(rows: Array<{ _count: { _all: number } } & Record<K, string>>, key: K) =>
  Object.fromEntries(rows.map((r) => [r[key], r._count._all]));

/** Everything the Overview shows, in one round of grouped queries (no per-node queries). */
export async function getOverview({ ctx }: { ctx: Ctx }): Promise<Overview> {
  authorize(ctx, "read", { verb: "read", objectType: "overview" });
  const [kinds, phases, health, nodes, requested, pools, quota, events] = await Promise.all([
    db.resource.groupBy({ by: ["kind"], _count: { _all: true } }),
    db.pod.groupBy({ by: ["phase"], _count: { _all: true } }),
    db.backend.groupBy({ by: ["health"], _count: { _all: true } }),
    db.node.findMany({ orderBy: { name: "asc" }, select: { name: true, allocatable: true, conditions: true, unschedulable: true } }),
    db.$queryRaw<Array<{ nodeName: string; cpu: number; memory: number; pods: number }>>`
      SELECT "nodeName", COALESCE(SUM(("requests"->>'cpuMillis')::int), 0)::int AS cpu,
             COALESCE(SUM(("requests"->>'memoryMiB')::int), 0)::int AS memory, COUNT(*)::int AS pods
      FROM "Pod" WHERE "nodeName" IS NOT NULL AND phase IN ('pending', 'running', 'unknown') GROUP BY "nodeName"`,
    db.pool.count(),
    getResourceQuota(db),
    // Changes only: refusals and reads belong on the Audit page.
    db.auditEvent.findMany({ where: { outcome: "success" }, orderBy: { id: "desc" }, take: 8 }),
  ]);
  const byNode = new Map(requested.map((r) => [r.nodeName, r]));
  const allocation = nodes.map((n): NodeAllocation => {
    const alloc = n.allocatable as { cpuMillis: number; memoryMiB: number };
    const used = byNode.get(n.name);
    return {
      name: n.name,
      allocatableCpuMillis: alloc.cpuMillis,
      requestedCpuMillis: used?.cpu ?? 0,
      allocatableMemoryMiB: alloc.memoryMiB,
      requestedMemoryMiB: used?.memory ?? 0,
      pods: used?.pods ?? 0,
      ready: isReady(n.conditions as unknown as NodeCondition[]),
      unschedulable: n.unschedulable,
    };
  });
  return {
    resourcesByKind: countBy(kinds, "kind"),
    quota,
    nodes: { total: nodes.length, ready: allocation.filter((n) => n.ready).length, cordoned: allocation.filter((n) => n.unschedulable).length },
    podsByPhase: countBy(phases, "phase"),
    pools,
    backendsByHealth: countBy(health, "health"),
    allocation,
    recentEvents: events.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      actor: e.actorName ?? e.actorId,
      verb: e.verb,
      objectType: e.objectType,
      objectName: e.objectName,
    })),
  };
}
