"use server";

import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createUser, updateUser } from "@/lib/server/dal/users";

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createUser({ ctx: await consoleCtx(), input: formDataToObject(formData) });
    return { message: `Added ${created.name} (${created.email}) as ${created.role}. Share the initial password with them privately.` };
  });
}

export async function updateUserRoleAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const updated = await updateUser({ ctx: await consoleCtx(), id, input: { role: formData.get("role") } });
    return { message: `${updated.name} is now ${updated.role === "admin" ? "an" : "a"} ${updated.role}.` };
  });
}

/** Disabling ends all the user's sessions at once; enabling lets them sign in again. */
export async function setUserDisabledAction(id: string, disabled: boolean): Promise<FormState> {
  return toFormState(async () => {
    const updated = await updateUser({ ctx: await consoleCtx(), id, input: { disabled } });
    return { message: disabled ? `Disabled ${updated.name}: their sessions have ended.` : `Enabled ${updated.name}.` };
  });
}

/** A new password (shared with them privately) ends all the user's sessions. */
export async function resetUserPasswordAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const updated = await updateUser({ ctx: await consoleCtx(), id, input: { password: formData.get("newPassword") } });
    return { message: `Set a new password for ${updated.name}; their sessions have ended.` };
  });
}
