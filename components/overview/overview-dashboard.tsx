"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { getOverviewAction } from "@/app/(console)/overview-actions";
import { toAllocationPoints } from "@/components/charts/allocation-data";
import { NodeAllocationChart } from "@/components/charts/node-allocation-chart";
import { Card } from "@/components/ui/card";
import { useNow } from "@/components/ui/use-now";
import { relativeTime } from "@/lib/format";
import { LIST_REFRESH_MS, overviewKeys } from "@/lib/query-keys";
import type { Overview } from "@/lib/server/dal/overview";
import { EngineCard } from "./engine-card";
import { EstateCharts } from "./estate-charts";
import { pastTense } from "./past-tense";
import { StatCard } from "./stat-card";

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

export function OverviewDashboard({ initial }: { initial: Overview }) {
  const { data = initial } = useQuery({
    queryKey: overviewKeys.all,
    queryFn: () => getOverviewAction(),
    initialData: initial,
    refetchInterval: LIST_REFRESH_MS,
  });
  // Relative times render once the page is live, so the server's and the browser's clocks never disagree in markup.
  const now = useNow();
  const pods = sum(data.podsByPhase);
  const backends = sum(data.backendsByHealth);
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard href="/resources" label="Resources" value={data.quota.used} detail={`of ${data.quota.maxInstances} allowed (maxInstances)`} />
        <StatCard href="/nodes" label="Nodes" value={data.nodes.total} detail={`${data.nodes.ready} ready · ${data.nodes.cordoned} cordoned`} />
        <StatCard href="/pods" label="Pods" value={pods} detail={`${data.podsByPhase.running ?? 0} running · ${data.podsByPhase.pending ?? 0} pending`} />
        <StatCard href="/pools" label="Pools" value={data.pools} detail={`${data.backendsByHealth.healthy ?? 0} of ${backends} backends healthy`} />
      </div>
      <EstateCharts />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Node allocation" className="lg:col-span-2">
          {data.allocation.length === 0 ? (
            <p className="text-sm text-zinc-500">No nodes yet. <Link className="text-sky-600 underline" href="/nodes/new">Add a node</Link>.</p>
          ) : (
            <NodeAllocationChart data={toAllocationPoints(data.allocation)} />
          )}
        </Card>
        <Card title="Resources by kind">
          <ul className="space-y-2 text-sm">
            {["vm", "container", "function", "storage", "network"].map((kind) => (
              <li key={kind} className="flex justify-between">
                <Link href={`/resources?kind=${kind}`} className="text-sky-700 hover:underline dark:text-sky-400">{kind}</Link>
                <span className="tabular-nums">{data.resourcesByKind[kind] ?? 0}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-5">
        <Card title="Recent changes" className="lg:col-span-3">
          {data.recentEvents.length === 0 ? (
            <p className="text-sm text-zinc-500">Nothing has changed yet.</p>
          ) : (
            <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
              {data.recentEvents.map((e) => (
                <li key={e.id} className="flex justify-between gap-3 py-1.5">
                  <span className="min-w-0">
                    <span className="font-medium">{e.actor}</span> {pastTense(e.verb)} {e.objectType} <span className="font-mono">{e.objectName}</span>
                  </span>
                  <span className="shrink-0 whitespace-nowrap text-zinc-500">{now === null ? "" : relativeTime(e.at, now)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <EngineCard className="lg:col-span-2" />
      </div>
    </div>
  );
}
