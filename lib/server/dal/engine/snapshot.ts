import "server-only";
import type { ContainerSpec } from "@/lib/schemas/resource";
import type { z } from "zod";
import { db } from "../../db";
import { isReady, toNode, type ClusterNode, type NodeCondition } from "../nodes";
import { toPod, type Pod } from "../pods";
import { toPool, type Pool } from "../pools";
import { toBackend, type Backend } from "../backends";

export interface EnginePod extends Pod {
  hostPort: number | null;
  pid: number | null;
  message: string | null;
  killRequested: boolean;
  startedAt: string | null;
}

export interface EngineNode extends ClusterNode {
  agentStopped: boolean;
}

export interface ContainerWorkload {
  id: string;
  name: string;
  version: number;
  spec: z.output<typeof ContainerSpec>;
}

export interface PoolWithBackends extends Pool {
  backends: Backend[];
}

export interface EngineSnapshot {
  nodes: EngineNode[];
  pods: EnginePod[];
  workloads: ContainerWorkload[];
  pools: PoolWithBackends[];
}

/** Everything the engine loops read, in one round of queries: level-triggered loops compare it with what runs. */
export async function loadEngineSnapshot(): Promise<EngineSnapshot> {
  const [nodes, pods, workloads, pools] = await Promise.all([
    db.node.findMany({ orderBy: { name: "asc" } }),
    db.pod.findMany({ orderBy: { createdAt: "asc" } }),
    db.resource.findMany({ where: { kind: "container" }, orderBy: { name: "asc" } }),
    db.pool.findMany({ include: { backends: { orderBy: { createdAt: "asc" } } }, orderBy: { name: "asc" } }),
  ]);
  return {
    nodes: nodes.map((n) => ({ ...toNode(n), agentStopped: n.agentStopped, ready: isReady(n.conditions as unknown as NodeCondition[]) })),
    pods: pods.map((p) => ({
      ...toPod(p),
      hostPort: p.hostPort,
      pid: p.pid,
      message: p.message,
      killRequested: p.killRequested,
      startedAt: p.startedAt?.toISOString() ?? null,
    })),
    workloads: workloads.map((r) => ({ id: r.id, name: r.name, version: r.version, spec: r.spec as z.output<typeof ContainerSpec> })),
    pools: pools.map((p) => ({ ...toPool(p), backends: p.backends.map(toBackend) })),
  };
}
