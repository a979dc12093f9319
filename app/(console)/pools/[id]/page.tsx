import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteObjectButton } from "@/components/forms/delete-object-button";
import { algorithmNames } from "@/components/pools/algorithms";
import { BackendsCard } from "@/components/pools/backends-card";
import { PoolStatsCard } from "@/components/pools/pool-stats-card";
import { backendsQuery } from "@/components/pools/backends-query";
import { PoolAbout } from "@/components/pools/pool-about";
import { PoolForm } from "@/components/pools/pool-form";
import { RecentTraces } from "@/components/traces/recent-traces";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrNotFound } from "@/lib/server/actions/load";
import { consoleCtx } from "@/lib/server/auth/session";
import { listBackends } from "@/lib/server/dal/backends";
import { getPool } from "@/lib/server/dal/pools";
import { listResources } from "@/lib/server/dal/resources";
import { deletePoolAction, updatePoolAction } from "../actions";

export const metadata: Metadata = { title: "Pool" };

export default async function PoolPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await consoleCtx();
  const pool = await loadOrNotFound(() => getPool({ ctx, id }));
  if (!pool) notFound();
  const [backends, containers] = await Promise.all([
    listBackends({ ctx, poolId: pool.id, query: backendsQuery() }).catch(() => undefined),
    listResources({ ctx, query: { kind: "container", sort: "name", limit: 500 } }),
  ]);
  const owner = pool.ownerId ? containers.items.find((r) => r.id === pool.ownerId) : undefined;
  return (
    <>
      <PageHeader
        title={<span className="flex items-center gap-2">{pool.name} <Badge tone="info">{algorithmNames[pool.algorithm]}</Badge></span>}
        description={
          <>
            {pool.listenPort ? `Listens on port ${pool.listenPort}` : "No listen port"}
            {pool.ownerId ? <> · serves <Link href={`/resources/${pool.ownerId}`} className="text-sky-700 hover:underline dark:text-sky-400">{owner?.name ?? "its owner"}</Link></> : null}
            {` · version ${pool.version} · created ${new Date(pool.createdAt).toLocaleString("en-GB")}`}
          </>
        }
        actions={<DeleteObjectButton what="pool" name={pool.name} action={deletePoolAction.bind(null, pool.id, pool.version)} />}
      />
      <div className="space-y-4">
        <PoolAbout pool={pool} />
        <PoolStatsCard poolId={pool.id} poolName={pool.name} listenPort={pool.listenPort} />
        <BackendsCard poolId={pool.id} initial={backends} />
        <Card title="Recent traces">
          <RecentTraces filter={{ poolId: pool.id }} limit={5} />
        </Card>
        <Card title="Edit">
          <PoolForm key={pool.version} action={updatePoolAction.bind(null, pool.id)} pool={pool} owners={containers.items.map((r) => ({ value: r.id, label: r.name }))} />
        </Card>
      </div>
    </>
  );
}
