import "server-only";
import type { AutoscalingPolicy, ScaleDecision, ScaleHistory } from "@/lib/domain/autoscaling";
import { writeAudit } from "../../audit";
import { db } from "../../db";
import type { EngineWriteCtx } from "./types";

const DECISION_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface EngineAutoscaler {
  id: string;
  name: string;
  targetId: string;
  policy: AutoscalingPolicy;
  history: ScaleHistory;
  lastDecisionAt: number | null;
}

export async function loadEnabledAutoscalers(): Promise<EngineAutoscaler[]> {
  const rows = await db.autoscaler.findMany({ where: { enabled: true }, orderBy: { name: "asc" } });
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    targetId: a.targetId,
    policy: a.policy as unknown as AutoscalingPolicy,
    history: { recommendations: [], events: [], ...(a.history as Partial<ScaleHistory>) },
    lastDecisionAt: typeof (a.status as { lastDecisionAt?: string }).lastDecisionAt === "string" ? Date.parse((a.status as { lastDecisionAt: string }).lastDecisionAt) : null,
  }));
}

/**
 * Apply one decision: scale the workload (an audited change of spec.replicas, like a person's, with the autoscaler
 * as its cause), keep the history the policy needs, and record the decision with its explanation (every
 * evaluation, so the console can chart the metric against the target and replay any of them).
 */
export async function applyScaleDecision(
  { ctx, fence }: EngineWriteCtx,
  autoscaler: EngineAutoscaler,
  decision: ScaleDecision,
  history: ScaleHistory,
  now: Date,
): Promise<void> {
  const { desiredReplicas, action, reason } = decision.result;
  const currentReplicas = decision.inputs.currentReplicas;
  await db.$transaction(async (tx) => {
    await fence(tx);
    if (action !== "none") {
      const target = await tx.resource.findUnique({ where: { id: autoscaler.targetId } });
      if (!target) return;
      const spec = target.spec as Record<string, unknown>;
      await tx.resource.update({ where: { id: target.id }, data: { spec: { ...spec, replicas: desiredReplicas }, version: { increment: 1 } } });
      await writeAudit(
        tx,
        { ...ctx, cause: `autoscaler ${autoscaler.name}: ${reason}` },
        { verb: "scale", objectType: "resource", objectId: target.id, objectName: target.name, before: { replicas: currentReplicas }, after: { replicas: desiredReplicas } },
      );
    }
    await tx.scaleDecision.create({
      data: { autoscalerId: autoscaler.id, at: now, currentReplicas, desiredReplicas, action, reason, explanation: JSON.parse(JSON.stringify(decision)) },
    });
    // Keep a day of decisions: enough to replay any recent one, bounded for an autoscaler that runs for months.
    await tx.scaleDecision.deleteMany({ where: { autoscalerId: autoscaler.id, at: { lt: new Date(now.getTime() - DECISION_RETENTION_MS) } } });
    await tx.autoscaler.update({
      where: { id: autoscaler.id },
      data: {
        history: JSON.parse(JSON.stringify(history)),
        status: JSON.parse(
          JSON.stringify({ currentReplicas, desiredReplicas, action, reason, explanation: decision.explanation, metrics: decision.metrics, lastDecisionAt: now.toISOString() }),
        ),
      },
    });
  });
}
