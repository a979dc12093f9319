"use server";

import { forQuery } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { queryMetrics } from "@/lib/server/dal/metrics-query";

/** The explorer's polling query: the same contract as `GET /api/v1/metrics/query`. */
export async function queryMetricsAction(query: Record<string, string | number | undefined>) {
  return forQuery(async () => queryMetrics({ ctx: await consoleCtx(), query }));
}
