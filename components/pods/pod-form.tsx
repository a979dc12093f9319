"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { WriteFieldset } from "@/components/auth/write-fieldset";
import { FormFeedback } from "@/components/forms/form-feedback";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ChoiceField, type Choice } from "@/components/ui/choice-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { PodPhases } from "@/lib/schemas/pod";
import type { Pod } from "@/lib/server/dal/pods";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/** The error for a path, or for the first of its children (`labels.app`, `containers.0.name`). */
const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

const fieldsetClass = "space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";

/** Create a pod: one container, its requests, where it may run and who owns it. */
export function PodCreateForm({ action, owners, nodes }: { action: Action; owners: Choice[]; nodes: Choice[] }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(action);
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form action={dispatch} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
<WriteFieldset>
      <div className="grid grid-cols-2 gap-4">
        <InputField name="name" label="Name" placeholder="web-4" error={errors.name} autoComplete="off" />
        <ChoiceField name="ownerId:optional" label="Owner" choices={[{ value: "", label: "None" }, ...owners]} defaultValue="" hint="A container resource this pod belongs to" error={errors.ownerId} />
      </div>
      <fieldset className={fieldsetClass}>
        <legend className="px-1 text-sm font-medium">Container</legend>
        <div className="grid grid-cols-2 gap-4">
          <InputField name="containers.0.name" label="Container name" defaultValue="main" error={errors["containers.0.name"] ?? errors.containers} autoComplete="off" />
          <InputField name="containers.0.image" label="Image" placeholder="stratus/demo-http" error={errors["containers.0.image"]} autoComplete="off" />
          <InputField name="requests.cpuMillis:number" label="CPU request (millicores)" type="number" min={0} defaultValue={250} error={errors["requests.cpuMillis"] ?? errors.requests} />
          <InputField name="requests.memoryMiB:number" label="Memory request (MiB)" type="number" min={0} defaultValue={128} error={errors["requests.memoryMiB"]} />
        </div>
      </fieldset>
      <fieldset className={fieldsetClass}>
        <legend className="px-1 text-sm font-medium">Placement</legend>
        <div className="grid grid-cols-2 gap-4">
          <ChoiceField
            name="nodeName:nullable"
            label="Node"
            choices={[{ value: "", label: "Let the scheduler place it" }, ...nodes]}
            defaultValue=""
            hint="Choosing a node binds the pod directly, skipping the scheduler's checks."
            error={errors.nodeName}
          />
          <TextareaField name="nodeSelector:lines" label="Node selector" rows={3} placeholder="topology.kubernetes.io/zone=zone-a" hint="Only nodes with all these labels (key=value per line)" error={errorUnder(errors, "nodeSelector")} />
        </div>
      </fieldset>
      <TextareaField name="labels:lines" label="Labels" rows={3} placeholder="app=web" hint="key=value per line" error={errorUnder(errors, "labels")} />
      <FormFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create pod"}
      </Button>
    </WriteFieldset>
</form>
  );
}

/** Edit what a running pod allows: labels, phase, readiness and its node (the rest of a pod is fixed at creation). */
export function PodEditForm({ action, pod, nodes }: { action: Action; pod: Pod; nodes: Choice[] }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(action);
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const nodeChoices = pod.nodeName && !nodes.some((n) => n.value === pod.nodeName) ? [...nodes, { value: pod.nodeName, label: pod.nodeName }] : nodes;

  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
<WriteFieldset>
      <input ref={versionInput} type="hidden" name="version:number" defaultValue={pod.version} />
      <div className="grid grid-cols-2 gap-4">
        <SelectField name="phase" label="Phase" options={PodPhases} defaultValue={pod.phase} hint="Normally the engine's to set; edit to correct it by hand." error={errors.phase} />
        <ChoiceField
          name="nodeName:nullable"
          label="Node"
          choices={[{ value: "", label: "Unscheduled (back to the scheduler)" }, ...nodeChoices]}
          defaultValue={pod.nodeName ?? ""}
          hint="Binding directly skips the scheduler's checks."
          error={errors.nodeName}
        />
      </div>
      <TextareaField name="labels:lines" label="Labels" rows={3} defaultValue={toKeyValueLines(pod.labels)} hint="key=value per line" error={errorUnder(errors, "labels")} />
      <CheckboxField name="ready:bool" label="Ready" hint="Passing its readiness checks: a ready pod receives traffic." defaultChecked={pod.ready} error={errors.ready} />
      <FormFeedback
        state={state}
        onOverwrite={overwrite}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </WriteFieldset>
</form>
  );
}
