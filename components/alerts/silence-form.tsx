"use client";

import { WriteFieldset } from "@/components/auth/write-fieldset";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ChoiceField } from "@/components/ui/choice-field";
import { InputField, TextareaField } from "@/components/ui/field";
import { toKeyValueLines } from "@/lib/forms/form-data";
import type { FormState } from "@/lib/forms/form-state";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

const DURATIONS = [
  { value: "30", label: "30 minutes" },
  { value: "60", label: "1 hour" },
  { value: "240", label: "4 hours" },
  { value: "1440", label: "1 day" },
  { value: "10080", label: "1 week" },
];

/** A new silence: label matchers (pre-filled from an alert when coming from one), how long, and why. */
export function SilenceForm({ action, matchers }: { action: Action; matchers: Record<string, string> }) {
  const { state, onSubmit, pending } = useFormAction(action);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const matcherError = errors.matchers ?? Object.entries(errors).find(([k]) => k.startsWith("matchers."))?.[1];
  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-4" noValidate>
      <WriteFieldset>
        <div className="grid gap-4 md:grid-cols-2">
          <TextareaField
            name="matchers:lines"
            label="Matchers"
            rows={4}
            defaultValue={toKeyValueLines(matchers)}
            placeholder={"alertname=web-latency-high\npool=web"}
            hint="label=value per line; an alert is muted when it has every one (alertname is the rule's name)"
            error={matcherError}
          />
          <div className="space-y-4">
            <ChoiceField name="durationMinutes:number" label="For" choices={DURATIONS} defaultValue="60" error={errors.endsAt} />
            <InputField name="comment" label="Comment" placeholder="Deploying web; latency expected" error={errors.comment} autoComplete="off" />
          </div>
        </div>
        <FormFeedback state={state} />
        <div className="pt-1">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Create silence"}
          </Button>
        </div>
      </WriteFieldset>
    </form>
  );
}
