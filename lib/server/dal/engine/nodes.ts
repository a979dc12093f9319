import "server-only";
import { writeAudit } from "../../audit";
import { db } from "../../db";
import type { NodeCondition } from "../nodes";
import type { EngineWriteCtx } from "./types";

/** The local node agents' heartbeat: one statement for every node that is up. */
export async function heartbeatNodes({ fence }: EngineWriteCtx, names: string[], at: Date): Promise<void> {
  if (names.length === 0) return;
  await db.$transaction(async (tx) => {
    await fence(tx);
    await tx.node.updateMany({ where: { name: { in: names } }, data: { heartbeatAt: at } });
  });
}

/** Set a node's Ready condition (kube's node lifecycle controller), audited as a transition. */
export async function setNodeReady(
  { ctx, fence }: EngineWriteCtx,
  node: { id: string; name: string; conditions: NodeCondition[] },
  ready: boolean,
  reason: string,
  message: string,
  at: Date,
): Promise<void> {
  const others = node.conditions.filter((c) => c.type !== "Ready");
  const condition: NodeCondition = { type: "Ready", status: ready ? "True" : "False", reason, message, lastTransitionTime: at.toISOString() };
  await db.$transaction(async (tx) => {
    await fence(tx);
    // Observed state: no `version` bump, so an operator's edit of the node is not refused for it.
    await tx.node.update({ where: { id: node.id }, data: { conditions: [...others, condition] as object[] } });
    await writeAudit(tx, ctx, { verb: ready ? "mark-ready" : "mark-not-ready", objectType: "node", objectId: node.id, objectName: node.name, after: { reason, message } });
  });
}
