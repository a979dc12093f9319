"use server";

import { DECISIONS_LIMIT } from "@/components/autoscaling/decision-window";
import { autoscalerInputFromForm } from "@/lib/forms/autoscaler-form";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createAutoscaler, deleteAutoscaler, getAutoscaler, listAutoscalers, listScaleDecisions, updateAutoscaler } from "@/lib/server/dal/autoscalers";

export async function listAutoscalersAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listAutoscalers({ ctx: await consoleCtx(), query }));
}

/** The autoscaler with its latest status, or null once it is gone. */
export async function getAutoscalerAction(id: string) {
  return forQuery(async () => {
    const ctx = await consoleCtx();
    return loadOrNotFound(() => getAutoscaler({ ctx, id }));
  });
}

/** Decisions at or after `from` (the newest held), newest first. */
export async function listScaleDecisionsAction(autoscalerId: string, from: string) {
  return forQuery(async () => listScaleDecisions({ ctx: await consoleCtx(), autoscalerId, limit: DECISIONS_LIMIT, from }));
}

export async function createAutoscalerAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createAutoscaler({ ctx: await consoleCtx(), input: autoscalerInputFromForm(formDataToObject(formData)) });
    return { message: `Created autoscaler ${created.name}. Its first decision comes within seconds if the worker runs.`, redirectTo: `/autoscaling/${created.id}` };
  });
}

export async function updateAutoscalerAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      // What the form does not show (metrics and rate policies set through the API) is kept from the stored policy.
      const current = await getAutoscaler({ ctx, id });
      const updated = await updateAutoscaler({ ctx, id, input: autoscalerInputFromForm(formDataToObject(formData), current.policy) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getAutoscaler({ ctx, id })).version,
  );
}

/** Pause or resume: a paused autoscaler makes no decisions and leaves the replica count alone. */
export async function setAutoscalerEnabledAction(id: string, version: number, enabled: boolean): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateAutoscaler({ ctx, id, input: { version, enabled } });
      return { message: enabled ? `Resumed ${updated.name}.` : `Paused ${updated.name}: replicas stay where they are until you resume it.` };
    },
    async () => (await getAutoscaler({ ctx, id })).version,
  );
}

export async function deleteAutoscalerAction(id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deleteAutoscaler({ ctx: await consoleCtx(), id, version });
    return { message: "Autoscaler deleted. The workload keeps its current replica count.", redirectTo: "/autoscaling" };
  });
}
