import type { Metadata } from "next";
import { nodeChoices } from "@/components/pods/node-choices";
import { PodCreateForm } from "@/components/pods/pod-form";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listNodes } from "@/lib/server/dal/nodes";
import { listResources } from "@/lib/server/dal/resources";
import { createPodAction } from "../actions";

export const metadata: Metadata = { title: "New pod" };

export default async function NewPodPage() {
  const ctx = await consoleCtx();
  const [owners, nodes] = await Promise.all([
    listResources({ ctx, query: { kind: "container", sort: "name", limit: 500 } }),
    listNodes({ ctx, query: { sort: "name", limit: 500 } }),
  ]);
  return (
    <>
      <PageHeader title="New pod" description="One container and what it requests. Leave the node empty to let the scheduler place it." />
      <PodCreateForm action={createPodAction} owners={owners.items.map((r) => ({ value: r.id, label: r.name }))} nodes={nodeChoices(nodes.items)} />
    </>
  );
}
