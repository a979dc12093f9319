"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import { useHydrated } from "./use-hydrated";

/**
 * A button that asks in a modal dialog before a destructive action. The trigger's look is chosen (a quiet "Remove" in a table row, say) and the dialog's
 * title id is unique, so several can share a page.
 */
export function ConfirmDialogButton({
  label,
  title,
  body,
  confirmLabel = "Delete",
  variant = "danger",
  className = "",
  ariaLabel,
  onConfirm,
}: {
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel?: string;
  variant?: ButtonVariant;
  className?: string;
  /** Accessible name for the trigger when its label is terse or an icon. */
  ariaLabel?: string;
  onConfirm: () => Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <>
      <Button variant={variant} className={className} aria-label={ariaLabel} disabled={!hydrated} onClick={() => dialog.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-left text-sm whitespace-normal text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div className="mt-2 text-sm font-normal text-zinc-600 dark:text-zinc-400">{body}</div>
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              try {
                await onConfirm();
              } finally {
                setPending(false);
                dialog.current?.close();
              }
            }}
          >
            {pending ? "Working…" : confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
