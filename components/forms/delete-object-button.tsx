"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import type { FormState } from "@/lib/forms/form-state";

/** Delete with confirmation; toast the outcome and go where the action says. */
export function DeleteObjectButton({ what, name, action }: { what: string; name: string; action: () => Promise<FormState> }) {
  const router = useRouter();
  return (
    <ConfirmDialogButton
      label="Delete"
      title={`Delete ${what} ${name}?`}
      body={<p>This cannot be undone. The deletion is recorded in the audit trail.</p>}
      onConfirm={async () => {
        const result = await action();
        if (result.status === "ok") {
          toast.success(result.message);
          if (result.redirectTo) router.push(result.redirectTo);
        } else if (result.status === "error") {
          toast.error(result.message);
        }
      }}
    />
  );
}
