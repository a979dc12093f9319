"use server";

import { getPoolStats } from "@/lib/server/dal/pool-stats";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createBackend, deleteBackend, getBackend, listBackends, updateBackend } from "@/lib/server/dal/backends";
import { createPool, deletePool, getPool, updatePool } from "@/lib/server/dal/pools";
import { listPoolRows } from "./load";

export async function listPoolsAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listPoolRows(await consoleCtx(), query));
}

export async function createPoolAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createPool({ ctx: await consoleCtx(), input: formDataToObject(formData) });
    return { message: `Created pool ${created.name}.`, redirectTo: `/pools/${created.id}` };
  });
}

export async function updatePoolAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updatePool({ ctx, id, input: formDataToObject(formData) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getPool({ ctx, id })).version,
  );
}

export async function deletePoolAction(id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deletePool({ ctx: await consoleCtx(), id, version });
    return { message: "Pool and its backends deleted.", redirectTo: "/pools" };
  });
}

export async function getPoolStatsAction(poolId: string) {
  return forQuery(async () => getPoolStats({ ctx: await consoleCtx(), id: poolId }));
}

export async function listBackendsAction(poolId: string, query: Record<string, string | undefined>) {
  return forQuery(async () => listBackends({ ctx: await consoleCtx(), poolId, query }));
}

export async function createBackendAction(poolId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createBackend({ ctx: await consoleCtx(), poolId, input: formDataToObject(formData) });
    return { message: `Added backend ${created.address}:${created.port}.` };
  });
}

export async function updateBackendAction(poolId: string, id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateBackend({ ctx, poolId, id, input: formDataToObject(formData) });
      return { message: `Saved backend ${updated.address}:${updated.port}.` };
    },
    async () => (await getBackend({ ctx, poolId, id })).version,
  );
}

export async function deleteBackendAction(poolId: string, id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deleteBackend({ ctx: await consoleCtx(), poolId, id, version });
    return { message: "Backend removed." };
  });
}
