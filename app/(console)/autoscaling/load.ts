import "server-only";
import { DECISION_WINDOW_MS, DECISIONS_LIMIT } from "@/components/autoscaling/decision-window";
import type { Ctx } from "@/lib/server/auth/principal";
import { listScaleDecisions, type ScaleDecisionRecord } from "@/lib/server/dal/autoscalers";

/** The decisions of the last 15 minutes, newest first: the first render of the live chart and table. */
export async function recentDecisions(ctx: Ctx, autoscalerId: string): Promise<ScaleDecisionRecord[]> {
  const from = new Date(Date.now() - DECISION_WINDOW_MS);
  return (await listScaleDecisions({ ctx, autoscalerId, limit: DECISIONS_LIMIT, from })).items;
}
