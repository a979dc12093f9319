import type { Metadata } from "next";
import { GatedLinkButton } from "@/components/auth/role-gate";
import { PoolList } from "@/components/pools/pool-list";
import { PageHeader } from "@/components/ui/page-header";
import { pickQuery } from "@/lib/forms/search-params";
import { consoleCtx } from "@/lib/server/auth/session";
import { listPoolRows } from "./load";

export const metadata: Metadata = { title: "Pools" };

export default async function PoolsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = pickQuery(await searchParams, ["q", "algorithm", "selector", "sort", "cursor"]);
  const initial = await listPoolRows(await consoleCtx(), query).catch(() => undefined);
  return (
    <>
      <PageHeader
        title="Pools"
        description="Load-balancer pools: how each spreads traffic over its backends, and how it checks them."
        actions={<GatedLinkButton need="write" href="/pools/new">New pool</GatedLinkButton>}
      />
      <PoolList initial={initial} />
    </>
  );
}
