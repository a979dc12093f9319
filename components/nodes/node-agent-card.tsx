"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Play, PowerOff } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useTransition } from "react";
import { toast } from "sonner";
import { RoleGate } from "@/components/auth/role-gate";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialogButton } from "@/components/ui/confirm-dialog-button";
import { useNow } from "@/components/ui/use-now";
import type { FormState } from "@/lib/forms/form-state";
import { formatDuration } from "@/lib/format";
import { LIST_REFRESH_MS, nodeKeys, podKeys } from "@/lib/query-keys";
import type { ClusterNode } from "@/lib/server/dal/nodes";
import { getNodeAction, setNodeAgentAction } from "@/app/(console)/nodes/actions";
import { NodeStatus } from "./node-status";

function useAfterAgentChange() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async (result: FormState) => {
    if (result.status === "ok") toast.success(result.message);
    else if (result.status === "error") toast.error(result.message);
    await Promise.all([queryClient.invalidateQueries({ queryKey: nodeKeys.all }), queryClient.invalidateQueries({ queryKey: podKeys.all })]);
    router.refresh();
  };
}

/** Stop the agent (asks first: it is a simulated machine failure) or start it again. */
function AgentButton({ node }: { node: ClusterNode }) {
  const after = useAfterAgentChange();
  const [pending, startTransition] = useTransition();
  return (
    <RoleGate need="write">
      {(gate) =>
        node.agentStopped ? (
          <Button variant="secondary" disabled={pending || !gate.allowed} onClick={() => startTransition(async () => after(await setNodeAgentAction(node.id, false)))}>
            <Play className="size-4" aria-hidden /> {pending ? "Starting…" : "Start node agent"}
          </Button>
        ) : gate.allowed ? (
          <ConfirmDialogButton
            label={
              <>
                <PowerOff className="size-4" aria-hidden /> Stop node agent (simulated failure)
              </>
            }
            title={`Stop the agent of ${node.name}?`}
            body={
              <>
                <p>This simulates the machine failing: its agent stops heartbeating and the processes of its pods die at once.</p>
                <p className="mt-2">
                  After missed heartbeats the node turns NotReady; soon after, its pods are evicted and their workloads re-create them on other
                  nodes. Start the agent again to bring the node back. Both are recorded in the audit trail.
                </p>
              </>
            }
            confirmLabel="Stop agent"
            onConfirm={async () => after(await setNodeAgentAction(node.id, true))}
          />
        ) : (
          <Button variant="danger" disabled>
            <PowerOff className="size-4" aria-hidden /> Stop node agent (simulated failure)
          </Button>
        )
      }
    </RoleGate>
  );
}

/** The node's agent, live: running or stopped, its last heartbeat, and the Ready condition it leads to. */
export function NodeAgentCard({ initial }: { initial: ClusterNode }) {
  const { data } = useQuery({ queryKey: nodeKeys.detail(initial.id), queryFn: () => getNodeAction(initial.id), initialData: initial, refetchInterval: LIST_REFRESH_MS });
  const now = useNow();
  const router = useRouter();
  const node = data ?? initial;
  // The page around this card was rendered once: when the node changes (Ready, agent, cordon), render it again.
  const changed = Boolean(data) && (data!.version !== initial.version || data!.ready !== initial.ready || data!.agentStopped !== initial.agentStopped);
  useEffect(() => {
    if (changed) router.refresh();
  }, [changed, router]);
  const ready = node.conditions.find((c) => c.type === "Ready");
  const heartbeat = node.heartbeatAt ? Date.parse(node.heartbeatAt) : null;
  return (
    <Card title="Node agent" actions={<AgentButton node={node} />}>
      <dl className="grid grid-cols-2 gap-x-8 gap-y-3 text-sm md:grid-cols-4">
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Agent</dt>
          <dd className="mt-0.5">{node.agentStopped ? <Badge tone="bad">stopped (simulated failure)</Badge> : <Badge tone="good">running</Badge>}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Last heartbeat</dt>
          <dd className="mt-0.5 tabular-nums">
            {heartbeat === null ? <span className="text-zinc-500">none yet: no worker has run this node</span> : now === null ? "" : `${formatDuration(now - heartbeat)} ago`}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Status</dt>
          <dd className="mt-0.5"><NodeStatus node={node} /></dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Why</dt>
          <dd className="mt-0.5 text-zinc-600 dark:text-zinc-400">{ready ? [ready.reason, ready.message].filter(Boolean).join(": ") || `Ready is ${ready.status} (set by hand)` : "No Ready condition"}</dd>
        </div>
      </dl>
    </Card>
  );
}
