import type { Metadata } from "next";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { NodeList } from "@/components/nodes/node-list";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listNodes } from "@/lib/server/dal/nodes";

export const metadata: Metadata = { title: "Nodes" };

export default async function NodesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "unschedulable", "selector", "sort", "cursor"]);
  const initial = await listNodes({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Nodes"
        description="The machines pods run on: what each offers (allocatable), its taints, and whether it takes new pods."
        actions={<GatedLinkButton need="write" href="/nodes/new">Register node</GatedLinkButton>}
      />
      <NodeList initial={initial} />
    </>
  );
}
