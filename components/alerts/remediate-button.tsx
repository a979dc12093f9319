"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Wrench } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Button } from "@/components/ui/button";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { alertKeys } from "@/lib/query-keys";
import type { Alert } from "@/lib/server/dal/alerts";
import { remediateAlertAction } from "@/app/(console)/alerts/actions";

/**
 * The firing alert's one-click fix, after a confirmation, for operators; others see it disabled with the reason.
 * Done (or not possible now) it says why instead.
 */
export function RemediateButton({ alert }: { alert: Alert }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const offer = alert.remediation;
  if (!offer) return null;
  if (!offer.available) {
    return (
      <span className="text-xs text-zinc-500 dark:text-zinc-400" title={offer.reason ?? undefined}>
        {alert.remediatedAt ? `Remediated: ${offer.label.toLowerCase()} (${alert.remediatedBy})` : offer.reason}
      </span>
    );
  }
  const label = `Remediate: ${offer.label}`;
  return (
    <RoleGate need="write">
      {({ allowed }) =>
        allowed ? (
          <ConfirmDialogButton
            variant="secondary"
            className="px-2 py-1 text-xs"
            label={
              <>
                <Wrench className="size-3.5" aria-hidden />
                {label}
              </>
            }
            ariaLabel={label}
            title={`${offer.label}?`}
            confirmLabel={offer.label}
            body={
              <p>
                Because {alert.ruleName} is firing ({alert.summary}). The change goes through the same checks as yours would, and the audit trail records this
                alert as its cause.
              </p>
            }
            onConfirm={async () => {
              const result = await remediateAlertAction(alert.id);
              if (result.status === "ok") toast.success(result.message, { duration: 10_000 });
              else if (result.status === "error") toast.error(result.message);
              await queryClient.invalidateQueries({ queryKey: alertKeys.all });
              router.refresh();
            }}
          />
        ) : (
          <Button variant="secondary" className="px-2 py-1 text-xs" disabled>
            {label}
          </Button>
        )
      }
    </RoleGate>
  );
}
