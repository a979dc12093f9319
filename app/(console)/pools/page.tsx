import type { Metadata } from "next";
import Link from "next/link";
import { PoolList } from "@/components/pools/pool-list";
import { buttonClass } from "@/components/ui/button";
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
        actions={<Link href="/pools/new" className={buttonClass()}>New pool</Link>}
      />
      <PoolList initial={initial} />
    </>
  );
}
