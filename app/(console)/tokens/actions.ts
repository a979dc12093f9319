"use server";

import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { createApiToken, revokeApiToken } from "@/lib/server/dal/api-tokens";

/** The form state after creating a token: on success it carries the secret, shown this once. */
export type CreatedTokenState = FormState & { secret?: string; tokenName?: string };

export async function createApiTokenAction(_prev: CreatedTokenState, formData: FormData): Promise<CreatedTokenState> {
  let created: { secret: string; name: string } | undefined;
  const state = await toFormState(async () => {
    const { token, secret } = await createApiToken({ ctx: await consoleCtx(), input: formDataToObject(formData) });
    created = { secret, name: token.name };
    return { message: `Created token ${token.name}.` };
  });
  return state.status === "ok" && created ? { ...state, secret: created.secret, tokenName: created.name } : state;
}

export async function revokeApiTokenAction(id: string): Promise<FormState> {
  return toFormState(async () => {
    const token = await revokeApiToken({ ctx: await consoleCtx(), id });
    return { message: `Revoked ${token.name}: it no longer works.` };
  });
}
