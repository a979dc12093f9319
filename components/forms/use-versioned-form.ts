"use client";

import { useRef } from "react";

/**
 * Refs for an edit form that carries the version it was loaded at, and `overwrite`: after a version conflict the
 * user may choose to save anyway, which resubmits the same fields at the version now stored.
 */
export function useVersionedForm() {
  const form = useRef<HTMLFormElement>(null);
  const versionInput = useRef<HTMLInputElement>(null);
  const overwrite = (latestVersion: number) => {
    if (versionInput.current) versionInput.current.value = String(latestVersion);
    form.current?.requestSubmit();
  };
  return { form, versionInput, overwrite };
}
