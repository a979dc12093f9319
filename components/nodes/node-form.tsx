"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { WriteFieldset } from "@/components/auth/write-fieldset";
import { FormFeedback } from "@/components/forms/form-feedback";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { InputField, TextareaField } from "@/components/ui/field";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import type { ClusterNode } from "@/lib/server/dal/nodes";
import { formatTaints } from "./taints";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** The error for a path, or for the first of its children (`labels.app`, `taints.0.key`). */
const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

const RESOURCES = [
  { key: "cpuMillis", label: "CPU (millicores)", placeholder: "4000" },
  { key: "memoryMiB", label: "Memory (MiB)", placeholder: "8192" },
  { key: "pods", label: "Pods", placeholder: "32" },
] as const;

/** Register a node, or edit one (hidden version; a conflict offers Reload / Overwrite). */
export function NodeForm({ action, node }: { action: Action; node?: ClusterNode }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(action);
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
<WriteFieldset>
      {node ? <input ref={versionInput} type="hidden" name="version:number" defaultValue={node.version} /> : null}
      <div className="grid grid-cols-2 gap-4">
        <InputField name="name" label="Name" defaultValue={node?.name} placeholder="node-a1" error={errors.name} autoComplete="off" hint={node ? "Pods bound to this node follow a rename." : undefined} />
      </div>
      <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">Capacity</legend>
        <div className="grid grid-cols-3 gap-4">
          {RESOURCES.map((r) => (
            <InputField
              key={r.key}
              name={`capacity.${r.key}:number`}
              label={r.label}
              type="number"
              min={1}
              inputMode="numeric"
              defaultValue={node?.capacity[r.key] ?? r.placeholder}
              error={errors[`capacity.${r.key}`] ?? (r.key === "cpuMillis" ? errors.capacity : undefined)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">Allocatable</legend>
        <p className="-mt-1 mb-3 text-xs text-zinc-500">What pods may request after system reservations. Leave a field blank to offer the full capacity.</p>
        <div className="grid grid-cols-3 gap-4">
          {RESOURCES.map((r) => (
            <InputField
              key={r.key}
              name={`allocatable.${r.key}:number`}
              label={r.label}
              type="number"
              min={1}
              inputMode="numeric"
              placeholder="= capacity"
              defaultValue={node?.allocatable[r.key]}
              error={errors[`allocatable.${r.key}`] ?? (r.key === "cpuMillis" ? errors.allocatable : undefined)}
            />
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-4">
        <TextareaField
          name="labels:lines"
          label="Labels"
          rows={4}
          defaultValue={toKeyValueLines(node?.labels ?? {})}
          placeholder={"topology.kubernetes.io/zone=zone-a"}
          hint="key=value per line"
          error={errorUnder(errors, "labels")}
        />
        <TextareaField
          name="taintsText"
          label="Taints"
          rows={4}
          defaultValue={formatTaints(node?.taints ?? [])}
          placeholder={"stratus.io/gpu=true:NoSchedule"}
          hint="key=value:Effect per line (NoSchedule, PreferNoSchedule, NoExecute)"
          error={errorUnder(errors, "taints")}
          spellCheck={false}
        />
      </div>
      <CheckboxField
        name="unschedulable:bool"
        label="Cordoned (unschedulable)"
        hint="The scheduler places no new pods here; pods already bound stay."
        defaultChecked={node?.unschedulable ?? false}
        error={errors.unschedulable}
      />
      <FormFeedback
        state={state}
        onOverwrite={overwrite}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : node ? "Save changes" : "Register node"}
      </Button>
    </WriteFieldset>
</form>
  );
}
