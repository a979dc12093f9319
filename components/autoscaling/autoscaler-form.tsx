"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { Info } from "lucide-react";
import { useState } from "react";
import { useCan } from "@/components/auth/principal-context";
import { FormFooter } from "@/components/forms/form-footer";
import { useFormAction } from "@/components/forms/use-form-action";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ChoiceField, type Choice } from "@/components/ui/choice-field";
import { InputField } from "@/components/ui/field";
import { DEFAULT_METRIC_WINDOW_MS, DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS, DEFAULT_TOLERANCE, type AutoscalingPolicy } from "@/lib/domain/autoscaling";
import { cpuMetricIndex, hiddenPolicySettings, policyErrorPaths, policyFormValues } from "@/lib/forms/autoscaler-form";
import type { FormState } from "@/lib/forms/form-state";
import type { Autoscaler } from "@/lib/server/dal/autoscalers";
import { modeNames } from "./policy-summary";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Mode = AutoscalingPolicy["mode"];

const modeHelp: Record<Mode, string> = {
  threshold: "Adds or removes a fixed step when average CPU crosses a threshold, then waits out a cooldown (the seed's autoscaler).",
  target: "Kubernetes' HorizontalPodAutoscaler: sizes the workload so average CPU sits at the target, with stabilization windows.",
};

/** Create or edit an autoscaler; the fields of the chosen mode only, each server error inline under its field. */
export function AutoscalerForm({ action, autoscaler, targets, targetName }: { action: Action; autoscaler?: Autoscaler; targets?: Choice[]; targetName?: string }) {
  const { state, onSubmit, pending } = useFormAction(action);
  const { allowed } = useCan("write");
  const values = policyFormValues(autoscaler?.policy);
  const [mode, setMode] = useState<Mode>(values.mode);
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const paths: Record<keyof typeof policyErrorPaths, string> = {
    ...policyErrorPaths,
    cpuTarget: `policy.metrics.${cpuMetricIndex(autoscaler?.policy)}.targetAverageUtilization`,
  };
  const error = (field: keyof typeof policyErrorPaths) => errors[paths[field]] ?? (field === "cpuTarget" ? errors["policy.metrics"] : undefined);
  const shown = new Set<string>(["name", "targetId", "enabled", "policy.mode", "policy.metrics", ...Object.values(paths)]);
  const unshown = Object.entries(errors).filter(([path]) => !shown.has(path));
  const hidden = mode === "target" ? hiddenPolicySettings(autoscaler?.policy) : [];
  const num = (field: keyof typeof policyErrorPaths, label: string, value: number | undefined, extra: { hint?: string; placeholder?: string; step?: string } = {}) => (
    <InputField name={`policy.${field}:number`} label={label} type="number" inputMode="decimal" defaultValue={value} error={error(field)} {...extra} />
  );

  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
      <fieldset disabled={!allowed} className="min-w-0 space-y-5">
        {autoscaler ? <input ref={versionInput} type="hidden" name="version:number" defaultValue={autoscaler.version} /> : null}
        <div className="grid grid-cols-2 gap-4">
          {autoscaler ? (
            <>
              <InputField name="name-display" label="Name" value={autoscaler.name} disabled readOnly />
              <InputField name="target-display" label="Scales" value={targetName ?? autoscaler.targetId} disabled readOnly />
            </>
          ) : (
            <>
              <InputField name="name" label="Name" placeholder="web-cpu" error={errors.name} autoComplete="off" />
              <ChoiceField
                name="targetId"
                label="Scales"
                choices={[{ value: "", label: targets?.length ? "Choose a container resource" : "No container resources yet" }, ...(targets ?? [])]}
                defaultValue=""
                hint="The container resource whose replica count it sets"
                error={errors.targetId}
              />
            </>
          )}
        </div>
        <CheckboxField
          name="enabled:bool"
          label="Enabled"
          hint="A paused autoscaler makes no decisions and leaves the replica count where it is."
          defaultChecked={autoscaler?.enabled ?? true}
          error={errors.enabled}
        />
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Mode</legend>
          <div className="grid gap-3 md:grid-cols-2">
            {(["threshold", "target"] as const).map((m) => (
              <label
                key={m}
                className={`flex cursor-pointer gap-2.5 rounded-lg border p-3 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-500 ${
                  mode === m ? "border-sky-500 bg-sky-50/60 dark:border-sky-600 dark:bg-sky-950/30" : "border-zinc-200 dark:border-zinc-800"
                }`}
              >
                <input type="radio" name="policy.mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="mt-0.5 accent-sky-600" />
                <span>
                  <span className="font-medium">{modeNames[m]}</span>
                  <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">{modeHelp[m]}</span>
                </span>
              </label>
            ))}
          </div>
          <p aria-live="polite" className="text-xs text-red-600 dark:text-red-400">{errors["policy.mode"]}</p>
        </fieldset>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {num("minReplicas", "Min replicas", values.minReplicas, { hint: mode === "target" ? "At least 1" : "0 allowed" })}
          {num("maxReplicas", "Max replicas", values.maxReplicas, { hint: "At most 1000" })}
        </div>
        {/* Both modes stay mounted so switching back keeps what was typed; the hidden one is disabled, so it is not sent. */}
        <fieldset hidden={mode !== "threshold"} disabled={mode !== "threshold"} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Thresholds (average CPU, % of request)</legend>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
            {num("scaleUpThreshold", "Scale up above (%)", values.scaleUpThreshold)}
            {num("scaleDownThreshold", "Scale down below (%)", values.scaleDownThreshold)}
            {num("targetCpu", "Target line (%)", values.targetCpu, { placeholder: "none", hint: "Optional, drawn on the chart" })}
            {num("step", "Step (replicas)", values.step)}
            {num("cooldownSeconds", "Cooldown (s)", values.cooldownSeconds, { hint: "Wait after a scale" })}
            {num("windowSeconds", "CPU window (s)", values.windowSeconds, { hint: "Readings averaged" })}
          </div>
        </fieldset>
        <fieldset hidden={mode !== "target"} disabled={mode !== "target"} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">Target (Kubernetes HPA)</legend>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-3">
            {num("cpuTarget", "Target CPU (%)", values.cpuTarget, { hint: "Average utilization to hold" })}
            {num("tolerancePercent", "Tolerance (%)", values.tolerancePercent, { placeholder: String(DEFAULT_TOLERANCE * 100), hint: "No change within ± this" })}
            {num("metricWindowSeconds", "CPU window (s)", values.metricWindowSeconds, { placeholder: String(DEFAULT_METRIC_WINDOW_MS / 1000) })}
            {num("scaleUpStabilizationSeconds", "Scale-up stabilization (s)", values.scaleUpStabilizationSeconds, { placeholder: "0" })}
            {num("scaleDownStabilizationSeconds", "Scale-down stabilization (s)", values.scaleDownStabilizationSeconds, {
              placeholder: String(DEFAULT_SCALE_DOWN_STABILIZATION_SECONDS),
            })}
          </div>
          <p className="mt-3 text-xs text-zinc-500 dark:text-zinc-400">Blank fields take the HPA defaults shown; rate limits are HPA&apos;s defaults (up: 4 pods or 100% per 15 s; down: 100% per 15 s).</p>
          {hidden.length > 0 ? (
            <p role="note" className="mt-3 flex gap-2 rounded-md bg-sky-50 px-3 py-2 text-xs text-sky-900 dark:bg-sky-950/40 dark:text-sky-200">
              <Info className="mt-px size-3.5 shrink-0" aria-hidden />
              Also set through the API, and kept when you save: {hidden.join(", ")}.
            </p>
          ) : null}
        </fieldset>
      </fieldset>
      {unshown.length > 0 ? (
        <ul role="alert" className="list-disc rounded-md border border-red-200 bg-red-50 py-2 pr-3 pl-7 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {unshown.map(([path, message]) => (
            <li key={path}>
              <code className="font-mono text-xs">{path}</code>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      <FormFooter state={state} onOverwrite={overwrite} pending={pending} label={autoscaler ? "Save changes" : "Create autoscaler"} />
    </form>
  );
}
