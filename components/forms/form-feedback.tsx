"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import type { FormState } from "@/lib/forms/form-state";

/** After an action: toast success and follow its redirect; show a form-level error in an alert region. */
export function FormFeedback({ state, onOverwrite }: { state: FormState; onOverwrite?: (latestVersion: number) => void }) {
  const router = useRouter();
  const handled = useRef<FormState | null>(null);
  useEffect(() => {
    if (state.status !== "ok" || handled.current === state) return;
    handled.current = state;
    toast.success(state.message);
    if (state.redirectTo) router.push(state.redirectTo);
    else router.refresh();
  }, [state, router]);

  if (state.status !== "error") return <div aria-live="polite" />;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
      <p>{state.message}</p>
      {state.conflict && onOverwrite ? (
        <div className="mt-2 flex gap-3">
          <button type="button" className="font-medium underline" onClick={() => window.location.reload()}>
            Reload
          </button>
          <button type="button" className="font-medium underline" onClick={() => onOverwrite(state.conflict!.latestVersion)}>
            Overwrite with my changes
          </button>
        </div>
      ) : null}
    </div>
  );
}
