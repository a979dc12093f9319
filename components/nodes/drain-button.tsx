"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useCan } from "@/components/auth/principal-context";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import type { FormState } from "@/lib/forms/form-state";

/** Cordon and drain after a confirmation; the toast reports what moved and what could not. */
export function DrainButton({ nodeName, action }: { nodeName: string; action: () => Promise<FormState> }) {
  const router = useRouter();
  const gate = useCan("write");
  if (!gate.allowed) return null;
  return (
    <ConfirmDialogButton
      variant="secondary"
      label="Drain"
      title={`Drain ${nodeName}?`}
      confirmLabel="Drain"
      body={
        <p>
          Cordons the node, then evicts every pod another node can take: a workload&rsquo;s pods are re-created elsewhere, standalone pods go back
          to pending. Pods no other node can take stay, and are listed.
        </p>
      }
      onConfirm={async () => {
        const result = await action();
        if (result.status === "ok") toast.success(result.message, { duration: 10_000 });
        else if (result.status === "error") toast.error(result.message);
        router.refresh();
      }}
    />
  );
}
