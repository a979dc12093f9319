"use server";

import { alertRuleInputFromForm } from "@/lib/forms/alert-rule-form";
import { formDataToObject } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { forQuery, toFormState } from "@/lib/server/actions/form-action";
import { consoleCtx } from "@/lib/server/auth/session";
import { remediateAlert } from "@/lib/server/dal/alert-remediation";
import { createAlertRule, deleteAlertRule, getAlertRule, listAlertRules, updateAlertRule } from "@/lib/server/dal/alert-rules";
import { countActiveAlerts, getAlert, listAlerts } from "@/lib/server/dal/alerts";
import { createSilence, expireSilence, listSilences } from "@/lib/server/dal/silences";

/** Alerts of any state, filtered as the URL says (the page asks for pending+firing, and for resolved history). */
export async function listAlertsAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listAlerts({ ctx: await consoleCtx(), query }));
}

/** The alert with its history, or null once it is gone (its rule was deleted). */
export async function getAlertAction(id: string) {
  return forQuery(async () => {
    const ctx = await consoleCtx();
    return loadOrNotFound(() => getAlert({ ctx, id }));
  });
}

export async function countActiveAlertsAction() {
  return forQuery(async () => countActiveAlerts({ ctx: await consoleCtx() }));
}

export async function remediateAlertAction(id: string): Promise<FormState> {
  return toFormState(async () => {
    const report = await remediateAlert({ ctx: await consoleCtx(), id });
    return { message: `Done: ${report.summary}. The audit trail names this alert as the cause.` };
  });
}

export async function listAlertRulesAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listAlertRules({ ctx: await consoleCtx(), query }));
}

export async function createAlertRuleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const created = await createAlertRule({ ctx: await consoleCtx(), input: alertRuleInputFromForm(formDataToObject(formData)) });
    return { message: `Created rule ${created.name}. The worker evaluates it within seconds.`, redirectTo: `/alerts/rules/${created.id}` };
  });
}

export async function updateAlertRuleAction(id: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const ctx = await consoleCtx();
  return toFormState(
    async () => {
      const updated = await updateAlertRule({ ctx, id, input: alertRuleInputFromForm(formDataToObject(formData)) });
      return { message: `Saved ${updated.name} (version ${updated.version}).` };
    },
    async () => (await getAlertRule({ ctx, id })).version,
  );
}

export async function deleteAlertRuleAction(id: string, version: number): Promise<FormState> {
  return toFormState(async () => {
    await deleteAlertRule({ ctx: await consoleCtx(), id, version });
    return { message: "Rule deleted, with its alerts and their history.", redirectTo: "/alerts/rules" };
  });
}

export async function listSilencesAction(query: Record<string, string | undefined>) {
  return forQuery(async () => listSilences({ ctx: await consoleCtx(), query }));
}

/** A silence from the form: matchers as `label=value` lines, and a duration in minutes from now. */
export async function createSilenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return toFormState(async () => {
    const fields = formDataToObject(formData) as { matchers?: Record<string, string>; comment?: string; durationMinutes?: number };
    const minutes = typeof fields.durationMinutes === "number" ? fields.durationMinutes : Number.NaN;
    const input = {
      matchers: Object.entries(fields.matchers ?? {}).map(([label, value]) => ({ label, value })),
      comment: fields.comment,
      endsAt: Number.isFinite(minutes) ? new Date(Date.now() + minutes * 60_000).toISOString() : "",
    };
    const silence = await createSilence({ ctx: await consoleCtx(), input });
    return { message: `Silenced until ${new Date(silence.endsAt).toLocaleString("en-GB", { timeZone: "UTC" })} UTC.`, redirectTo: "/alerts/silences" };
  });
}

export async function expireSilenceAction(id: string): Promise<FormState> {
  return toFormState(async () => {
    await expireSilence({ ctx: await consoleCtx(), id });
    return { message: "Silence expired: notifications resume at the next evaluation." };
  });
}
