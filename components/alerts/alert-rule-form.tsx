"use client";

import { useState } from "react";
import { useCan } from "@/components/auth/principal-context";
import { FormFooter } from "@/components/forms/form-footer";
import { useFormAction } from "@/components/forms/use-form-action";
import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ChoiceField, type Choice } from "@/components/ui/choice-field";
import { InputField, TextareaField } from "@/components/ui/field";
import { ALERT_AGGREGATIONS, COMPARISON_SYMBOL, COMPARISONS, SEVERITIES } from "@/lib/domain/alerting";
import { remediationErrorField, remediationFormValues, type RemediationFormFields } from "@/lib/forms/alert-rule-form";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import type { AlertRule } from "@/lib/server/dal/alert-rules";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const aggregationNames: Record<(typeof ALERT_AGGREGATIONS)[number], string> = {
  avg: "avg — mean",
  min: "min",
  max: "max",
  sum: "sum",
  last: "last value",
  rate: "rate — per second",
  p50: "p50 (histograms)",
  p95: "p95 (histograms)",
  p99: "p99 (histograms)",
};
const actionChoices: Choice[] = [
  { value: "", label: "None" },
  { value: "scale", label: "Scale a workload" },
  { value: "drain", label: "Drain a node" },
  { value: "eject", label: "Eject a backend (take it out of rotation)" },
];
const errorUnder = (errors: Record<string, string>, path: string) => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

/** Create or edit an alert rule: the expression, when it fires, how it is labelled and grouped, who hears, the fix. */
export function AlertRuleForm({ action, rule, metrics, workloads }: { action: Action; rule?: AlertRule; metrics: string[]; workloads: Choice[] }) {
  const { state, onSubmit, pending } = useFormAction(action);
  const { allowed } = useCan("write");
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const fix = remediationFormValues(rule?.remediation);
  const [remedy, setRemedy] = useState(fix.action);
  const [target, setTarget] = useState(fix.target);
  const fixErrors: Partial<Record<keyof RemediationFormFields, string>> = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = remediationErrorField(path);
    if (field) fixErrors[field] ??= message;
  }
  const fixInput = (field: keyof typeof fix, label: string, hint?: string) => (
    <InputField name={`remediation.${field}`} label={label} defaultValue={String(fix[field])} hint={hint} error={fixErrors[field as keyof RemediationFormFields]} autoComplete="off" />
  );

  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
      <fieldset disabled={!allowed} className="min-w-0 space-y-5">
        {rule ? <input ref={versionInput} type="hidden" name="version:number" defaultValue={rule.version} /> : null}
        <div className="grid grid-cols-2 gap-4">
          {rule ? (
            <InputField name="name-display" label="Name" value={rule.name} disabled readOnly />
          ) : (
            <InputField name="name" label="Name" placeholder="web-latency-high" error={errors.name} autoComplete="off" />
          )}
          <ChoiceField name="severity" label="Severity" choices={SEVERITIES.map((s) => ({ value: s, label: s }))} defaultValue={rule?.severity ?? "warning"} error={errors.severity} />
        </div>
        <InputField name="description:nullable" label="Description" defaultValue={rule?.description ?? ""} placeholder="What it means and what to do" error={errors.description} />

        <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Expression: aggregation(metric{"{"}matchers{"}"}[window]) compared with a threshold</legend>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <div className="col-span-2">
              <InputField name="metric" label="Metric" list="alert-metric-names" defaultValue={rule?.metric} placeholder="stratus_pool_request_duration_ms" error={errors.metric} autoComplete="off" />
              <datalist id="alert-metric-names">
                {metrics.map((m) => (
                  <option key={m} value={m} />
                ))}
              </datalist>
            </div>
            <ChoiceField name="aggregation" label="Aggregation" choices={ALERT_AGGREGATIONS.map((a) => ({ value: a, label: aggregationNames[a] }))} defaultValue={rule?.aggregation ?? "avg"} error={errors.aggregation} />
            <InputField name="windowSeconds:number" label="Window (s)" type="number" defaultValue={rule?.windowSeconds ?? 60} error={errors.windowSeconds} />
            <ChoiceField name="operator" label="Fires when" choices={COMPARISONS.map((c) => ({ value: c, label: `value ${COMPARISON_SYMBOL[c]} threshold` }))} defaultValue={rule?.operator ?? "gt"} error={errors.operator} />
            <InputField name="threshold:number" label="Threshold" type="number" inputMode="decimal" step="any" defaultValue={rule?.threshold} error={errors.threshold} />
            <InputField name="forSeconds:number" label="For (s)" type="number" defaultValue={rule?.forSeconds ?? 0} hint="Pending this long before firing; 0 fires at once" error={errors.forSeconds} />
          </div>
          <div className="mt-4 grid grid-cols-2 gap-4">
            <TextareaField name="matchers:lines" label="Matchers" rows={2} defaultValue={toKeyValueLines(rule?.matchers ?? {})} placeholder="pool=web" hint="key=value per line: only series with these labels" error={errorUnder(errors, "matchers")} />
            <InputField name="groupBy:list" label="One alert per" defaultValue={rule?.groupBy.join(", ")} placeholder="pool" hint="Series labels, comma-separated; blank: one alert for the rule" error={errorUnder(errors, "groupBy")} />
          </div>
        </fieldset>

        <div className="grid grid-cols-2 gap-4">
          <TextareaField name="labels:lines" label="Labels" rows={2} defaultValue={toKeyValueLines(rule?.labels ?? {})} placeholder="team=web" hint="Added to every alert of the rule" error={errorUnder(errors, "labels")} />
          <InputField name="webhookUrl:nullable" label="Webhook URL" type="url" defaultValue={rule?.webhookUrl ?? ""} placeholder="https://hooks.example.com/alerts" hint="Alertmanager-style JSON on firing and resolving" error={errors.webhookUrl} />
        </div>

        <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">One-click remediation</legend>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
            <ChoiceField name="remediation.action" label="Action" choices={actionChoices} value={remedy} onChange={(e) => setRemedy(e.target.value)} error={fixErrors.action} />
            {remedy === "scale" ? (
              <>
                <ChoiceField
                  name="remediation.resourceId"
                  label="Workload"
                  choices={[{ value: "", label: workloads.length ? "Choose a container resource" : "No container resources yet" }, ...workloads]}
                  defaultValue={fix.resourceId}
                  error={fixErrors.resourceId}
                />
                <div className="grid grid-cols-2 gap-2">
                  <ChoiceField name="remediation.mode" label="Replicas" choices={[{ value: "by", label: "add" }, { value: "to", label: "set to" }]} defaultValue={fix.mode} />
                  <InputField name="remediation.amount:number" label="Count" type="number" defaultValue={fix.amount} error={fixErrors.amount} />
                </div>
              </>
            ) : null}
            {remedy === "drain" || remedy === "eject" ? (
              <ChoiceField
                name="remediation.target"
                label="Target"
                choices={[
                  { value: "fixed", label: remedy === "drain" ? "This node" : "This backend (id)" },
                  { value: "label", label: "Named by the alert's labels" },
                ]}
                value={target}
                onChange={(e) => setTarget(e.target.value)}
              />
            ) : null}
            {remedy === "drain" ? (target === "label" ? fixInput("nodeFromLabel", "Node label", "e.g. node") : fixInput("nodeName", "Node name")) : null}
            {remedy === "eject" && target === "fixed" ? fixInput("backendId", "Backend id") : null}
          </div>
          {remedy === "eject" && target === "label" ? (
            <div className="mt-4 grid grid-cols-2 gap-4">
              {fixInput("backendFromLabel", "Backend label", "Its value is address:port, as stratus_backend_healthy's backend label")}
              {fixInput("poolFromLabel", "Pool label", "Names the pool, e.g. pool")}
            </div>
          ) : null}
          <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">Offered on firing alerts to operators; it goes through the same checks as a manual change and is audited with the alert as its cause.</p>
        </fieldset>

        <CheckboxField name="enabled:bool" label="Enabled" hint="A paused rule is not evaluated." defaultChecked={rule?.enabled ?? true} error={errors.enabled} />
      </fieldset>
      <FormFooter state={state} onOverwrite={overwrite} pending={pending} label={rule ? "Save changes" : "Create rule"} />
    </form>
  );
}
