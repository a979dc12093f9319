"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Button } from "@/components/ui/button";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import type { FormState } from "@/lib/forms/form-state";

/**
 * Delete with confirmation; toast the outcome and go where the action says. A role that may not make changes
 * sees it disabled, with the reason on hover (the action would refuse them anyway).
 */
export function DeleteObjectButton({ what, name, action }: { what: string; name: string; action: () => Promise<FormState> }) {
  const router = useRouter();
  return (
    <RoleGate need="write">
      {({ allowed }) =>
        allowed ? (
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
        ) : (
          <Button variant="danger" disabled>
            Delete
          </Button>
        )
      }
    </RoleGate>
  );
}
