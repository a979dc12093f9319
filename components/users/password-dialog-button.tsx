"use client";

import { useEffect, useId, useRef, useState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { User } from "@/lib/server/dal/users";
import { resetUserPasswordAction } from "@/app/(console)/users/actions";

/** Set a new password for a user in a small dialog; it ends their sessions. */
export function PasswordDialogButton({ user }: { user: User }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useFormAction(resetUserPasswordAction.bind(null, user.id));
  useEffect(() => {
    if (state.status === "ok") {
      form.current?.reset();
      dialog.current?.close();
    }
  }, [state]);
  return (
    <>
      <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        aria-label={`Set a new password for ${user.name}`}>
        Set password
      </Button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-left text-sm whitespace-normal text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={titleId} className="text-base font-semibold">
          New password for {user.name}
        </h2>
        <p className="mt-1 mb-4 text-zinc-600 dark:text-zinc-400">Their sessions end; share the new password with them privately.</p>
        {/* Rendered only while open, so the page holds one "New password" field at a time. */}
        {open ? (
        <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4">
          <InputField name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." error={state.status === "error" ? state.fieldErrors.password : undefined} />
          <FormFeedback state={state} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Set password"}
            </Button>
          </div>
        </form>
        ) : null}
      </dialog>
    </>
  );
}
