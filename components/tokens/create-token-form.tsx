"use client";

import { Check, Copy, KeyRound } from "lucide-react";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { usePrincipal } from "@/components/auth/principal-context";
import { FormFeedback } from "@/components/forms/form-feedback";
import { Button } from "@/components/ui/button";
import { ChoiceField } from "@/components/ui/choice-field";
import { InputField } from "@/components/ui/field";
import { roleChoices } from "@/components/users/role-choices";
import { Roles, roleAtMost } from "@/lib/auth/roles";
import { idleState } from "@/lib/forms/form-state";
import { createApiTokenAction, type CreatedTokenState } from "@/app/(console)/tokens/actions";

const EXPIRY = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
];

/** Create a token with a role up to your own and an expiry; its secret is shown here once, to copy. */
export function CreateTokenForm() {
  const principal = usePrincipal();
  const [state, dispatch, pending] = useActionState<CreatedTokenState, FormData>(createApiTokenAction, idleState);
  // The secret is shown from the action's answer until dismissed (or until the next answer replaces it).
  const [dismissed, setDismissed] = useState<CreatedTokenState | null>(null);
  const secret = state.status === "ok" && state.secret && dismissed !== state ? { value: state.secret, name: state.tokenName ?? "the token" } : null;
  const form = useRef<HTMLFormElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const choices = roleChoices.filter((c) => principal && roleAtMost(c.value as (typeof Roles)[number], principal.role));
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  return (
    <div className="space-y-4">
      {secret ? <SecretOnce secret={secret.value} name={secret.name} onDone={() => setDismissed(state)} /> : null}
      <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Create an API token">
        <InputField name="name" label="Name" placeholder="ci-deploy" autoComplete="off" hint="What or who will use it." error={errors.name} />
        <ChoiceField name="role" label="Role" choices={choices} defaultValue="viewer" hint="At most your own role." error={errors.role} />
        <ChoiceField name="expiresInDays:number" label="Expires after" choices={EXPIRY} defaultValue="30" error={errors.expiresInDays} />
        <FormFeedback state={state} />
        <Button type="submit" disabled={pending}>
          <KeyRound className="size-4" aria-hidden />
          {pending ? "Creating…" : "Create token"}
        </Button>
      </form>
    </div>
  );
}

function SecretOnce({ secret, name, onDone }: { secret: string; name: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950/60">
      <p className="font-medium text-amber-900 dark:text-amber-200">Copy the secret of {name} now: it is not shown again.</p>
      <div className="mt-2 flex items-center gap-2">
        <code aria-label="Token secret" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs text-zinc-900 ring-1 ring-amber-200 dark:bg-zinc-900 dark:text-zinc-100 dark:ring-amber-900">
          {secret}
        </code>
        <Button
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="mt-2 text-xs text-amber-800 dark:text-amber-300/80">
        Send it as <code className="font-mono">Authorization: Bearer …</code>.{" "}
        <button type="button" className="font-medium underline" onClick={onDone}>
          Done
        </button>
      </p>
    </div>
  );
}
