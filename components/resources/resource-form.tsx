"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { useState } from "react";
import { useCan } from "@/components/auth/principal-context";
import { FormFooter } from "@/components/forms/form-footer";
import { useFormAction } from "@/components/forms/use-form-action";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { ResourceKinds, type ResourceKind } from "@/lib/schemas/resource";
import type { Resource } from "@/lib/server/dal/resources";
import { SpecFields } from "./spec-fields";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

/**
 * Create (kind chosen here) or edit (kind fixed) a resource; field errors land inline under each field. A role
 * that may not make changes sees the fields read-only and the submit button disabled, with the reason on hover.
 */
export function ResourceForm({ action, resource }: { action: Action; resource?: Resource }) {
  const { state, onSubmit, pending } = useFormAction(action);
  const { allowed } = useCan("write");
  const [kind, setKind] = useState<ResourceKind>(resource?.kind ?? "container");
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};

  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-2xl space-y-5" noValidate>
      {allowed ? null : (
        <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/40 dark:text-zinc-400">
          Read-only: changing resources needs the operator role.
        </p>
      )}
      <fieldset disabled={!allowed} className="min-w-0 space-y-5">
        {resource ? <input ref={versionInput} type="hidden" name="version:number" defaultValue={resource.version} /> : null}
        <div className="grid grid-cols-2 gap-4">
          <InputField name="name" label="Name" defaultValue={resource?.name} placeholder="my-service" error={errors.name} autoComplete="off" />
          {resource ? (
            <InputField name="kind-display" label="Kind" value={resource.kind} disabled readOnly />
          ) : (
            <SelectField name="kind" label="Kind" options={ResourceKinds} value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)} error={errors.kind} />
          )}
        </div>
        <fieldset className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">{kind} configuration</legend>
          <SpecFields key={kind} kind={kind} spec={resource?.spec ?? {}} errors={errors} />
        </fieldset>
        <TextareaField name="labels:lines" label="Labels" rows={3} defaultValue={toKeyValueLines(resource?.labels ?? {})} hint="key=value per line" error={errors.labels ?? Object.entries(errors).find(([k]) => k.startsWith("labels."))?.[1]} />
      </fieldset>
      <FormFooter state={state} onOverwrite={overwrite} pending={pending} label={resource ? "Save changes" : "Create resource"} />
    </form>
  );
}
