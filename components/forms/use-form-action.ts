"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { idleState, type FormState } from "@/lib/forms/form-state";

/**
 * useActionState for forms that must keep what the user typed. React 19 resets uncontrolled fields after a
 * `<form action>` submission, which would wipe the input on a validation error or version conflict; submitting
 * through onSubmit keeps the fields as they are.
 */
export function useFormAction(action: (prev: FormState, formData: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(action, idleState);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => dispatch(formData));
  };
  return { state, onSubmit, pending };
}
