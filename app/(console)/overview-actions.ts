"use server";

import { forQuery } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { getEngineStatus } from "@/lib/server/dal/engine/status";
import { getOverview } from "@/lib/server/dal/overview";

export async function getOverviewAction() {
  return forQuery(async () => getOverview({ ctx: await consoleCtx() }));
}

export async function getEngineStatusAction() {
  return forQuery(async () => getEngineStatus({ ctx: await consoleCtx() }));
}
