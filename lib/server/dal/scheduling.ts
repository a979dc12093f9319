import "server-only";
import { seededRng } from "@/lib/domain/random";
import { planDrain, schedule, type FilterRefusal } from "@/lib/domain/scheduling";
import { authorize, type Ctx } from "../auth/principal";
import { writeAudit } from "../audit";
import { db } from "../db";
import { notFound } from "../errors";
import { schedulingCluster, toSchedPod } from "./engine/scheduling-view";
import { loadEngineSnapshot } from "./engine/snapshot";
import { assertId } from "./versioned";

export type PlacementExplanation =
  | { fits: true; nodeName: string; summary: string }
  | { fits: false; summary: string; table: FilterRefusal[] };

/**
 * "Why is this pod pending": run the scheduler's filters over every node (no sampling) and return, for each node,
 * the first filter that refused it — kube-scheduler's FitError, as a table.
 */
export async function explainPodPlacement({ ctx, id }: { ctx: Ctx; id: string }): Promise<PlacementExplanation> {
  authorize(ctx, "read", { verb: "read", objectType: "pod", objectId: id });
  const snapshot = await loadEngineSnapshot();
  const pod = snapshot.pods.find((p) => p.id === assertId(id, "Pod"));
  if (!pod) throw notFound("Pod");
  const result = schedule({ ...toSchedPod(pod), nodeName: null }, schedulingCluster(snapshot), { kind: "default", percentageOfNodesToScore: 100 }, seededRng(1));
  if (!result.unschedulable) return { fits: true, nodeName: result.nodeName, summary: `Fits: the scheduler would place it on ${result.nodeName}.` };
  return { fits: false, summary: result.summary, table: result.table };
}

export interface DrainReport {
  node: string;
  moved: Array<{ pod: string; to: string }>;
  unplaced: Array<{ pod: string; summary: string }>;
}

/**
 * `kubectl drain`: cordon the node, then evict every pod that another node can take (checked with the scheduler's
 * drain plan first). Owned pods are deleted and re-created by their workload; standalone pods go back to pending.
 * Pods no other node can take stay where they are and are reported, rather than evicted into nowhere.
 */
export async function drainNode({ ctx, id }: { ctx: Ctx; id: string }): Promise<DrainReport> {
  authorize(ctx, "write", { verb: "drain", objectType: "node", objectId: id });
  const node = await db.node.findUnique({ where: { id: assertId(id, "Node") } });
  if (!node) throw notFound("Node");
  const snapshot = await loadEngineSnapshot();
  const plan = planDrain(node.name, schedulingCluster(snapshot), { kind: "default", percentageOfNodesToScore: 100 }, seededRng(Date.now()));
  const byName = new Map(snapshot.pods.map((p) => [p.name, p]));
  const report: DrainReport = {
    node: node.name,
    moved: plan.moves.map((m) => ({ pod: m.pod, to: m.to })),
    unplaced: plan.unplaced.map((u) => ({ pod: u.pod, summary: u.summary })),
  };
  await db.$transaction(async (tx) => {
    await tx.node.update({ where: { id: node.id }, data: { unschedulable: true, version: { increment: 1 } } });
    for (const move of plan.moves) {
      const pod = byName.get(move.pod);
      if (!pod) continue;
      if (pod.ownerId) await tx.pod.deleteMany({ where: { id: pod.id } });
      else await tx.pod.updateMany({ where: { id: pod.id }, data: { nodeName: null, phase: "pending", ready: false, version: { increment: 1 } } });
      await writeAudit(tx, ctx, { verb: "evict", objectType: "pod", objectId: pod.id, objectName: pod.name, before: { nodeName: node.name }, after: { plannedNode: move.to } });
    }
    await writeAudit(tx, ctx, {
      verb: "drain",
      objectType: "node",
      objectId: node.id,
      objectName: node.name,
      before: { unschedulable: node.unschedulable },
      after: { unschedulable: true, evicted: report.moved.length, unplaced: report.unplaced.map((u) => u.pod) },
    });
  });
  return report;
}
