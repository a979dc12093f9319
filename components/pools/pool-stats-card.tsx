"use client";

import { useQuery } from "@tanstack/react-query";
import { getPoolStatsAction } from "@/app/(console)/pools/actions";
import { TimeRangeControl } from "@/components/charts/time-range-control";
import { TrafficCharts } from "@/components/charts/traffic-charts";
import { POOL_TRAFFIC } from "@/components/charts/traffic-data";
import { Card } from "@/components/ui/card";
import { poolKeys } from "@/lib/query-keys";

const STATS_REFRESH_MS = 2_000;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** The data plane's live counters for a pool, and its stored traffic (rates, errors, latency) over the page's time range. */
export function PoolStatsCard({ poolId, poolName, listenPort }: { poolId: string; poolName: string; listenPort: number | null }) {
  const { data } = useQuery({
    queryKey: [...poolKeys.detail(poolId), "stats"],
    queryFn: () => getPoolStatsAction(poolId),
    refetchInterval: STATS_REFRESH_MS,
  });
  return (
    <Card
      title="Traffic"
      actions={
        <div className="flex flex-wrap items-center justify-end gap-3">
          <span className="text-xs text-zinc-500">{listenPort ? `proxy on 127.0.0.1:${listenPort}` : "no listen port: not served"}</span>
          <TimeRangeControl />
        </div>
      }
    >
      <div className="space-y-4">
        {!data?.at ? (
          <p className="text-sm text-zinc-500">No traffic recorded yet. The engine worker serves pools with a listen port and reports here every second.</p>
        ) : (
          <dl className="grid grid-cols-5 gap-4" aria-label="Pool counters">
            <Figure label="Requests" value={data.totalRequests.toLocaleString("en-GB")} />
            <Figure label="Succeeded" value={data.successfulRequests.toLocaleString("en-GB")} />
            <Figure label="Failed" value={data.failedRequests.toLocaleString("en-GB")} />
            <Figure label="Avg response" value={`${data.averageResponseTimeMs.toFixed(1)} ms`} />
            <Figure label="Active" value={String(data.activeConnections)} />
          </dl>
        )}
        <TrafficCharts subject={`pool ${poolName}`} metrics={POOL_TRAFFIC} labels={{ pool: poolName }} />
      </div>
    </Card>
  );
}
