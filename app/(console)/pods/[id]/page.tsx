import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { RecentLogs } from "@/components/logs/recent-logs";
import { nodeChoices } from "@/components/pods/node-choices";
import { PendingPanel } from "@/components/pods/pending-panel";
import { PodEditForm } from "@/components/pods/pod-form";
import { PodMetrics } from "@/components/pods/pod-metrics";
import { PodPhaseBadge } from "@/components/pods/pod-phase";
import { PodRuntime } from "@/components/pods/pod-runtime";
import { PodSpec } from "@/components/pods/pod-spec";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Id } from "@/lib/schemas/common";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { consoleCtx } from "@/lib/server/auth/session";
import { listNodes } from "@/lib/server/dal/nodes";
import { getPod, listPods } from "@/lib/server/dal/pods";
import { getResource } from "@/lib/server/dal/resources";
import { deletePodAction, updatePodAction } from "../actions";

export const metadata: Metadata = { title: "Pod" };

const link = "text-sky-700 hover:underline dark:text-sky-400";

export default async function PodPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const pod = Id.safeParse(id).success ? await loadOrNotFound(() => getPod({ ctx, id })) : null;
  if (!pod) {
    // Log lines and traces name pods: /pods/<name> works too, and goes to the pod's canonical address.
    const match = (await listPods({ ctx, query: { q: id, limit: 500 } }).catch(() => null))?.items.find((p) => p.name === id);
    if (match) redirect(`/pods/${match.id}`);
    notFound();
  }
  const [nodes, owner] = await Promise.all([
    listNodes({ ctx, query: { sort: "name", limit: 500 } }),
    pod.ownerId ? loadOrNotFound(() => getResource({ ctx, id: pod.ownerId! })) : null,
  ]);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {pod.name} <PodPhaseBadge phase={pod.phase} /> {pod.ready ? <Badge tone="good">ready</Badge> : <Badge>not ready</Badge>}
          </span>
        }
        description={
          <>
            {pod.nodeName ? <>On node <Link href={`/nodes/${encodeURIComponent(pod.nodeName)}`} className={link}>{pod.nodeName}</Link></> : "Not bound to a node"}
            {owner ? <> · owned by <Link href={`/resources/${owner.id}`} className={link}>{owner.name}</Link></> : null}
            {` · version ${pod.version} · created ${new Date(pod.createdAt).toLocaleString("en-GB")}`}
          </>
        }
        actions={<DeleteObjectButton what="pod" name={pod.name} action={deletePodAction.bind(null, pod.id, pod.version)} />}
      />
      <div className="space-y-4">
        {pod.nodeName ? null : <PendingPanel podId={pod.id} />}
        <PodRuntime initial={pod} />
        <PodMetrics podName={pod.name} requests={pod.requests} />
        <Card title="Logs">
          <RecentLogs filter={{ pod: pod.name }} label={`Recent logs of ${pod.name}`} compact />
        </Card>
        <PodSpec pod={pod} />
        <Card title="Edit">
          <PodEditForm key={pod.version} action={updatePodAction.bind(null, pod.id)} pod={pod} nodes={nodeChoices(nodes.items)} />
        </Card>
      </div>
    </>
  );
}
