"use client";

import { useActionState, useCallback, useTransition, type FormEvent } from "react";
import { idleState, type FormState } from "@/lib/forms/form-state";

/**
 * useActionState for a form that keeps what the user typed when the action fails. React resets an uncontrolled
 * form after a `<form action>` submission, even on a validation error; dispatching from onSubmit inside a
 * transition does not, so the inline errors sit next to the values that caused them.
 */
export function useFormAction(action: (prev: FormState, formData: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState(action, idleState);
  const [, startTransition] = useTransition();
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      startTransition(() => dispatch(data));
    },
    [dispatch],
  );
  return { state, dispatch, onSubmit, pending };
}
