"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/forms/form-state";
import { autoscalerKeys } from "@/lib/query-keys";

/** Pause or resume at the version shown; a conflict says so and offers a reload instead of guessing. */
export function EnableButton({ enabled, action }: { enabled: boolean; action: () => Promise<FormState> }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [pending, startTransition] = useTransition();
  return (
    <RoleGate need="write">
      {(gate) => (
        <Button
          variant="secondary"
          disabled={pending || !gate.allowed}
          onClick={() =>
            startTransition(async () => {
              const result = await action();
              if (result.status === "ok") {
                toast.success(result.message);
                await queryClient.invalidateQueries({ queryKey: autoscalerKeys.all });
                router.refresh();
              } else if (result.status === "error") {
                toast.error(result.message, result.conflict ? { action: { label: "Reload", onClick: () => router.refresh() } } : undefined);
              }
            })
          }
        >
          {enabled ? <Pause className="size-4" aria-hidden /> : <Play className="size-4" aria-hidden />}
          {pending ? "Working…" : enabled ? "Pause" : "Resume"}
        </Button>
      )}
    </RoleGate>
  );
}
