import "server-only";
import { SetNodeAgentInput } from "@/lib/schemas/node";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { mapPrismaError } from "../prisma-errors";
import { parseInput } from "../validation";
import { toNode, type ClusterNode } from "./nodes";
import { toPod, type Pod } from "./pods";
import { assertId } from "./versioned";

/**
 * Operator actions that simulate failures for the engine to recover from (issue 5's demo). Each only records the
 * request; the worker carries it out on its next pass (so the REST routes answer 202 Accepted).
 */

/**
 * Ask the runtime to kill a pod's process with SIGKILL, as a crash would. The kubelet loop kills it and reports the
 * pod failed; a pod owned by a workload is then replaced. Asking twice is harmless.
 */
export async function requestPodKill({ ctx, id }: { ctx: Ctx; id: string }): Promise<Pod> {
  authorize(ctx, "write", { verb: "kill", objectType: "pod", objectId: id });
  assertId(id, "Pod");
  try {
    return await db.$transaction(async (tx) => {
      const pod = await tx.pod.findUnique({ where: { id } });
      if (!pod) throw notFound("Pod");
      if (pod.killRequested) return toPod(pod);
      if (pod.pid === null || pod.phase !== "running") {
        throw new AppError("CONFLICT", `Pod ${pod.name} has no running process to kill (it is ${pod.phase}).`);
      }
      const updated = await tx.pod.update({ where: { id }, data: { killRequested: true, version: { increment: 1 } } });
      await writeAudit(tx, ctx, {
        verb: "kill",
        objectType: "pod",
        objectId: id,
        objectName: pod.name,
        before: { killRequested: false, pid: pod.pid },
        after: { killRequested: true, pid: pod.pid },
      });
      return toPod(updated);
    });
  } catch (error) {
    return mapPrismaError(error, "pod");
  }
}

/**
 * Stop (a simulated machine failure) or start a node's local agent. A stopped agent stops heartbeating and its
 * pods' processes die; the node lifecycle loop marks the node NotReady and, after the eviction timeout, evicts its
 * pods so their workloads re-create them elsewhere. Starting it again brings the node back to Ready.
 */
export async function setNodeAgent({ ctx, id, stopped }: { ctx: Ctx; id: string; stopped: unknown }): Promise<ClusterNode> {
  const verb = stopped === false ? "start-agent" : "stop-agent";
  authorize(ctx, "write", { verb, objectType: "node", objectId: id });
  assertId(id, "Node");
  const input = parseInput(SetNodeAgentInput, { stopped });
  try {
    return await db.$transaction(async (tx) => {
      const node = await tx.node.findUnique({ where: { id } });
      if (!node) throw notFound("Node");
      if (node.agentStopped === input.stopped) return toNode(node);
      const updated = await tx.node.update({ where: { id }, data: { agentStopped: input.stopped, version: { increment: 1 } } });
      await writeAudit(tx, ctx, {
        verb,
        objectType: "node",
        objectId: id,
        objectName: node.name,
        before: { agentStopped: node.agentStopped },
        after: { agentStopped: input.stopped },
      });
      return toNode(updated);
    });
  } catch (error) {
    return mapPrismaError(error, "node");
  }
}
