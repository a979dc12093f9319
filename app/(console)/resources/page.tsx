import type { Metadata } from "next";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { ResourceList } from "@/components/resources/resource-list";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { listResources } from "@/lib/server/dal/resources";
import { pickQuery } from "@/lib/forms/search-params";

export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "kind", "selector", "sort", "cursor"]);
  const initial = await listResources({ ctx: await consoleCtx(), query }).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Resources"
        description="VMs, containers, functions, storage and networks, within the maxInstances quota."
        actions={<GatedLinkButton need="write" href="/resources/new">New resource</GatedLinkButton>}
      />
      <ResourceList initial={initial} />
    </>
  );
}
