"use client";

import { useEffect, useRef } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { ChoiceField } from "@/components/ui/choice-field";
import { InputField } from "@/components/ui/field";
import { createUserAction } from "@/app/(console)/users/actions";
import { roleChoices } from "./role-choices";

/** Add a user with a role and an initial password; the form clears after each success. */
export function CreateUserForm() {
  const { state, onSubmit, pending } = useFormAction(createUserAction);
  const form = useRef<HTMLFormElement>(null);
  const errors = state.status === "error" ? state.fieldErrors : {};
  useEffect(() => {
    if (state.status === "ok") form.current?.reset();
  }, [state]);

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add a user">
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField name="name" label="Name" autoComplete="off" placeholder="Ada Lovelace" error={errors.name} />
        <InputField name="email" label="Email" type="email" autoComplete="off" placeholder="ada@example.com" error={errors.email} />
        <ChoiceField name="role" label="Role" choices={roleChoices} defaultValue="viewer" error={errors.role} />
        <InputField
          name="password"
          label="Initial password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Share it privately; you can set a new one later."
          error={errors.password}
        />
      </div>
      <FormFeedback state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}
