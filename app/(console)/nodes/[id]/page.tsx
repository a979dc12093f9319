import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { CordonButton } from "@/components/nodes/cordon-button";
import { DrainButton } from "@/components/nodes/drain-button";
import { NodeAgentCard } from "@/components/nodes/node-agent-card";
import { NodeFacts } from "@/components/nodes/node-facts";
import { NodeForm } from "@/components/nodes/node-form";
import { NodeMetrics } from "@/components/nodes/node-metrics";
import { NodePods } from "@/components/nodes/node-pods";
import { nodePodsQuery } from "@/components/nodes/node-pods-query";
import { NodeStatus } from "@/components/nodes/node-status";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Id } from "@/lib/schemas/common";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { consoleCtx } from "@/lib/server/auth/session";
import { getNode, listNodes } from "@/lib/server/dal/nodes";
import { listPods } from "@/lib/server/dal/pods";
import { deleteNodeAction, drainNodeAction, setNodeUnschedulableAction, updateNodeAction } from "../actions";

export const metadata: Metadata = { title: "Node" };

export default async function NodePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const node = Id.safeParse(id).success ? await loadOrNotFound(() => getNode({ ctx, id })) : null;
  if (!node) {
    // Pods name their node, so /nodes/<name> works too: find it and go to its canonical address.
    const match = (await listNodes({ ctx, query: { q: id, limit: 500 } }).catch(() => null))?.items.find((n) => n.name === id);
    if (match) redirect(`/nodes/${match.id}`);
    notFound();
  }
  const pods = await listPods({ ctx, query: nodePodsQuery(node.name) }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-2">{node.name} <NodeStatus node={node} /></span>}
        description={`Version ${node.version} · registered ${new Date(node.createdAt).toLocaleString("en-GB")}`}
        actions={
          <>
            <CordonButton unschedulable={node.unschedulable} action={setNodeUnschedulableAction.bind(null, node.id, node.version, !node.unschedulable)} />
            <DrainButton nodeName={node.name} action={drainNodeAction.bind(null, node.id)} />
            <DeleteObjectButton what="node" name={node.name} action={deleteNodeAction.bind(null, node.id, node.version)} />
          </>
        }
      />
      <div className="space-y-4">
        <NodeAgentCard initial={node} />
        <NodeFacts node={node} />
        <NodeMetrics nodeName={node.name} />
        <NodePods node={node} initial={pods} />
        <Card title="Edit">
          <NodeForm key={node.version} action={updateNodeAction.bind(null, node.id)} node={node} />
        </Card>
      </div>
    </>
  );
}
