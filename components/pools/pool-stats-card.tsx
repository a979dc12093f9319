"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { getPoolStatsAction } from "@/app/(console)/pools/actions";
import { appendRatePoint, type RatePoint } from "@/components/charts/pool-stats-data";
import { PoolTrafficChart } from "@/components/charts/pool-traffic-chart";
import { Card } from "@/components/ui/card";
import { poolKeys } from "@/lib/query-keys";
import type { PoolStatsView } from "@/lib/server/dal/pool-stats";

const STATS_REFRESH_MS = 2_000;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** The data plane's live counters for a pool and a requests/errors chart built from successive readings. */
export function PoolStatsCard({ poolId, listenPort }: { poolId: string; listenPort: number | null }) {
  const [series, setSeries] = useState<{ last: PoolStatsView | null; points: RatePoint[] }>({ last: null, points: [] });
  const { data } = useQuery({
    queryKey: [...poolKeys.detail(poolId), "stats"],
    queryFn: async () => {
      const stats = await getPoolStatsAction(poolId);
      setSeries((s) => ({ last: stats, points: appendRatePoint(s.points, s.last, stats) }));
      return stats;
    },
    refetchInterval: STATS_REFRESH_MS,
  });
  return (
    <Card title="Traffic" actions={<span className="text-xs text-zinc-500">{listenPort ? `proxy on 127.0.0.1:${listenPort}` : "no listen port: not served"}</span>}>
      {!data?.at ? (
        <p className="text-sm text-zinc-500">No traffic recorded yet. The engine worker serves pools with a listen port and reports here every second.</p>
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-5 gap-4" aria-label="Pool counters">
            <Figure label="Requests" value={data.totalRequests.toLocaleString("en-GB")} />
            <Figure label="Succeeded" value={data.successfulRequests.toLocaleString("en-GB")} />
            <Figure label="Failed" value={data.failedRequests.toLocaleString("en-GB")} />
            <Figure label="Avg response" value={`${data.averageResponseTimeMs.toFixed(1)} ms`} />
            <Figure label="Active" value={String(data.activeConnections)} />
          </dl>
          <PoolTrafficChart points={series.points} />
        </div>
      )}
    </Card>
  );
}
