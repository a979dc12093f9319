import "server-only";
import { randomBytes } from "node:crypto";
import type { PodPhase } from "@/lib/schemas/pod";
import { writeAudit } from "../../audit";
import { db } from "../../db";
import { deregisterPodBackends } from "../pod-backends";
import type { ContainerWorkload } from "./snapshot";
import type { EngineWriteCtx } from "./types";

/** A new pod for a container workload, named like a ReplicaSet's (`web-7f3k2`); returns its name. */
export async function createWorkloadPod({ ctx, fence }: EngineWriteCtx, workload: ContainerWorkload): Promise<string> {
  const name = `${workload.name}-${randomBytes(3).toString("hex").slice(0, 5)}`;
  await db.$transaction(async (tx) => {
    await fence(tx);
    const pod = await tx.pod.create({
      data: {
        name,
        ownerId: workload.id,
        labels: { app: workload.name, "stratus.io/workload": workload.name },
        requests: { cpuMillis: workload.spec.resources.cpuMillis, memoryMiB: workload.spec.resources.memoryMiB },
        containers: [{ name: workload.name, image: workload.spec.image, ports: workload.spec.ports.map((p) => ({ containerPort: p.containerPort })) }],
        volumes: workload.spec.volumes,
        affinity: {
          // Spread replicas across zones when it costs nothing (kube's default topology spreading, soft).
          topologySpread: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { "stratus.io/workload": workload.name } }],
        },
      },
    });
    await writeAudit(tx, ctx, { verb: "create", objectType: "pod", objectId: pod.id, objectName: name, after: { ownerId: workload.id, phase: "pending" } });
  });
  return name;
}

/** Delete a pod (scale-down, eviction, replacement of a failed one). */
export async function deleteEnginePod({ ctx, fence }: EngineWriteCtx, pod: { id: string; name: string }, verb: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await fence(tx);
    await deregisterPodBackends(tx, ctx, pod.id);
    const deleted = await tx.pod.deleteMany({ where: { id: pod.id } });
    if (deleted.count > 0) await writeAudit(tx, ctx, { verb, objectType: "pod", objectId: pod.id, objectName: pod.name });
  });
}

/** Bind a pending pod to the node the scheduler chose; a pod someone else changed meanwhile is left alone. */
export async function bindPod({ ctx, fence }: EngineWriteCtx, pod: { id: string; name: string; version: number }, nodeName: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await fence(tx);
    const bound = await tx.pod.updateMany({ where: { id: pod.id, version: pod.version, nodeName: null }, data: { nodeName, version: { increment: 1 } } });
    if (bound.count === 0) return false;
    await writeAudit(tx, ctx, { verb: "bind", objectType: "pod", objectId: pod.id, objectName: pod.name, before: { nodeName: null }, after: { nodeName } });
    return true;
  });
}

export interface ObservedPodStatus {
  phase: PodPhase;
  ready: boolean;
  message: string | null;
  hostPort: number | null;
  pid: number | null;
  startedAt: Date | null;
  usage: { cpuMillicores: number | null; memoryMiB: number | null; at: string } | null;
  killRequested?: false;
}

/**
 * Record what the runtime observes. Only a change of phase or readiness is audited; none of it bumps `version`,
 * which guards what people edit (labels, binding), so an operator's save is never refused for a status update.
 */
export async function recordPodStatus(
  { ctx, fence }: EngineWriteCtx,
  pod: { id: string; name: string; phase: PodPhase; ready: boolean },
  status: ObservedPodStatus,
): Promise<void> {
  const transition = pod.phase !== status.phase || pod.ready !== status.ready;
  await db.$transaction(async (tx) => {
    await fence(tx);
    const updated = await tx.pod.updateMany({
      where: { id: pod.id },
      data: { ...status, usage: status.usage ?? undefined },
    });
    if (updated.count > 0 && transition) {
      await writeAudit(tx, ctx, {
        verb: "observe",
        objectType: "pod",
        objectId: pod.id,
        objectName: pod.name,
        before: { phase: pod.phase, ready: pod.ready },
        after: { phase: status.phase, ready: status.ready, message: status.message },
      });
    }
  });
}
