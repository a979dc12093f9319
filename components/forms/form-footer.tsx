"use client";

import { RoleGate } from "@/components/auth/role-gate";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";
import { FormFeedback } from "./form-feedback";

/** The end of an edit form: the outcome (with Reload/Overwrite on a conflict) and a submit button gated by role. */
export function FormFooter({ state, onOverwrite, pending, label }: { state: FormState; onOverwrite: (latestVersion: number) => void; pending: boolean; label: string }) {
  return (
    <>
      <FormFeedback state={state} onOverwrite={onOverwrite} />
      <RoleGate need="write">
        {(gate) => (
          <Button type="submit" disabled={pending || !gate.allowed}>
            {pending ? "Saving…" : label}
          </Button>
        )}
      </RoleGate>
    </>
  );
}
