"use client";

import { Ban, CircleCheck } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useCan } from "@/components/auth/principal-context";
import type { FormState } from "@/lib/forms/form-state";

/** Cordon or uncordon at the version shown; a conflict says so and offers a reload instead of guessing. */
export function CordonButton({ unschedulable, action }: { unschedulable: boolean; action: () => Promise<FormState> }) {
  const gate = useCan("write");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="secondary"
      disabled={pending || !gate.allowed}
      title={gate.reason}
      onClick={() =>
        startTransition(async () => {
          const result = await action();
          if (result.status === "ok") {
            toast.success(result.message);
            router.refresh();
          } else if (result.status === "error") {
            toast.error(result.message, result.conflict ? { action: { label: "Reload", onClick: () => router.refresh() } } : undefined);
          }
        })
      }
    >
      {unschedulable ? <CircleCheck className="size-4" aria-hidden /> : <Ban className="size-4" aria-hidden />}
      {pending ? "Working…" : unschedulable ? "Uncordon" : "Cordon"}
    </Button>
  );
}
