import type { Metadata } from "next";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { PodList } from "@/components/pods/pod-list";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listPods } from "@/lib/server/dal/pods";

export const metadata: Metadata = { title: "Pods" };

export default async function PodsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "phase", "nodeName", "selector", "sort", "cursor"]);
  const initial = await listPods({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Pods"
        description="Units of work: their containers, what they request, and the node they are bound to."
        actions={<GatedLinkButton need="write" href="/pods/new">New pod</GatedLinkButton>}
      />
      <PodList initial={initial} />
    </>
  );
}
