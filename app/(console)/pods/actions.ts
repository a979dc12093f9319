"use server";

import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createPod, deletePod, getPod, listPods, updatePod } from "@/lib/server/dal/pods";

export async function listPodsAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listPods({ ctx: await consoleCtx(), query }));
}

export async function createPodAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createPod({ ctx: await consoleCtx(), input: formDataToObject(formData) });
    return {
      message: created.nodeName ? `Created ${created.name} on ${created.nodeName}.` : `Created ${created.name}; it waits for the scheduler.`,
      redirectTo: `/pods/${created.id}`,
    };
  });
}

export async function updatePodAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updatePod({ ctx, id, input: formDataToObject(formData) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getPod({ ctx, id })).version,
  );
}

export async function deletePodAction(id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deletePod({ ctx: await consoleCtx(), id, version });
    return { message: "Pod deleted.", redirectTo: "/pods" };
  });
}
