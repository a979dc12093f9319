import { Badge } from "@/components/ui/badge";
import type { ClusterNode } from "@/lib/server/dal/nodes";

/** Ready/NotReady from the node's conditions, plus "Cordoned" (no new pods) and "Agent stopped" (simulated failure). */
export function NodeStatus({ node }: { node: Pick<ClusterNode, "ready" | "unschedulable"> & Partial<Pick<ClusterNode, "agentStopped">> }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {node.ready ? <Badge tone="good">Ready</Badge> : <Badge tone="bad">NotReady</Badge>}
      {node.unschedulable ? <Badge tone="warn">Cordoned</Badge> : null}
      {node.agentStopped ? <Badge tone="bad">Agent stopped</Badge> : null}
    </span>
  );
}
