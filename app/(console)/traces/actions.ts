"use server";

import { forQuery } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { listTraces } from "@/lib/server/dal/traces";

/** The trace list's polling query: the same contract as `GET /api/v1/traces`. */
export async function listTracesAction(query: Record<string, string | number | undefined>) {
  return forQuery(async () => listTraces({ ctx: await consoleCtx(), query }));
}
