"use server";

import { explainPodPlacement } from "@/lib/server/dal/scheduling";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { requestPodKill } from "@/lib/server/dal/operations";
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

/** The pod as now observed, or null once it is gone (a killed pod of a workload is replaced by a new one). */
export async function getPodAction(id: string) {
  return forQuery(async () => {
    const ctx = await consoleCtx();
    return loadOrNotFound(() => getPod({ ctx, id }));
  });
}

/** Kill the pod's process, as a crash would: the worker does it on its next pass. */
export async function killPodAction(id: string): Promise<FormState> {
  return toFormState(async () => {
    const pod = await requestPodKill({ ctx: await consoleCtx(), id });
    return {
      message: pod.ownerId
        ? `Killing ${pod.name}'s process. Its workload will replace the failed pod within seconds.`
        : `Killing ${pod.name}'s process. It has no owner, so it stays failed.`,
    };
  });
}

export async function explainPlacementAction(id: string) {
  return forQuery(async () => explainPodPlacement({ ctx: await consoleCtx(), id }));
}
