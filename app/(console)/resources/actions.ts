"use server";

import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createResource, deleteResource, getResource, listResources, updateResource } from "@/lib/server/dal/resources";

export async function listResourcesAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listResources({ ctx: await consoleCtx(), query }));
}

export async function createResourceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createResource({ ctx: await consoleCtx(), input: formDataToObject(formData) });
    return { message: `Created ${created.name}.`, redirectTo: `/resources/${created.id}` };
  });
}

export async function updateResourceAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateResource({ ctx, id, input: formDataToObject(formData) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getResource({ ctx, id })).version,
  );
}

export async function deleteResourceAction(id: string, version: number) {
  return toFormState(async () => {
    await deleteResource({ ctx: await consoleCtx(), id, version });
    return { message: "Resource deleted.", redirectTo: "/resources" };
  });
}
