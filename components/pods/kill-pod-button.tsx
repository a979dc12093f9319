"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Skull } from "lucide-react";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Button } from "@/components/ui/button";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { podKeys } from "@/lib/query-keys";
import type { Pod } from "@/lib/server/dal/pods";
import { killPodAction } from "@/app/(console)/pods/actions";

/** Kill the pod's process, as a crash would (asks first). Only a pod with a running process can be killed. */
export function KillPodButton({ pod, compact = false }: { pod: Pick<Pod, "id" | "name" | "pid" | "phase" | "ownerId" | "killRequested">; compact?: boolean }) {
  const queryClient = useQueryClient();
  const running = pod.pid !== null && pod.phase === "running";
  const label = pod.killRequested ? "Killing…" : compact ? "Kill" : "Kill process";
  const trigger = (
    <>
      <Skull className={compact ? "size-3.5" : "size-4"} aria-hidden /> {label}
    </>
  );
  const triggerClass = compact ? "px-2 py-1 text-xs text-red-700 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950" : "";
  return (
    <RoleGate need="write">
      {(gate) =>
        gate.allowed && running && !pod.killRequested ? (
          <ConfirmDialogButton
            variant={compact ? "ghost" : "danger"}
            className={triggerClass}
            label={trigger}
            ariaLabel={`Kill the process of ${pod.name}`}
            title={`Kill the process of ${pod.name}?`}
            body={
              <>
                <p>This simulates a crash: the process (pid {pod.pid}) gets SIGKILL on the worker&apos;s next pass and the pod turns failed.</p>
                <p className="mt-2">
                  {pod.ownerId
                    ? "Its workload then replaces it with a new pod, which the scheduler places and the node starts."
                    : "It has no owning workload, so nothing replaces it."}{" "}
                  The kill is recorded in the audit trail.
                </p>
              </>
            }
            confirmLabel="Kill process"
            onConfirm={async () => {
              const result = await killPodAction(pod.id);
              if (result.status === "ok") toast.success(result.message);
              else if (result.status === "error") toast.error(result.message);
              await queryClient.invalidateQueries({ queryKey: podKeys.all });
            }}
          />
        ) : (
          <span title={gate.allowed ? (pod.killRequested ? "Kill requested: waiting for the worker" : "No running process to kill") : gate.reason} className="inline-flex">
            <Button variant={compact ? "ghost" : "danger"} className={triggerClass} disabled aria-label={`Kill the process of ${pod.name}`}>
              {trigger}
            </Button>
          </span>
        )
      }
    </RoleGate>
  );
}
