import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackendLive } from "@/components/backends/backend-live";
import { BackendPlacement } from "@/components/backends/backend-placement";
import { BackendSignals } from "@/components/backends/backend-signals";
import { HealthHistory } from "@/components/backends/health-history";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { TrafficCharts } from "@/components/charts/traffic-charts";
import { BACKEND_TRAFFIC } from "@/components/charts/traffic-data";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { consoleCtx } from "@/lib/server/auth/session";
import { HEALTH_HISTORY_PAGE, loadBackendPane } from "./load";

export const metadata: Metadata = { title: "Backend" };

/** One backend of a pool with everything about it in one place: pod, node, health history, traffic, logs, traces. */
export default async function BackendPage({ params }: { params: Promise<{ id: string; backendId: string }> }) {
  const { id, backendId } = await params;
  const pane = await loadBackendPane(await consoleCtx(), id, backendId);
  if (!pane) notFound();
  const { pool, backend, pod, node, history } = pane;
  const address = `${backend.address}:${backend.port}`;
  return (
    <>
      <PageHeader
        title={<span className="font-mono">{address}</span>}
        description={<>Backend of pool <Link href={`/pools/${pool.id}`} className="text-sky-700 hover:underline dark:text-sky-400">{pool.name}</Link>{pod ? ` · pod ${pod.name}` : ""}{node ? ` on ${node.name}` : ""}</>}
      />
      <div className="space-y-4">
        <BackendLive initial={backend} />
        <BackendPlacement backend={backend} pod={pod} node={node} />
        <Card title="Traffic" actions={<TimeRangeControl />}>
          <TrafficCharts subject={`backend ${address}`} metrics={BACKEND_TRAFFIC} labels={{ pool: pool.name, backend: address }} />
        </Card>
        <HealthHistory poolId={pool.id} backendId={backend.id} initial={history} pageSize={HEALTH_HISTORY_PAGE} />
        <BackendSignals poolId={pool.id} podName={pod?.name ?? null} />
      </div>
    </>
  );
}
