"use client";

import { useVersionedForm } from "@/components/forms/use-versioned-form";
import { WriteFieldset } from "@/components/auth/write-fieldset";
import { FormFeedback } from "@/components/forms/form-feedback";
import { Button } from "@/components/ui/button";
import { ChoiceField, type Choice } from "@/components/ui/choice-field";
import { InputField, TextareaField } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";
import { DEFAULT_HEALTH_CHECK } from "@/lib/schemas/pool";
import type { Pool } from "@/lib/server/dal/pools";
import { algorithmChoices } from "./algorithms";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const errorUnder = (errors: Record<string, string>, path: string) =>
  errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

const HEALTH_FIELDS = [
  { key: "intervalMs", label: "Interval (ms)" },
  { key: "timeoutMs", label: "Timeout (ms)" },
  { key: "expectedStatus", label: "Expected status" },
  { key: "healthyThreshold", label: "Healthy after (passes)" },
  { key: "unhealthyThreshold", label: "Unhealthy after (failures)" },
] as const;

/** Create or edit a pool: how it balances, where it listens, how backends are checked, who owns it. */
export function PoolForm({ action, pool, owners }: { action: Action; pool?: Pool; owners: Choice[] }) {
  const { state, dispatch, onSubmit, pending } = useFormAction(action);
  const { form, versionInput, overwrite } = useVersionedForm();
  const errors = state.status === "error" ? state.fieldErrors : {};
  const health = pool?.healthCheck ?? DEFAULT_HEALTH_CHECK;
  const ownerChoices = pool?.ownerId && !owners.some((o) => o.value === pool.ownerId) ? [...owners, { value: pool.ownerId, label: `${pool.ownerId.slice(0, 8)}… (not a container)` }] : owners;

  return (
    <form ref={form} action={dispatch} onSubmit={onSubmit} className="max-w-3xl space-y-5" noValidate>
<WriteFieldset>
      {pool ? <input ref={versionInput} type="hidden" name="version:number" defaultValue={pool.version} /> : null}
      <div className="grid grid-cols-2 gap-4">
        <InputField name="name" label="Name" defaultValue={pool?.name} placeholder="web" error={errors.name} autoComplete="off" />
        <ChoiceField name="algorithm" label="Algorithm" choices={algorithmChoices} defaultValue={pool?.algorithm ?? "round_robin"} error={errors.algorithm} />
        {/* A blank port submits null (the hidden field); a number overrides it. So clearing the port on edit removes it. */}
        <input type="hidden" name="listenPort:nullable" value="" />
        <InputField
          name="listenPort:number"
          label="Listen port"
          type="number"
          min={1024}
          max={65535}
          placeholder="none"
          defaultValue={pool?.listenPort ?? undefined}
          hint="Optional, 1024–65535: where the data plane will accept traffic"
          error={errors.listenPort}
        />
        <ChoiceField
          name="ownerId:nullable"
          label="Owner"
          choices={[{ value: "", label: "None" }, ...ownerChoices]}
          defaultValue={pool?.ownerId ?? ""}
          hint="The container resource this pool serves"
          error={errors.ownerId}
        />
      </div>
      <fieldset className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">Health check</legend>
        <div className="grid grid-cols-3 gap-4">
          <InputField name="healthCheck.path" label="Path" defaultValue={health.path} error={errors["healthCheck.path"] ?? errors.healthCheck} />
          {HEALTH_FIELDS.map((f) => (
            <InputField key={f.key} name={`healthCheck.${f.key}:number`} label={f.label} type="number" defaultValue={health[f.key]} error={errors[`healthCheck.${f.key}`]} />
          ))}
        </div>
      </fieldset>
      <TextareaField name="labels:lines" label="Labels" rows={3} defaultValue={toKeyValueLines(pool?.labels ?? {})} placeholder="app=web" hint="key=value per line" error={errorUnder(errors, "labels")} />
      <FormFeedback
        state={state}
        onOverwrite={overwrite}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : pool ? "Save changes" : "Create pool"}
      </Button>
    </WriteFieldset>
</form>
  );
}
