"use client";

import type { ReactNode } from "react";
import { useCan } from "./principal-context";

/**
 * Wrap a form's controls: a role that may not change things gets them disabled (the browser disables every control
 * inside a disabled fieldset, submit included) and, unless `quiet`, a one-line note saying why.
 */
export function WriteFieldset({ children, quiet = false }: { children: ReactNode; quiet?: boolean }) {
  const { allowed, reason } = useCan("write");
  return (
    <fieldset disabled={!allowed} title={allowed ? undefined : reason} className="contents">
      {allowed || quiet ? null : (
        <p className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:bg-zinc-800/40 dark:text-zinc-400">
          Read-only: {reason}
        </p>
      )}
      {children}
    </fieldset>
  );
}
